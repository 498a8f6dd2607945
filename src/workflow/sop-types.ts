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
}

/** An arrow between two rows (0-based row indexes), labelled with the flow name (e.g. "Ya"). */
export interface SopEdge {
  from: number;
  to: number;
  label: string;
}

export interface SopDocument {
  processKey: string;
  name: string;
  identity: SopIdentity;
  columns: string[];
  rows: SopRow[];
  edges: SopEdge[];
}

/** One finding about a definition, tied to a diagram element when there is one. */
export interface DefinitionProblem {
  elementId: string | null;
  message: string;
  severity: 'error' | 'warning';
  /** `alur` for Alur's executable rules, else the bpmnlint rule name */
  rule: string;
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
