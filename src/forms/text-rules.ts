// Characters no submitted text may carry: C0/C1 control characters (a multi-line field keeps tab,
// line feed and the carriage return browsers send with it) and the bidi embedding, override and
// isolate marks (U+202A–U+202E, U+2066–U+2069) that make shown text read differently from what it is.
import type { FieldDef, FieldValue } from './form-types.js';

// eslint-disable-next-line no-control-regex
const SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Whether a submitted value has a character its field refuses (passwords are never shown, so exempt). */
export function hasForbiddenChars(field: Pick<FieldDef, 'type'>, value: FieldValue): boolean {
  if (field.type === 'password') return false;
  const pattern = field.type === 'textarea' ? MULTI_LINE : SINGLE_LINE;
  return (Array.isArray(value) ? value : [value]).some((v) => pattern.test(v));
}
