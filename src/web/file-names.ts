// The one sanitiser of file names that users supply (uploads): what is stored and shown, and what
// goes into a Content-Disposition header.

/** C0/C1 controls and DEL; the bidirectional controls that can make "gpj.exe" read as "exe.jpg"; line separators. */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
const MAX_LENGTH = 120; // code points of the name without its extension

/**
 * A display name: the last path part, NFC-normalised, without control or bidi characters, quotes
 * or angle brackets, whitespace collapsed, at most MAX_LENGTH characters, and ending in `.ext`
 * (the extension of the type found by content, not the one the client sent).
 */
export function cleanFileName(name: string, ext: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.normalize('NFC').replace(UNSAFE, '').replace(/["<>]/g, '').replace(/\s+/g, ' ').trim();
  const base = Array.from(cleaned.replace(/\.[^.]*$/, '')).slice(0, MAX_LENGTH).join('').trim();
  return `${base || 'dokumen'}.${ext}`;
}

/** The text without control, bidi or line-separator characters (for names stored before the sanitiser existed). */
export function withoutUnsafeChars(text: string): string {
  return text.replace(UNSAFE, '');
}
