// Shared shape of message templates: Bahasa Indonesia first, the same text in English below it
// (users have no language preference yet; every recipient reads Indonesian, many read English).
import { formatDateTime, translate, type Lang } from '../../web/i18n.js';

export interface MessageText {
  subject: string | null; // e-mail only
  body: string;
}

/** Who signs the messages: the office running the deployment (a pack's messages name it), else Alur. */
export function signature(lang: Lang): string {
  return translate(lang, 'message.signature');
}

/** @deprecated the generic signature, fixed at import: use signature(lang), which names the office. */
export const SIGNATURE_ID = 'Tim Layanan Alur';
/** @deprecated the generic signature, fixed at import: use signature(lang), which names the office. */
export const SIGNATURE_EN = 'The Alur service team';

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
