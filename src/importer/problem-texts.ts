// What the SOP importer says, in Bahasa Indonesia and English: `import.problem.<code>` for what it is
// unsure of (a row's problem is prefixed with its number and Kegiatan) and `import.refused.<code>` for
// why a document gives no draft. `{…}` are the problem's arguments.
import type { Catalogue } from '../web/locales/catalogue.js';
import type { ImportProblem, ImportRefusal } from './types.js';

export const importTexts: Catalogue = {
  id: {
    'import.row': 'Baris {row} “{step}”: {text}',
    'import.problem.shape-no-lane': 'bentuk bagan tidak berada di kolom Pelaksana mana pun; pindahkan langkah ini ke lajur pelaksananya.',
    'import.problem.row-no-shape': 'tidak ada bentuk bagan pada baris ini, sehingga langkah ini tidak masuk ke draf; tambahkan langkahnya di modeler bila perlu.',
    'import.problem.dangling-connector': 'ada panah yang salah satu ujungnya tidak menyentuh bentuk bagan, sehingga tidak masuk ke draf; periksa alur masuk dan keluar langkah ini.',
    'import.problem.connector-no-arrow': 'sebuah garis tanpa kepala panah menghubungkan bentuk bagan langkah ini dengan bentuk lain; garis itu tidak dibaca sebagai alur. Gambar alurnya di pemodel bila memang ada.',
    'import.problem.shape-outside-row': 'bentuk bagan berada di luar baris tabelnya; periksa bahwa langkah ini berada di baris yang benar.',
    'import.problem.column-ignored': 'Kolom “{header}” bukan kolom format SOP dan isinya diabaikan; periksa apakah ada yang perlu dipindahkan.',
    'import.problem.text-too-long': '{field} ({count} karakter) lebih panjang dari {max} karakter yang dapat disimpan; singkatkan, dokumen SOP memotongnya.',
    'import.problem.list-too-long': '{field} memuat {count} butir, lebih dari {max}; gabungkan atau kurangi butirnya.',
    'import.problem.name-too-long': 'nama langkah ({count} karakter) lebih panjang dari {max} karakter yang diizinkan; singkatkan namanya (teks lengkapnya tetap menjadi Uraian di dokumen SOP).',
    'import.problem.label-unassigned': 'tulisan “{label}” di bagan tidak dapat dikaitkan dengan panah mana pun; beri nama alur yang tepat.',
    'import.problem.label-ambiguous': 'tulisan “{label}” di bagan dekat dengan lebih dari satu panah dan diberikan ke yang terdekat; periksa nama alurnya.',
    'import.problem.connector-from-image': 'ada panah yang tergambar sebagai gambar, bukan garis, dan dibaca dari letaknya; periksa alurnya.',
    'import.problem.shape-unclear': 'bentuk bagan pada baris ini tidak jelas jenisnya; periksa apakah langkah ini tugas, keputusan, atau awal/akhir.',
    'import.problem.row-no-kegiatan': 'kolom Kegiatan kosong; beri nama langkah ini.',
    'import.problem.row-several-shapes': 'baris ini memuat {count} bentuk bagan di lajur berbeda; langkah tambahan ini diberi nama yang sama, ganti namanya dan periksa Waktunya.',
    'import.problem.terminator-in-flow': 'simbol awal juga menerima panah (alur kembali); dijadikan peristiwa awal diikuti tugas untuk kegiatan baris ini, yang dituju alur kembali itu; periksa langkah ini.',
    'import.problem.terminator-unconnected': 'simbol awal/akhir tidak terhubung ke langkah mana pun; hubungkan dengan alurnya.',
    'import.problem.waktu-unreadable': 'Waktu “{waktu}” bukan lama waktu yang dapat dibaca; isi Waktu dengan angka dan satuan (mis. 15 menit).',
    'import.problem.waktu-total': 'Waktu “{waktu}” adalah batas waktu seluruh prosedur, bukan lama langkah ini; isi Waktu langkah ini dengan angka dan satuan.',
    'import.problem.waktu-empty': 'Waktu kosong; isi Waktu (standar waktu) langkah ini.',
    'import.problem.decision-one-branch': 'keputusan ini hanya punya {count} cabang keluar; tambahkan cabang yang lain (mis. “Tidak”).',
    'import.problem.decision-branch-unlabelled': 'salah satu cabang keputusan ini tidak berlabel; beri nama cabangnya (mis. “Ya” atau “Tidak”).',
    'import.problem.task-many-outgoing': 'langkah ini punya {count} panah keluar tanpa simbol keputusan, sehingga semua cabang dijalankan bersamaan; bila ini pilihan, tambahkan keputusan.',
    'import.problem.step-no-outgoing': 'tidak ada panah keluar dari langkah ini, sehingga alur berhenti di sini; hubungkan ke langkah berikutnya atau ke akhir.',
    'import.problem.no-start': 'Bagan tidak punya simbol Mulai (panah pertama); tambahkan peristiwa awal sebelum langkah pertama.',
    'import.problem.several-starts': 'ini salah satu dari {count} simbol Mulai; sebuah proses Alur dimulai dari satu titik, sisakan satu.',
    'import.problem.no-end': 'Bagan tidak punya simbol Selesai; tambahkan peristiwa akhir setelah langkah terakhir.',
    'import.problem.several-ends': 'Bagan punya {count} simbol Selesai; periksa bahwa setiap akhir memang dimaksudkan.',
    'import.problem.unreachable': 'langkah ini tidak dapat dicapai dari simbol Mulai; hubungkan dengan alurnya.',
    'import.problem.column-unnamed': 'Kolom Pelaksana ke-{column} tidak berjudul; lajurnya diberi nama sementara, ganti dengan nama pelaksana.',
    'import.problem.identity-no-name': 'Nama SOP tidak ditemukan; isi Nama SOP pada Identitas SOP.',
    'import.problem.identity-date-unreadable': 'Tanggal {field} “{value}” tidak dapat dibaca; isi tanggal pada Identitas SOP.',
    'import.problem.text-shape-guessed': 'bentuk bagan tidak ada pada teks; jenis langkah ini ditebak dari kalimatnya dan alurnya dari urutan baris, periksa keduanya.',
    'import.problem.text-lane-guessed': 'pelaksana ditebak dari tanda “{mark}” di kolom {lane}; periksa lajurnya.',
    'import.problem.text-decision-guessed': 'keputusan ditebak dari kalimat “Jika …”: “{yes}” ke baris {yesRow}, “{no}” ke baris {noRow}; periksa cabangnya.',
    'import.problem.text-branch-unresolved': 'cabang “{label}” dari kalimat “Jika …” tidak dapat dikaitkan dengan baris mana pun; hubungkan cabangnya.',
    'import.problem.text-columns-lost': 'kolom tabel tidak terbaca dari teks; Pelaksana dan Mutu Baku baris ini perlu diisi.',
    'import.refused.scanned': 'Dokumen hasil pindai, tidak ada teks. Salin tabel SOP dan tempel di kolom teks.',
    'import.refused.encrypted': 'Dokumen PDF terkunci (terenkripsi atau berkata sandi); simpan ulang tanpa kata sandi, atau salin tabel SOP dan tempel di kolom teks.',
    'import.refused.broken': 'Berkas bukan PDF yang dapat dibaca (rusak atau bukan PDF).',
    'import.refused.not-sop': 'Berkas bukan dokumen SOP: tabel prosedur tidak ditemukan.',
    'import.refused.unknown-headers': 'Judul kolom tabel tidak dikenal sebagai format SOP (No, Kegiatan, Pelaksana, Mutu Baku: Kelengkapan, Waktu, Output, Keterangan).',
    'import.refused.too-large': 'Dokumen terlalu besar untuk diimpor (PDF paling besar 10 MB, teks 200 KB, 200 baris).',
    'import.refused.too-many-pages': 'Dokumen terlalu banyak halaman untuk sebuah SOP.',
    'import.refused.empty': 'Tidak ada isi yang dapat diimpor: tabel prosedur kosong.',
    'import.refused.timeout': 'Impor terlalu lama dan dihentikan; coba tempel tabel SOP sebagai teks.',
  },
  en: {
    'import.row': 'Row {row} “{step}”: {text}',
    'import.problem.shape-no-lane': 'the chart shape is in no Pelaksana column; move this step into its performer\'s lane.',
    'import.problem.row-no-shape': 'the row has no chart shape, so this step is not in the draft; add it in the modeler if needed.',
    'import.problem.dangling-connector': 'an arrow has an end that touches no chart shape, so it is not in the draft; check the flows into and out of this step.',
    'import.problem.connector-no-arrow': 'a line without an arrowhead joins this step\'s chart shape to another; it was not read as a flow. Draw the flow in the modeler if there is one.',
    'import.problem.shape-outside-row': 'the chart shape lies outside its table row; check that this step is on the right row.',
    'import.problem.column-ignored': 'The column “{header}” is not a column of the SOP format and was ignored; check whether anything in it must be moved.',
    'import.problem.text-too-long': '{field} ({count} characters) is longer than the {max} a model can hold; shorten it, the SOP document cuts it.',
    'import.problem.list-too-long': '{field} has {count} items, more than {max}; merge or drop some.',
    'import.problem.name-too-long': 'the step\'s name ({count} characters) is longer than the {max} allowed; shorten it (the whole text stays the Uraian of the SOP document).',
    'import.problem.label-unassigned': 'the chart text “{label}” could not be tied to an arrow; name the right flow.',
    'import.problem.label-ambiguous': 'the chart text “{label}” is near more than one arrow and was given to the nearest; check the flow\'s name.',
    'import.problem.connector-from-image': 'an arrow is drawn as an image, not as lines, and was read from where it lies; check the flow.',
    'import.problem.shape-unclear': 'the kind of the chart shape in this row is unclear; check whether the step is a task, a decision, or a start/end.',
    'import.problem.row-no-kegiatan': 'the Kegiatan cell is empty; name this step.',
    'import.problem.row-several-shapes': 'the row holds {count} chart shapes in different lanes; this extra step got the same name, rename it and check its time.',
    'import.problem.terminator-in-flow': 'the start symbol also receives an arrow (a loop back); it became a start event followed by a task for this row\'s activity, which the loop enters; check this step.',
    'import.problem.terminator-unconnected': 'a start/end symbol is connected to no step; connect it to the flow.',
    'import.problem.waktu-unreadable': 'Waktu “{waktu}” is not a duration that can be read; set Waktu as a number and a unit (e.g. 15 minutes).',
    'import.problem.waktu-total': 'Waktu “{waktu}” is a deadline of the whole procedure, not this step\'s time; set this step\'s Waktu as a number and a unit.',
    'import.problem.waktu-empty': 'Waktu is empty; set this step\'s Waktu (time standard).',
    'import.problem.decision-one-branch': 'this decision has only {count} outgoing branch(es); add the other branch (e.g. “Tidak”).',
    'import.problem.decision-branch-unlabelled': 'a branch of this decision has no label; name it (e.g. “Ya” or “Tidak”).',
    'import.problem.task-many-outgoing': 'this step has {count} outgoing arrows and no decision symbol, so every branch runs at once; if it is a choice, add a decision.',
    'import.problem.step-no-outgoing': 'no arrow leaves this step, so the flow stops here; connect it to the next step or to an end.',
    'import.problem.no-start': 'The chart has no start symbol; add a start event before the first step.',
    'import.problem.several-starts': 'this is one of {count} start symbols; an Alur process starts at one point, keep one.',
    'import.problem.no-end': 'The chart has no end symbol; add an end event after the last step.',
    'import.problem.several-ends': 'The chart has {count} end symbols; check that each end is intended.',
    'import.problem.unreachable': 'no path from the start reaches this step; connect it to the flow.',
    'import.problem.column-unnamed': 'Pelaksana column {column} has no header; its lane got a placeholder name, rename it after the performer.',
    'import.problem.identity-no-name': 'No Nama SOP was found; set Nama SOP in the SOP identity.',
    'import.problem.identity-date-unreadable': 'The date {field} “{value}” could not be read; set the date in the SOP identity.',
    'import.problem.text-shape-guessed': 'the text has no chart shapes; the kind of this step was guessed from its sentence and its flow from the row order, check both.',
    'import.problem.text-lane-guessed': 'the performer was guessed from the mark “{mark}” in column {lane}; check its lane.',
    'import.problem.text-decision-guessed': 'a decision was guessed from the “Jika …” sentence: “{yes}” to row {yesRow}, “{no}” to row {noRow}; check its branches.',
    'import.problem.text-branch-unresolved': 'the branch “{label}” of the “Jika …” sentence could not be tied to a row; connect it.',
    'import.problem.text-columns-lost': 'the table columns could not be read from the text; this row\'s Pelaksana and Mutu Baku need filling in.',
    'import.refused.scanned': 'A scanned document with no text. Copy the SOP table and paste it into the text box.',
    'import.refused.encrypted': 'The PDF is locked (encrypted or password-protected); save it again without a password, or paste the SOP table as text.',
    'import.refused.broken': 'The file is not a readable PDF (damaged, or not a PDF).',
    'import.refused.not-sop': 'The file is not an SOP document: no procedure table was found.',
    'import.refused.unknown-headers': 'The table\'s column headers are not the SOP format\'s (No, Kegiatan, Pelaksana, Mutu Baku: Kelengkapan, Waktu, Output, Keterangan).',
    'import.refused.too-large': 'The document is too large to import (PDF at most 10 MB, text 200 KB, 200 rows).',
    'import.refused.too-many-pages': 'The document has too many pages for an SOP.',
    'import.refused.empty': 'There is nothing to import: the procedure table is empty.',
    'import.refused.timeout': 'The import took too long and was stopped; try pasting the SOP table as text.',
  },
};

export type ImportLang = keyof Catalogue;
const STEP_MAX = 80;
const fill = (text: string, args: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(args, k) ? args[k]! : m));

/** The problem in `lang`, its row named by number and Kegiatan; an unknown code shows as the key. */
export function problemMessage(p: ImportProblem, lang: ImportLang = 'id'): string {
  const key = `import.problem.${p.code}`;
  const text = fill(importTexts[lang][key] ?? key, p.args ?? {});
  if (p.row === null) return text;
  const step = p.step.length > STEP_MAX ? `${p.step.slice(0, STEP_MAX - 1)}…` : p.step;
  return fill(importTexts[lang]['import.row']!, { row: String(p.row), step, text });
}

/** Why a document was refused, in `lang`. */
export function refusalMessage(code: ImportRefusal, lang: ImportLang = 'id'): string {
  return importTexts[lang][`import.refused.${code}`] ?? code;
}
