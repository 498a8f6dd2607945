// Opens an uploaded PDF with pdf.js (Mozilla, legacy build for Node) in a locked-down configuration,
// and turns its load failures into the importer's refusals.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AnnotationMode, getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportRefusedError } from '../types.js';

export type { PDFDocumentProxy, PDFPageProxy };
export { AnnotationMode };

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dataDir = (name: string): string => join(pdfjsRoot, name) + '/';

/** Pixels above which pdf.js drops an image instead of decoding it (connector pictures are small). */
const MAX_IMAGE_PIXELS = 4_000_000;

/**
 * Opens the document. NOTE: eval, font loading, system fonts, XFA and the network are off: an uploaded
 * file must never run code or reach out; CMaps and standard font data are read from the installed package.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
  const data = new Uint8Array(bytes);
  const task = getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    useWorkerFetch: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    wasmUrl: dataDir('wasm'),
    iccUrl: dataDir('iccs'),
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw refusalOf(err);
  }
}

function refusalOf(err: unknown): ImportRefusedError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return new ImportRefusedError('encrypted');
  return new ImportRefusedError('broken', { reason: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
}
