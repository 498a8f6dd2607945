// Limits checked on the raw XML text before bpmn-moddle parses it: the number of elements (each
// costs parse, validation and engine time) and how deeply they nest (every walker of the parsed
// tree, ours and the libraries', recurses per level: deep nesting overflows the stack).
// One linear pass over the text, stopping at the first limit exceeded.

/** Most XML elements (every tag, diagram layout included) in one BPMN file. The shipped process has 162. */
export const MAX_DEFINITION_ELEMENTS = 3000;
/** Deepest nesting of XML elements in one BPMN file. The shipped process nests 7 deep. */
export const MAX_XML_DEPTH = 64;

export type XmlLimit = 'elements' | 'depth';

export interface XmlLimitExceeded {
  limit: XmlLimit;
  max: number;
}

export interface XmlLimits {
  maxElements: number;
  maxDepth: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxElements: MAX_DEFINITION_ELEMENTS, maxDepth: MAX_XML_DEPTH };

/** Index just past the `>` that closes a tag opened at `from`, skipping quoted attribute values; -1 if none. */
export function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** Where the markup that starts with `<` at `at` ends: comments, CDATA, declarations, PIs and tags. */
function skipMarkup(xml: string, at: number, close: string): number {
  const end = xml.indexOf(close, at);
  return end < 0 ? xml.length : end + close.length;
}

/**
 * The first limit `xml` exceeds, or null. Malformed markup is left to the parser: this pass only
 * has to count every element the parser could build and never to be slower than linear.
 */
export function xmlLimitExceeded(xml: string, limits: XmlLimits = DEFAULT_LIMITS): XmlLimitExceeded | null {
  let elements = 0;
  let depth = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    const next = xml[i + 1];
    if (xml.startsWith('<!--', i)) i = skipMarkup(xml, i + 4, '-->');
    else if (xml.startsWith('<![CDATA[', i)) i = skipMarkup(xml, i + 9, ']]>');
    else if (next === '?') i = skipMarkup(xml, i + 2, '?>');
    else if (next === '!') i = skipMarkup(xml, i + 2, '>');
    else if (next === '/') {
      depth = Math.max(0, depth - 1);
      i = skipMarkup(xml, i + 2, '>');
    } else {
      const end = tagEnd(xml, i + 1);
      if (end < 0) break;
      if (++elements > limits.maxElements) return { limit: 'elements', max: limits.maxElements };
      if (xml[end - 2] !== '/' && ++depth > limits.maxDepth) return { limit: 'depth', max: limits.maxDepth };
      i = end;
    }
    i = xml.indexOf('<', i);
  }
  return null;
}

/** The English reason of an exceeded limit (the studio shows its own translation, see `limit`). */
export function xmlLimitReason({ limit, max }: XmlLimitExceeded): string {
  return limit === 'elements'
    ? `the file has more than ${max} XML elements, the limit for one process`
    : `the XML elements are nested more than ${max} levels deep, the limit for one process`;
}
