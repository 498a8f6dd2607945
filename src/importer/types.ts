// Data shapes of the SOP importer: a source document (PDF or pasted text) is read into a SopTable
// (what the document says, cell by cell and shape by shape), which is built into an ImportResult
// (the BPMN draft, its summary and the list of what the importer is unsure of).
import type { SopIdentity } from '../workflow/sop-types.js';

/** Flowchart symbols of the Pelaksana columns (Permen PANRB 35/2012). */
export type ShapeKind = 'terminator' | 'process' | 'decision';

/** One chart shape drawn in a table row. */
export interface TableShape {
  /** unique within the table, e.g. "s3" */
  id: string;
  kind: ShapeKind;
  /** index into SopTable.columns; null when the shape sits in no clear Pelaksana column */
  column: number | null;
  /** text printed inside the shape, if any (e.g. "Setuju?", "Mulai") */
  text: string;
}

/** One row of the procedure table, in table order across pages. */
export interface TableRow {
  /** the "No" cell as printed ("1", "1.", "12"); '' when the row has none */
  no: string;
  page: number; // 1-based
  kegiatan: string; // whitespace collapsed, lines joined
  shapes: TableShape[]; // left to right
  /** Mutu Baku: Persyaratan/Kelengkapan/Input items (a numbered or bulleted cell split into items) */
  persyaratan: string[];
  waktu: string; // as printed
  output: string;
  keterangan: string; // '' when empty or when the table has no Keterangan column
}

/** An arrow between two shapes, labelled as printed near it ("Ya", "Tidak", "Belum Sesuai", or ''). */
export interface TableConnector {
  from: string; // TableShape.id
  to: string; // TableShape.id
  label: string;
}

/** What the importer is unsure of, or why it refuses; texts live in src/importer/problem-texts.ts. */
export interface ImportProblem {
  /** e.g. 'shape-no-lane', 'row-no-shape', 'dangling-connector', 'decision-one-branch', 'waktu-unreadable' */
  code: string;
  severity: 'error' | 'warning';
  /** 1-based position of the row in the table; null for the document as a whole */
  row: number | null;
  /** the row's Kegiatan (names the step in the message) */
  step: string;
  /** the draft element the problem is about, once built; null before or when none */
  elementId: string | null;
  args?: Record<string, string>;
}

/** A document read cell by cell: the contract between the readers (pdf/, text/) and the builder. */
export interface SopTable {
  source: 'pdf' | 'text';
  pages: number;
  /** '' for every field not found */
  identity: SopIdentity;
  /** Pelaksana column headers, left to right, as printed (lines joined) */
  columns: string[];
  rows: TableRow[];
  connectors: TableConnector[];
  /** problems found while reading (a connector with no end, a shape outside every column, ...) */
  problems: ImportProblem[];
}

export interface ImportedMutuBaku {
  persyaratan: string[];
  /** the Waktu cell as printed */
  waktu: string;
  /** ISO-8601 duration when the cell is one ("15 Menit" -> PT15M, "1-2 jam" -> PT2H), else null */
  waktuIso: string | null;
  /** true when the time counts working days/hours ("3 hari kerja") */
  hariKerja: boolean;
  output: string;
  keterangan: string[];
}

export type ImportedNodeType = 'startEvent' | 'endEvent' | 'userTask' | 'exclusiveGateway';

export interface ImportedNode {
  id: string;
  type: ImportedNodeType;
  name: string;
  /** the lane's name (a Pelaksana header); null when the shape had no clear column */
  lane: string | null;
  /** 1-based position of the source row in the table */
  row: number;
  /** on events and tasks that carry the row's Mutu Baku (a decision row: on its task, not its gateway) */
  mutuBaku?: ImportedMutuBaku;
}

export interface ImportedFlow {
  id: string;
  source: string; // ImportedNode.id
  target: string;
  name: string; // the connector's label
}

/** The draft: BPMN 2.0 XML with diagram interchange, and the same content as data. */
export interface ImportResult {
  source: 'pdf' | 'text';
  pages: number;
  processKey: string;
  name: string;
  identity: SopIdentity;
  lanes: string[];
  nodes: ImportedNode[];
  flows: ImportedFlow[];
  problems: ImportProblem[];
  xml: string;
}

/** Why a document is refused (no draft): the message key is `import.refused.<code>`. */
export type ImportRefusal =
  | 'scanned' // PDF without a text layer
  | 'encrypted'
  | 'broken' // not a readable PDF
  | 'not-sop' // no procedure table found
  | 'unknown-headers' // a table whose columns are not the SOP format's
  | 'too-large'
  | 'too-many-pages'
  | 'empty'
  | 'timeout';

export class ImportRefusedError extends Error {
  constructor(
    readonly code: ImportRefusal,
    readonly details: Record<string, string> = {},
  ) {
    super(`SOP import refused: ${code}`);
    this.name = 'ImportRefusedError';
  }
}
