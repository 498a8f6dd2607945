// Reads the SOP identity (Bagian Identitas, Permen PANRB 35/2012) from `alur:sopIdentity` in
// the process's extension elements, and checks its dates.
import { label, type ModdleNode } from './moddle.js';
import type { SopIdentity } from './sop-types.js';
import { clip, clipList, TEXT_LIMITS } from './model-text-limits.js';
import { finding, messagesOf, type Finding } from './findings.js';

const LISTS = ['dasarHukum', 'kualifikasiPelaksana', 'keterkaitan', 'peralatan', 'peringatan', 'pencatatan'] as const;
const DATES = ['tanggalPembuatan', 'tanggalRevisi', 'tanggalEfektif'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// NOTE: texts are clipped to the deploy limits, so an identity stored before them renders bounded
const text = (node: ModdleNode | undefined, key: string): string => {
  const value = node?.[key];
  return typeof value === 'string' ? clip(value.trim(), TEXT_LIMITS.identityField) : '';
};
const list = (node: ModdleNode | undefined, key: string): string[] =>
  clipList(((node?.[key] as unknown[] | undefined) ?? []).map((v) => String(v).trim()).filter(Boolean), TEXT_LIMITS.identityItem);

export function identityNode(process: ModdleNode | undefined): ModdleNode | undefined {
  const values = ((process?.extensionElements as ModdleNode | undefined)?.values as ModdleNode[] | undefined) ?? [];
  return values.find((v) => v.$type === 'alur:SopIdentity');
}

/** The identity of a process; every field is '' or [] when not set. */
export function readSopIdentity(process: ModdleNode | undefined, fallbackName: string): SopIdentity {
  const node = identityNode(process);
  const lists = Object.fromEntries(LISTS.map((key) => [key, list(node, key)])) as Record<(typeof LISTS)[number], string[]>;
  return {
    instansi: text(node, 'instansi'),
    satuanKerja: text(node, 'satuanKerja'),
    nomor: text(node, 'nomor'),
    tanggalPembuatan: text(node, 'tanggalPembuatan'),
    tanggalRevisi: text(node, 'tanggalRevisi'),
    tanggalEfektif: text(node, 'tanggalEfektif'),
    namaSop: text(node, 'namaSop') || clip(fallbackName, TEXT_LIMITS.identityField),
    disahkan: {
      jabatan: text(node, 'disahkanJabatan'),
      nama: text(node, 'disahkanNama'),
      pangkat: text(node, 'disahkanPangkat'),
      nip: text(node, 'disahkanNip'),
    },
    ...lists,
  };
}

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) && date.getUTCMonth() === Number(m[2]) - 1;
}

/** Findings for identity dates that are not real `YYYY-MM-DD` dates. */
export function sopIdentityFindings(nodes: ModdleNode[]): Finding[] {
  return nodes
    .filter((n) => n.$type === 'alur:SopIdentity')
    .flatMap((node) =>
      DATES.filter((key) => text(node, key) && !isCalendarDate(text(node, key))).map(
        (key) => finding('identity-date', node, `${label(node)}: ${key} "${text(node, key)}" is not a date (YYYY-MM-DD)`, { field: key, value: text(node, key) }),
      ),
    );
}

export const sopIdentityReasons = (nodes: ModdleNode[]): string[] => messagesOf(sopIdentityFindings(nodes));
