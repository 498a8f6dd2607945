// A small XML writer: elements with escaped attribute values and text, indented two spaces per level.
// NOTE: characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF) are
// dropped, so text read from any document always gives well-formed XML.

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeText = (s: string): string => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** One element: `children` are elements (strings from `el`) or, with `text`, the element's text. */
export interface XmlNode { name: string; attrs?: Attrs; children?: XmlNode[]; text?: string }

export const el = (name: string, attrs: Attrs = {}, children: XmlNode[] = []): XmlNode => ({ name, attrs, children });
export const textEl = (name: string, text: string, attrs: Attrs = {}): XmlNode => ({ name, attrs, text });

function attrsOf(attrs: Attrs | undefined): string {
  return Object.entries(attrs ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

/** The element and its children as indented XML. */
export function render(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${attrsOf(node.attrs)}`;
  if (node.text !== undefined) return `${open}>${escapeText(node.text)}</${node.name}>`;
  if (!node.children?.length) return `${open} />`;
  return `${open}>\n${node.children.map((c) => render(c, depth + 1)).join('\n')}\n${pad}</${node.name}>`;
}

export const xmlDocument = (root: XmlNode): string => `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;
