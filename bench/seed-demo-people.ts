// Demo people for `npm run seed:demo`: applicants with consistent NIP / NIK (same birth date and
// gender, so no warning stops a form), their form values per SOP step, and the demo Admin PPE.
// Deterministic: one seeded random stream, so two runs give the same history.

export type Random = () => number;

/** mulberry32: small, fast, seedable. */
export function seeded(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const MEN = ['Budi', 'Agus', 'Hendra', 'Rudi', 'Yusuf', 'Fajar', 'Rizky', 'Arif', 'Dedi', 'Eko', 'Hadi', 'Iwan', 'Joko', 'Slamet', 'Bayu', 'Taufik', 'Wahyu', 'Andi', 'Dimas', 'Gilang'];
const WOMEN = ['Siti', 'Dewi', 'Rina', 'Ani', 'Fitri', 'Lestari', 'Nurul', 'Indah', 'Maya', 'Putri', 'Ratna', 'Sri', 'Wulan', 'Yuni', 'Citra', 'Dian', 'Eka', 'Intan', 'Lina', 'Novi'];
const FAMILY = ['Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Kurniawan', 'Lestari', 'Rahmawati', 'Setiawan', 'Nugroho', 'Syahputra', 'Utami', 'Hasan', 'Siregar', 'Gunawan', 'Firmansyah', 'Damanik', 'Purnama', 'Halim', 'Maulana'];
const DINAS = ['Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan', 'Dinas Perhubungan', 'Dinas Pertanian', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'Dinas Sosial', 'RSUD dr. Soedarso', 'Dinas Lingkungan Hidup dan Kehutanan', 'Badan Kepegawaian Daerah'];
const UNIT = ['Subbagian Umum dan Kepegawaian', 'Subbagian Keuangan', 'Bidang Sarana dan Prasarana', 'Sekretariat', 'Bidang Program'];
const PANGKAT = ['Penata Muda (III/a)', 'Penata Muda Tingkat I (III/b)', 'Penata (III/c)', 'Penata Tingkat I (III/d)', 'Pembina (IV/a)'];
const PERAN = ['PPK', 'Pejabat Pengadaan', 'Pokja Pemilihan', 'PA/KPA', 'Personel Lainnya'];

export interface Applicant {
  registration: Record<string, unknown>;
  identity: Record<string, unknown>;
  information: (caseDate: Date) => Record<string, unknown>;
}

export function applicant(r: Random, n: number): Applicant {
  const woman = r() < 0.45;
  const first = pick(r, woman ? WOMEN : MEN);
  const last = pick(r, FAMILY);
  const name = `${first} ${last}`;
  const email = `${first}.${last}.${n}@kalbarprov.go.id`.toLowerCase();
  const whatsapp = `08${1 + Math.floor(r() * 9)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
  const birth = { y: 1970 + Math.floor(r() * 28), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) };
  const tmt = { y: birth.y + 23 + Math.floor(r() * 6), m: 1 + Math.floor(r() * 12) };
  const gender = woman ? 2 : 1;
  const nip = `${birth.y}${pad(birth.m)}${pad(birth.d)}${tmt.y}${pad(tmt.m)}${gender}${pad(1 + (n % 999), 3)}`;
  const nik = `617101${pad(birth.d + (woman ? 40 : 0))}${pad(birth.m)}${pad(birth.y % 100)}${pad(n % 10000, 4)}`;
  return {
    registration: { displayName: name, email, whatsapp, password: 'demo-ppbj-sandi-2026', passwordConfirm: 'demo-ppbj-sandi-2026', persetujuanPrivasi: 'ya' },
    identity: {
      nip, nik, gelarDepan: '', namaLengkap: name, gelarBelakang: r() < 0.5 ? 'S.E.' : 'S.T.', pangkatGolongan: pick(r, PANGKAT),
      jabatan: 'Pengelola Pengadaan Barang/Jasa', instansi: 'Pemerintah Provinsi Kalimantan Barat', perangkatDaerah: pick(r, DINAS), unitKerja: pick(r, UNIT),
      email, whatsapp,
    },
    information: (caseDate) => {
      const sk = new Date(caseDate.getTime() - (5 + Math.floor(r() * 60)) * 86_400_000);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const until = new Date(Date.UTC(sk.getUTCFullYear() + 1, sk.getUTCMonth(), sk.getUTCDate()));
      return { peran: pick(r, PERAN), nomorSk: `027/${100 + (n % 900)}/BPBJ/${sk.getUTCFullYear()}`, tanggalSk: day(sk), berlakuMulai: day(sk), berlakuSampai: day(until) };
    },
  };
}

/** Demo Admin PPE besides the bootstrap account; `pace` > 1 is a slower colleague (more waiting). */
export const DEMO_ADMINS = [
  { email: 'rina.marlina@alur.local', displayName: 'Rina Marlina', pace: 0.8 },
  { email: 'agus.salim@alur.local', displayName: 'Agus Salim', pace: 1.8 },
  { email: 'dewi.anggraini@alur.local', displayName: 'Dewi Anggraini', pace: 1.0 },
];

/** Step 6 return reasons with their weights (codes of src/packs/ppbj/forms/return-reasons.ts). */
export const RETURN_WEIGHTS: Array<[string, number]> = [['sk-kedaluwarsa', 35], ['sk-tidak-terbaca', 25], ['data-tidak-sesuai', 25], ['dokumen-kurang', 10], ['lainnya', 5]];
