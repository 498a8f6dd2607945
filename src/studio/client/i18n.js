// The modeler's texts in the page's language (<html lang>: 'id' default, 'en'): Alur's own panel
// labels (`text`), and a `translate` service for bpmn-js and the properties panel so that their
// groups, fields and palette read in Indonesian too (texts not listed stay as bpmn-js wrote them).

export const lang = document.documentElement.lang === 'en' ? 'en' : 'id';

const TEXTS = {
  id: {
    sopGroup: 'SOP (Alur): Pelaksana dan Mutu Baku',
    identityGroup: 'Identitas SOP (Permen PANRB 35/2012)',
    role: 'Pelaksana (grup)',
    roleHint: 'Kosongkan agar grup diambil dari nama lane.',
    applicant: 'Pemohon',
    newGroup: 'Grup baru (nama atau id)',
    newGroupHint: 'Ketik nama grup yang belum ada, mis. "Kepala Seksi": disimpan sebagai kepala-seksi dan dibuat saat diterbitkan.',
    newGroupInvalid: 'Id grup: huruf kecil, angka dan tanda hubung, diawali huruf (mis. kepala-seksi)',
    newGroupReserved: 'Nama ini dipakai sistem; pilih nama lain',
    form: 'Formulir terdaftar',
    formHint: 'Atau kosongkan dan isi kolom formulir di grup "Formulir", tipe "Generated Task Forms": formulir generik tanpa kode.',
    langkah: 'No. langkah SOP',
    positive: 'Bilangan bulat positif',
    uraian: 'Uraian kegiatan (jika beda dari nama)',
    persyaratan: 'Persyaratan/Perlengkapan (satu per baris)',
    waktu: 'Waktu',
    waktuAmount: 'Jumlah',
    waktuUnit: 'Satuan',
    waktuInvalid: 'Isi bilangan bulat positif',
    waktuStored: 'Disimpan sebagai',
    waktuWorkingHint: '"Hari kerja" disimpan sebagai hari (P1D); apakah waktu dihitung dengan kalender kerja diatur per versi di Laporan › Pengaturan.',
    units: { M: 'menit', H: 'jam', D: 'hari', WD: 'hari kerja' },
    output: 'Output',
    keterangan: 'Keterangan (satu per baris)',
    perLine: 'satu per baris',
    dateFormat: 'Format YYYY-MM-DD',
    identity: {
      nomor: 'Nomor SOP', tanggalPembuatan: 'Tanggal pembuatan (YYYY-MM-DD)',
      tanggalEfektif: 'Tanggal efektif (YYYY-MM-DD)', namaSop: 'Nama SOP', instansi: 'Instansi', satuanKerja: 'Satuan kerja',
      disahkanJabatan: 'Disahkan oleh: jabatan', disahkanNama: 'Disahkan oleh: nama', disahkanPangkat: 'Disahkan oleh: pangkat', disahkanNip: 'Disahkan oleh: NIP',
      dasarHukum: 'Dasar hukum', kualifikasiPelaksana: 'Kualifikasi pelaksana', keterkaitan: 'Keterkaitan',
      peralatan: 'Peralatan/perlengkapan', peringatan: 'Peringatan', pencatatan: 'Pencatatan dan pendataan',
    },
    link: 'Buat penghubung antarhalaman (link event)',
  },
  en: {
    sopGroup: 'SOP (Alur): performer and time standard',
    identityGroup: 'SOP identity (Permen PANRB 35/2012)',
    role: 'Performer (group)',
    roleHint: 'Leave empty to take the group from the lane\'s name.',
    applicant: 'Applicant',
    newGroup: 'New group (name or id)',
    newGroupHint: 'Type the name of a group that does not exist yet, e.g. "Head of Section": stored as head-of-section and created on deploy.',
    newGroupInvalid: 'Group id: lower-case letters, digits and hyphens, starting with a letter (e.g. head-of-section)',
    newGroupReserved: 'This name is reserved by the system; choose another',
    form: 'Registered form',
    formHint: 'Or leave empty and fill in the form fields in the "Forms" group, type "Generated Task Forms": a generic form without code.',
    langkah: 'SOP step number',
    positive: 'A positive whole number',
    uraian: 'Activity description (if not the name)',
    persyaratan: 'Requirements/equipment (one per line)',
    waktu: 'Time',
    waktuAmount: 'Amount',
    waktuUnit: 'Unit',
    waktuInvalid: 'Enter a positive whole number',
    waktuStored: 'Stored as',
    waktuWorkingHint: '"Working days" are stored as days (P1D); whether time counts on the working calendar is set per version in Reports › Settings.',
    units: { M: 'minutes', H: 'hours', D: 'days', WD: 'working days' },
    output: 'Output',
    keterangan: 'Notes (one per line)',
    perLine: 'one per line',
    dateFormat: 'Format YYYY-MM-DD',
    identity: {
      nomor: 'SOP number', tanggalPembuatan: 'Date made (YYYY-MM-DD)',
      tanggalEfektif: 'Effective date (YYYY-MM-DD)', namaSop: 'SOP name', instansi: 'Agency', satuanKerja: 'Work unit',
      disahkanJabatan: 'Approved by: position', disahkanNama: 'Approved by: name', disahkanPangkat: 'Approved by: rank', disahkanNip: 'Approved by: NIP',
      dasarHukum: 'Legal basis', kualifikasiPelaksana: 'Performer qualifications', keterkaitan: 'Related SOPs',
      peralatan: 'Equipment', peringatan: 'Warnings', pencatatan: 'Records',
    },
    link: 'Create off-page connector (link event)',
  },
};

export const text = TEXTS[lang];

/** bpmn-js / properties panel texts in Indonesian (English is their own language). */
const BPMN_ID = {
  'Activate hand tool': 'Geser kanvas', 'Activate lasso tool': 'Pilih beberapa elemen',
  'Activate create/remove space tool': 'Tambah/kurangi ruang', 'Activate global connect tool': 'Hubungkan elemen',
  'Create start event': 'Mulai', 'Create end event': 'Selesai', 'Create gateway': 'Keputusan (gateway)',
  'Create task': 'Langkah', 'Create pool/participant': 'Pool (SOP) dengan lane',
  'General': 'Umum', 'Name': 'Nama', 'ID': 'ID', 'Documentation': 'Dokumentasi', 'Element documentation': 'Dokumentasi elemen',
  'Process documentation': 'Dokumentasi proses', 'User assignment': 'Penugasan', 'Candidate groups': 'Grup kandidat',
  'Candidate users': 'Pengguna kandidat', 'Assignee': 'Penerima tugas', 'Due date': 'Tenggat', 'Follow up date': 'Tindak lanjut', 'Priority': 'Prioritas',
  'Forms': 'Formulir', 'Form fields': 'Kolom formulir', 'Form type': 'Tipe formulir', 'Form key': 'Kunci formulir',
  'Inputs': 'Masukan', 'Outputs': 'Keluaran', 'Execution listeners': 'Listener eksekusi', 'Task listeners': 'Listener tugas',
  'Extension properties': 'Properti tambahan', 'Asynchronous continuations': 'Lanjutan asinkron', 'Job execution': 'Eksekusi job',
  'Candidate starter': 'Yang boleh memulai', 'Candidate starter groups': 'Grup yang boleh memulai', 'Candidate starter users': 'Pengguna yang boleh memulai',
  'History cleanup': 'Pembersihan riwayat', 'Tasklist': 'Daftar tugas', 'Start initiator': 'Pemulai', 'Condition': 'Kondisi',
  'Condition expression': 'Ekspresi kondisi', 'Condition Expression': 'Ekspresi kondisi', 'Timer': 'Timer', 'Link': 'Link',
  'Version tag': 'Tag versi', 'Executable': 'Dapat dijalankan', 'Implementation': 'Implementasi', 'Type': 'Tipe',
  'Message': 'Pesan', 'Signal': 'Sinyal', 'Error': 'Galat', 'Escalation': 'Eskalasi', 'Label': 'Label', 'Default value': 'Nilai awal',
  'Change element': 'Ubah elemen', 'Delete': 'Hapus', 'Append task': 'Tambah langkah', 'Append end event': 'Tambah selesai',
  'Append gateway': 'Tambah keputusan', 'Connect to other element': 'Hubungkan ke elemen lain', 'Add lane above': 'Tambah lane di atas',
  'Add lane below': 'Tambah lane di bawah', 'Divide into two lanes': 'Bagi menjadi dua lane', 'Divide into three lanes': 'Bagi menjadi tiga lane',
  'Add text annotation': 'Tambah catatan',
};

function translateId(template, replacements) {
  const text = BPMN_ID[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements ? replacements[key] : `{${key}}`));
}

/** Module replacing bpmn-js's `translate` when the page is Indonesian. */
export const TranslateModule = lang === 'id' ? { translate: ['value', translateId] } : {};
