// Reads a published SOP PDF (Permen PANRB 35/2012 layout, with a text layer) into a SopTable: the
// identity block, the procedure table's rows and the flowchart drawn in its Pelaksana columns.
import { ImportRefusedError, type ImportProblem, type SopTable } from '../types.js';
import { openPdf, type PDFDocumentProxy, type PDFPageProxy } from './pdf-load.js';
import { pageFrame, readPageDrawing, readPageText, type TextPiece } from './page-content.js';
import { primitivesOf } from './primitives.js';
import { symbolsOf } from './shapes.js';
import { rulesOf } from './rules.js';
import { findHeader, hasHeaderWords, type TableColumn, type TableHeader } from './table-header.js';
import { readRasterConnectors } from './raster-arrows.js';
import { continuationTop, continues, readTablePage, type PageDrawingData, type TablePage } from './table-pages.js';
import { emptyIdentity, readIdentity } from './identity.js';
import { assemble } from './assemble.js';

export const DEFAULT_MAX_PAGES = 20;
/** Below this many characters a page on average, a PDF without a table is a scan (a BSrE stamp line has ~200). */
const SCAN_CHARS_PER_PAGE = 300;

export async function readSopPdf(bytes: Uint8Array, limits?: { maxPages?: number }): Promise<SopTable> {
  const maxPages = limits?.maxPages ?? DEFAULT_MAX_PAGES;
  const doc = await openPdf(bytes);
  try {
    if (doc.numPages > maxPages) throw new ImportRefusedError('too-many-pages', { pages: String(doc.numPages), max: String(maxPages) });
    return await readDocument(doc);
  } finally {
    await doc.destroy();
  }
}

async function readDocument(doc: PDFDocumentProxy): Promise<SopTable> {
  const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)));
  const allTexts: TextPiece[][] = [];
  for (const page of pages) allTexts.push(await readPageText(page));
  // turned text is read in header cells only
  const texts = allTexts.map((t) => t.filter((p) => !p.rotated));
  const chars = texts.reduce((n, t) => n + t.reduce((m, p) => m + p.str.replace(/\s/g, '').length, 0), 0);
  if (chars === 0) throw new ImportRefusedError('scanned');
  const headerAt = texts.findIndex((t) => hasHeaderWords(t));
  if (headerAt < 0) throw new ImportRefusedError(chars / pages.length < SCAN_CHARS_PER_PAGE ? 'scanned' : 'not-sop');

  const drawings = new Map<number, PageDrawingData>();
  const drawingOf = async (i: number): Promise<PageDrawingData> => {
    const cached = drawings.get(i);
    if (cached) return cached;
    const drawing = await readPageDrawing(pages[i]!);
    const prims = primitivesOf(drawing.paints);
    const data = { prims, symbols: symbolsOf(prims.outlines), rules: rulesOf(prims), images: drawing.images };
    drawings.set(i, data);
    return data;
  };

  const identity = emptyIdentity();
  const problems: ImportProblem[] = [];
  for (let i = 0; i < headerAt; i++) problems.push(...readIdentity(texts[i]!, (await drawingOf(i)).rules, identity, pageFrame(pages[i]!).height));
  const first = findHeader(allTexts[headerAt]!, (await drawingOf(headerAt)).rules);
  if (first === null || first === 'unknown') throw new ImportRefusedError('unknown-headers');
  problems.push(...readIdentity(texts[headerAt]!, (await drawingOf(headerAt)).rules, identity, first.top));
  for (const header of first.ignored) problems.push({ code: 'column-ignored', severity: 'warning', row: null, step: '', elementId: null, args: { header } });

  const tablePages: TablePage[] = [];
  let columns = first.columns;
  for (let i = headerAt; i < pages.length; i++) {
    const drawing = await drawingOf(i);
    let header: TableHeader | null = null;
    let top: number;
    if (i === headerAt) {
      header = first;
      top = first.bottom;
    } else {
      const repeated = findHeader(allTexts[i]!, drawing.rules);
      if (repeated && repeated !== 'unknown' && sameActors(repeated, first)) {
        header = repeated;
        columns = repeated.columns;
        top = repeated.bottom;
      } else if (continues(columns, texts[i]!, drawing.rules)) {
        top = continuationTop(columns, drawing.rules, texts[i]!);
      } else {
        break;
      }
    }
    const frame = pageFrame(pages[i]!);
    const withPictures = await withRasterConnectors(pages[i]!, drawing, columns, frame.height);
    tablePages.push(readTablePage(i + 1, texts[i]!, withPictures, columns, header, top, frame.height));
  }
  const table = assemble(tablePages);
  return {
    source: 'pdf',
    pages: pages.length,
    identity,
    columns: table.columns,
    rows: table.rows,
    connectors: table.connectors,
    problems: [...problems, ...table.problems],
  };
}

/** The page's drawing with the connectors pasted as pictures in the Pelaksana columns traced into lines. */
async function withRasterConnectors(page: PDFPageProxy, drawing: PageDrawingData, columns: readonly TableColumn[], pageHeight: number): Promise<PageDrawingData> {
  const actors = columns.filter((c) => c.role === 'actor');
  const area = { x0: Math.min(...actors.map((c) => c.x0)), x1: Math.max(...actors.map((c) => c.x1)), y0: 0, y1: pageHeight };
  const traced = await readRasterConnectors(page, drawing.images, area);
  if (!traced.lines.length && !traced.blobs.length) return drawing;
  return { ...drawing, prims: { ...drawing.prims, lines: [...drawing.prims.lines, ...traced.lines], blobs: [...drawing.prims.blobs, ...traced.blobs] } };
}

function sameActors(a: TableHeader, b: TableHeader): boolean {
  const actors = (h: TableHeader): string => h.columns.filter((c) => c.role === 'actor').map((c) => c.header.toLowerCase()).join('|');
  return actors(a) === actors(b);
}
