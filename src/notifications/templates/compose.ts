// Shared shape of message templates: Bahasa Indonesia first, the same text in English below it
// (users have no language preference yet; every recipient reads Indonesian, many read English).
import { formatDateTime } from '../../web/i18n.js';

export interface MessageText {
  subject: string | null; // e-mail only
  body: string;
}

export const SIGNATURE_ID = 'Biro Pengadaan Barang/Jasa Setda Provinsi Kalimantan Barat';
export const SIGNATURE_EN = 'Procurement Bureau, Regional Secretariat of West Kalimantan Province';

/** Indonesian text, then an English block. */
export function bilingual(id: string, en: string): string {
  return `${id.trim()}\n\n— English —\n${en.trim()}\n`;
}

export function subject(id: string, en: string): string {
  return `${id} / ${en}`;
}

export function at(iso: string): { id: string; en: string } {
  return { id: formatDateTime(iso, 'id'), en: formatDateTime(iso, 'en') };
}
