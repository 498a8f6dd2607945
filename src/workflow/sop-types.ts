// Public data shapes of the SOP document (Permen PANRB 35/2012), validation problems and version
// diffs: plain, serialisable values only.

/** Bagian Identitas of an SOP (`alur:sopIdentity` on the process). Dates are ISO `YYYY-MM-DD` or ''. */
export interface SopIdentity {
  instansi: string;
  satuanKerja: string;
  nomor: string;
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  namaSop: string;
  disahkan: { jabatan: string; nama: string; pangkat: string; nip: string };
  dasarHukum: string[];
  kualifikasiPelaksana: string[];
  keterkaitan: string[];
  peralatan: string[];
  peringatan: string[];
  pencatatan: string[];
}

/** Flowchart symbols of the SOP table: kapsul (terminator), kotak (process), belah ketupat (decision). */
export type SopSymbol = 'terminator' | 'process' | 'decision';

/** One row of the procedure table. `column` indexes `SopDocument.columns` (the Pelaksana). */
export interface SopRow {
  no: number;
  elementIds: string[];
  uraian: string;
  column: number;
  symbol: SopSymbol;
  requirements: string[];
  timeStandard: string;
  output: string;
  keterangan: string[];
  /** A row with shapes in several lanes (steps sharing one `langkah`): each shape, the row's own first. */
  shapes?: SopRowShape[];
}

/** One chart shape of a row with several; `column` indexes `SopDocument.columns`. */
export interface SopRowShape {
  column: number;
  symbol: SopSymbol;
  elementIds: string[];
}

/** An arrow between two rows (0-based row indexes), labelled with the flow name (e.g. "Ya"). */
export interface SopEdge {
  from: number;
  to: number;
  label: string;
  /** Which of the `from` row's `shapes` the arrow leaves (only when that row has several). */
  fromShape?: number;
  /** Which of the `to` row's `shapes` the arrow enters (only when that row has several). */
  toShape?: number;
}

export interface SopDocument {
  processKey: string;
  name: string;
  identity: SopIdentity;
  columns: string[];
  rows: SopRow[];
  edges: SopEdge[];
}

/** How a problem names an element: its name, else its type and position among its type ("Tugas tanpa nama (ke-3)"). */
export interface ElementRef {
  type: string;
  name: string;
  position: number;
}

/** Arguments of a problem's text: plain values, or elements named like the problem's own. */
export type ProblemArgs = Record<string, string | ElementRef[]>;

/** One finding about a definition, tied to a diagram element when there is one. */
export interface DefinitionProblem {
  elementId: string | null;
  /** English text for logs and the command line; the interface words it from `code` (src/web/locales/problems.ts). */
  message: string;
  severity: 'error' | 'warning';
  /** `alur` for Alur's executable rules, else the bpmnlint rule name */
  rule: string;
  /** The message key (`problem.<code>`); absent on problems made outside the workflow's rules. */
  code?: string;
  args?: ProblemArgs;
  /** The element named in the text (null: the file as a whole). */
  element?: ElementRef | null;
}

export interface DiffElement {
  id: string;
  type: string;
  name: string;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** A readable difference between two versions of a process. */
export interface DefinitionDiff {
  added: DiffElement[];
  removed: DiffElement[];
  changed: Array<DiffElement & { changes: FieldChange[] }>;
  layoutChanged: DiffElement[];
  identity: FieldChange[];
}
