// Shapes an SOP document for views/studio/sop.hbs: formatted identity, and per row its texts and
// the SVG of its flowchart cell. The template holds no logic.
import type { SopDocument } from '../workflow/index.js';
import { chartRows } from './sop-chart.js';
import { sopDate, sopDuration } from './sop-format.js';
import { rowSvg } from './sop-svg.js';

export function sopView(doc: SopDocument) {
  const charts = chartRows(doc);
  const { identity } = doc;
  return {
    identity: {
      ...identity,
      tanggalPembuatan: sopDate(identity.tanggalPembuatan),
      tanggalRevisi: sopDate(identity.tanggalRevisi),
      tanggalEfektif: sopDate(identity.tanggalEfektif),
    },
    columns: doc.columns,
    columnCount: Math.max(1, doc.columns.length),
    rows: doc.rows.map((row, i) => ({
      ...row,
      time: sopDuration(row.timeStandard),
      manyRequirements: row.requirements.length > 1,
      manyKeterangan: row.keterangan.length > 1,
      svg: rowSvg(charts[i]!, Math.max(1, doc.columns.length)),
    })),
  };
}
