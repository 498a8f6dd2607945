// Shapes Tabel 7 "Monitoring Pelaksanaan SOP" for print (views/reports/tabel-7.hbs) and as CSV:
// the SOP's identity (when the diagram carries alur:sopIdentity), the semester and the rows.
import { readSopDocument, type SopIdentity } from '../workflow/index.js';
import { translate, type Lang } from '../web/i18n.js';
import type { Table } from '../csv.js';
import type { ComplianceReport } from './report-service.js';
import type { Semester } from './period.js';
import { tabel7Rows } from './tabel7.js';

const identities = new Map<string, Promise<SopIdentity | null>>();
const MAX_IDENTITIES = 50;

/** The SOP identity of a diagram (kept per XML: a deployed version never changes, and parsing one takes tens of ms). */
function identityOf(xml: string): Promise<SopIdentity | null> {
  let identity = identities.get(xml);
  if (!identity) {
    if (identities.size >= MAX_IDENTITIES) identities.clear();
    // a diagram without a readable SOP identity still gets its sheet
    identities.set(xml, (identity = readSopDocument(xml).then((doc) => doc.identity, () => null)));
  }
  return identity;
}

export async function tabel7PageModel(o: { report: ComplianceReport; semester: Semester; lang: Lang; xml: string; choices: string[] }) {
  const t = (key: string) => translate(o.lang, key);
  const rows = tabel7Rows(o.report, o.lang);
  const csv: Table = {
    header: ['no', 'prosedur', 'baik', 'tidakBaik', 'catatan', 'tindakan', 'paraf'].map((k) => t(`tabel7.col.${k}`)),
    rows: rows.map((r) => [r.no, r.prosedur, r.baik === true ? 'X' : '', r.baik === false ? 'X' : '', r.catatan, r.tindakan, '']),
  };
  return {
    title: 'tabel7.title',
    identity: await identityOf(o.xml),
    processName: o.report.processName,
    version: o.report.version,
    semester: o.semester,
    semesterLabel: `${t(`tabel7.semester.${o.semester.half}`)} ${o.semester.year}`,
    choices: o.choices.map((key) => ({ key, selected: key === o.semester.key, label: `${t(`tabel7.semester.${key.slice(-1)}`)} ${key.slice(0, 4)}` })),
    goodPct: Math.round(o.report.goodShare * 100),
    rows,
    csv,
  };
}
