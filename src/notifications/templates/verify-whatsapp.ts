// WhatsApp message with the one-time code that proves the number is active ("Nomor Whatsapp Aktif").
import { bilingual, type MessageText } from './compose.js';

export function verifyWhatsapp(d: { code: string; minutes: number }): MessageText {
  return {
    subject: null,
    body: bilingual(
      `Kode verifikasi Alur Anda: ${d.code}. Berlaku ${d.minutes} menit. Jangan berikan kode ini kepada siapa pun.`,
      `Your Alur verification code: ${d.code}. Valid for ${d.minutes} minutes. Do not share this code with anyone.`,
    ),
  };
}
