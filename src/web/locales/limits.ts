// Messages of the store-backed rate limits (login, sign-up, password reset, messages per contact).
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
  },
  en: {
    'limits.login.m': 'Too many login attempts. Try again in {0} minutes.',
    'limits.login.h': 'Too many login attempts. Try again in {0} hours.',
    'limits.signUp.m': 'Too many sign-ups from this device or with this e-mail/WhatsApp number. Try again in {0} minutes.',
    'limits.signUp.h': 'Too many sign-ups from this device or with this e-mail/WhatsApp number. Try again in {0} hours.',
    'limits.reset.m': 'Too many requests. Try again in {0} minutes.',
    'limits.reset.h': 'Too many requests. Try again in {0} hours.',
    'verify.resend.capped': 'The daily message limit for this address or number has been reached. Try again tomorrow.',
  },
};
