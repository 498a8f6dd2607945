// Messages of the store-backed rate limits (login, sign-up, password reset, messages per contact, case starts).
import type { Catalogue } from './catalogue.js';

export const limits: Catalogue = {
  id: {
    'limits.login.m': 'Terlalu banyak percobaan masuk. Coba lagi dalam {0} menit.',
    'limits.login.h': 'Terlalu banyak percobaan masuk. Coba lagi dalam {0} jam.',
    'limits.signUp.m': 'Terlalu banyak pendaftaran dari perangkat ini atau dengan email/nomor WhatsApp ini. Coba lagi dalam {0} menit.',
    'limits.signUp.h': 'Terlalu banyak pendaftaran dari perangkat ini atau dengan email/nomor WhatsApp ini. Coba lagi dalam {0} jam.',
    'limits.reset.m': 'Terlalu banyak permintaan. Coba lagi dalam {0} menit.',
    'limits.reset.h': 'Terlalu banyak permintaan. Coba lagi dalam {0} jam.',
    'verify.resend.capped': 'Batas pesan harian ke alamat atau nomor ini tercapai. Coba lagi besok.',
    'limits.caseStart.m': 'Terlalu banyak permohonan dimulai dari akun ini. Isian Anda tetap tersimpan di formulir; coba lagi dalam {0} menit.',
    'limits.caseStart.h': 'Terlalu banyak permohonan dimulai dari akun ini. Isian Anda tetap tersimpan di formulir; coba lagi dalam {0} jam.',
  },
  en: {
    'limits.login.m': 'Too many login attempts. Try again in {0} minutes.',
    'limits.login.h': 'Too many login attempts. Try again in {0} hours.',
    'limits.signUp.m': 'Too many sign-ups from this device or with this e-mail/WhatsApp number. Try again in {0} minutes.',
    'limits.signUp.h': 'Too many sign-ups from this device or with this e-mail/WhatsApp number. Try again in {0} hours.',
    'limits.reset.m': 'Too many requests. Try again in {0} minutes.',
    'limits.reset.h': 'Too many requests. Try again in {0} hours.',
    'verify.resend.capped': 'The daily message limit for this address or number has been reached. Try again tomorrow.',
    'limits.caseStart.m': 'Too many requests started from this account. What you typed is kept in the form; try again in {0} minutes.',
    'limits.caseStart.h': 'Too many requests started from this account. What you typed is kept in the form; try again in {0} hours.',
  },
};
