// Bounds on one import: a larger input is refused ('too-large', 'too-many-pages') before or while it is read.
export const IMPORT_LIMITS = {
  pdfBytes: 10 * 1024 * 1024,
  textBytes: 200 * 1024,
  rows: 200,
  pages: 20,
} as const;
