// Shapes an SOP document for views/studio/sop.hbs: formatted identity, and per row its texts and
// the SVG of its flowchart cell. The template holds no logic.
import type { SopDocument } from '../workflow/index.js';
import { chartRows } from './sop-chart.js';
import { sopDate, sopDuration, sopRevision, type SopVersion } from './sop-format.js';
import { rowSvg } from './sop-svg.js';

/** One list of the document: a single item prints as plain text (as in the PDF), several as a list. */
const listOf = (items: string[]) => ({ items, many: items.length > 1, single: items.length === 1 ? items[0] : '' });

export function sopView(doc: SopDocument, version: SopVersion) {
  const charts = chartRows(doc);
  const { identity } = doc;
  return {
    identity: {
      ...identity,
      tanggalPembuatan: sopDate(identity.tanggalPembuatan),
      tanggalRevisi: sopRevision(version),
      tanggalEfektif: sopDate(identity.tanggalEfektif),
    },
    lists: {
      dasarHukum: listOf(identity.dasarHukum), kualifikasiPelaksana: listOf(identity.kualifikasiPelaksana),
      keterkaitan: listOf(identity.keterkaitan), peralatan: listOf(identity.peralatan),
      peringatan: listOf(identity.peringatan), pencatatan: listOf(identity.pencatatan),
    },
    columns: doc.columns,
    columnCount: Math.max(1, doc.columns.length),
    rows: doc.rows.map((row, i) => ({
      ...row,
      time: sopDuration(row.timeStandard),
      // the flowchart is an image: the row's actors as text for screen readers (a row may have shapes in several lanes)
      actor: [...new Set((row.shapes ?? [row]).map((s) => doc.columns[s.column] ?? ''))].filter(Boolean).join(', '),
      manyRequirements: row.requirements.length > 1,
      manyKeterangan: row.keterangan.length > 1,
      svg: rowSvg(charts[i]!, Math.max(1, doc.columns.length)),
    })),
  };
}
