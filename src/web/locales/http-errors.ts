// Messages of the error page for requests the app refuses as malformed or too large (4xx).
import type { Catalogue } from './catalogue.js';

export const httpErrors: Catalogue = {
  id: {
    'error.badRequest': 'Permintaan tidak dapat dibaca (alamat atau isian rusak). Periksa alamat, lalu coba lagi dari halaman sebelumnya.',
    'error.bodyTooLarge': 'Isian formulir terlalu besar (paling banyak 64 KB teks). Persingkat isian lalu kirim kembali.',
    'error.tooManyFields': 'Formulir memuat terlalu banyak isian (paling banyak 200). Muat ulang halaman lalu kirim kembali.',
    'error.charset': 'Pengodean karakter formulir tidak didukung. Kirim formulir dari peramban dengan pengodean UTF-8.',
    'error.encoding': 'Pemampatan isian formulir tidak didukung.',
    'error.unsupportedType': 'Jenis isian yang dikirim tidak didukung.',
    'error.malformedForm': 'Formulir yang dikirim rusak atau tidak lengkap. Muat ulang halaman lalu kirim kembali.',
    'error.tooManyRequests': 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    'upload.malformed': 'Unggahan rusak atau terpotong, atau nama berkas memuat karakter yang tidak sah. Ganti nama berkas lalu unggah kembali.',
    'upload.unreadableImage': 'Gambar tidak dapat dibaca atau terlalu besar (paling banyak 40 megapiksel). Pindai ulang atau simpan sebagai PDF lalu unggah kembali.',
  },
  en: {
    'error.badRequest': 'The request could not be read (a broken address or input). Check the address, then try again from the previous page.',
    'error.bodyTooLarge': 'The form input is too large (at most 64 KB of text). Shorten it and submit again.',
    'error.tooManyFields': 'The form has too many fields (at most 200). Reload the page and submit again.',
    'error.charset': 'The character encoding of the form is not supported. Submit the form from a browser using UTF-8.',
    'error.encoding': 'The compression of the form input is not supported.',
    'error.unsupportedType': 'The kind of input sent is not supported.',
    'error.malformedForm': 'The submitted form is broken or incomplete. Reload the page and submit again.',
    'error.tooManyRequests': 'Too many requests. Wait a moment and try again.',
    'upload.malformed': 'The upload is broken or cut off, or the file name contains characters that are not allowed. Rename the file and upload it again.',
    'upload.unreadableImage': 'The image cannot be read or is too large (at most 40 megapixels). Rescan it or save it as a PDF and upload it again.',
  },
};
