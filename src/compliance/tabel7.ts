// Tabel 7 "Monitoring Pelaksanaan SOP" (Permen PANRB 35/2012) for one semester, pre-filled from the
// measurements: per SOP step "berjalan dengan baik" when at least GOOD_SHARE of its completions met
// the Mutu Baku Waktu, the figures as the Catatan, and a suggested action where it did not. The
// evaluator still reviews, edits by hand on paper and initials it (Paraf Penilai stays blank).
import type { Lang } from '../web/i18n.js';
import { APPLICANT_GROUP } from '../store/ports.js';
import { minutesText, percentText } from './report-format.js';
import type { StepRow } from './report-figures.js';
import type { ComplianceReport } from './report-service.js';

export interface Tabel7Row {
  no: number; // the SOP row number (langkah), so the sheet matches the SOP document
  stepNo: number | null;
  prosedur: string;
  /** true: berjalan dengan baik; false: tidak berjalan dengan baik; null: no data in the semester */
  baik: boolean | null;
  catatan: string;
  tindakan: string;
}

const TEXT = {
  id: {
    none: 'Tidak ada data pada periode ini.',
    figures: (s: StepRow, l: Lang) =>
      `${s.count} kali; median ${minutesText(s.medianMs, l)}; 9 dari 10 selesai dalam ${minutesText(s.p90Ms, l)}; ${percentText(s.withinShare)} (${s.within} dari ${s.count}) dalam Mutu Baku ${minutesText(s.standardMs, l)}.`,
    returns: (rate: string, n: number, of: number, top: string) => ` Dikembalikan ${rate} (${n} dari ${of})${top ? `; alasan terbanyak: ${top}` : ''}.`,
    overdue: (n: number) => ` ${n} masih terlambat saat laporan dibuat.`,
    staff: 'Tinjau beban kerja dan pembagian tugas pelaksana; pantau antrean setiap hari.',
    applicant: 'Beri panduan pengisian dan pengingat lebih awal kepada pemohon.',
    returnsAction: 'Perjelas persyaratan dokumen dan isian sebelum diajukan.',
  },
  en: {
    none: 'No data in this period.',
    figures: (s: StepRow, l: Lang) =>
      `${s.count} times; median ${minutesText(s.medianMs, l)}; 9 in 10 done within ${minutesText(s.p90Ms, l)}; ${percentText(s.withinShare)} (${s.within} of ${s.count}) within the ${minutesText(s.standardMs, l)} standard.`,
    returns: (rate: string, n: number, of: number, top: string) => ` Returned ${rate} (${n} of ${of})${top ? `; most frequent reason: ${top}` : ''}.`,
    overdue: (n: number) => ` ${n} still overdue when the report was made.`,
    staff: 'Review the workload and task sharing of the officers; watch the queue daily.',
    applicant: 'Give the applicants filling guidance and earlier reminders.',
    returnsAction: 'Make the document and form requirements clearer before submission.',
  },
};

/** Share of returns above which the returning step gets its own suggested action. */
const RETURN_ACTION_RATE = 0.2;

export function tabel7Rows(r: ComplianceReport, lang: Lang): Tabel7Row[] {
  const text = TEXT[lang];
  const ordered = [...r.steps].sort((a, b) => (a.stepNo ?? 999) - (b.stepNo ?? 999));
  return ordered.map((s, i) => {
    const returning = r.returns.steps.some((x) => x.elementId === s.elementId) && r.returns.decisions > 0;
    const top = r.returns.reasons[0];
    let catatan = s.count === 0 ? text.none : text.figures(s, lang);
    if (returning) catatan += text.returns(percentText(r.returns.rate), r.returns.returns, r.returns.decisions, top ? `${top.label} (${top.count})` : '');
    if (s.overdueNow > 0) catatan += text.overdue(s.overdueNow);
    const baik = s.count === 0 ? null : s.level === 'good';
    const actions = [
      ...(baik === false ? [s.groupId === APPLICANT_GROUP ? text.applicant : text.staff] : []),
      ...(returning && (r.returns.rate ?? 0) > RETURN_ACTION_RATE ? [text.returnsAction] : []),
    ];
    return { no: s.stepNo ?? i + 1, stepNo: s.stepNo, prosedur: s.name, baik, catatan, tindakan: actions.join(' ') };
  });
}
