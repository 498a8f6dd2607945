// What lists show beside a PPBJ applicant: the NIK from the identity form, masked (never in full).
import type { CaseRecord } from '../../store/ports.js';
import { maskNik } from '../../tasks/sla.js';
import type { CaseSubject } from '../pack.js';

export function ppbjCaseSubject(c: CaseRecord): CaseSubject | null {
  const masked = maskNik(c.data['ppbj-identitas']?.nik);
  return masked ? { label: 'field.nik', value: masked } : null;
}
