// The page frame's texts: header, service navigation, notification banners, footer.
import type { Catalogue } from './catalogue.js';

export const layout: Catalogue = {
  id: {
    'layout.service': 'Alur',
    'layout.menu': 'Menu',
    'layout.account': 'Akun',
    'layout.banner.ok': 'Berhasil',
    'layout.banner.warn': 'Penting',
    'layout.helpdesk': 'Bantuan',
    'layout.office': 'Penyelenggara',
    'layout.tableScroll': 'Tabel (geser ke samping untuk melihat semua kolom)',
    'form.errorPrefix': 'Kesalahan:',
    'process.no': 'No.',
  },
  en: {
    'layout.service': 'Alur',
    'layout.menu': 'Menu',
    'layout.account': 'Account',
    'layout.banner.ok': 'Success',
    'layout.banner.warn': 'Important',
    'layout.helpdesk': 'Help',
    'layout.office': 'Run by',
    'layout.tableScroll': 'Table (scroll sideways to see every column)',
    'form.errorPrefix': 'Error:',
    'process.no': 'No.',
  },
};
