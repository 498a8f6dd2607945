// How one staff audit entry reads in the log tables of /staf and /staf/:id (data shaped for the view).
import type { StaffAuditEvent } from '../store/ports.js';
import { roleLabel } from './staff-roles.js';

export interface AuditRowView {
  at: string;
  actorName: string | null;
  type: string;
  label: string;
  name: string;
  email: string | null;
  role: string | null;
  count: number | null;
  group: string | null; // "Kepala Seksi (kepala-seksi)" for a group change
}

export function auditRow(e: StaffAuditEvent): AuditRowView {
  const group = typeof e.data.group === 'string' ? e.data.group : null;
  const groupName = typeof e.data.groupName === 'string' ? e.data.groupName : group;
  return {
    at: e.at, actorName: e.actorName, type: e.type, label: `staff.audit.${e.type}`, name: String(e.data.name ?? ''),
    email: typeof e.data.email === 'string' ? e.data.email : null,
    role: typeof e.data.role === 'string' ? roleLabel(e.data.role) : null,
    count: typeof e.data.count === 'number' ? e.data.count : null,
    group: group ? (groupName === group ? group : `${groupName} (${group})`) : null,
  };
}
