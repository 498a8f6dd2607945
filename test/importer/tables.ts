// Hand-built SopTables (what a reader gives) for the builder's tests.
import type { SopIdentity } from '../../src/workflow/index.js';
import type { ShapeKind, SopTable, TableConnector, TableRow } from '../../src/importer/types.js';

export const emptyIdentity = (namaSop = ''): SopIdentity => ({
  instansi: '', satuanKerja: '', nomor: '', tanggalPembuatan: '', tanggalRevisi: '', tanggalEfektif: '', namaSop,
  disahkan: { jabatan: '', nama: '', pangkat: '', nip: '' },
  dasarHukum: [], kualifikasiPelaksana: [], keterkaitan: [], peralatan: [], peringatan: [], pencatatan: [],
});

type RowSpec = Partial<Omit<TableRow, 'shapes'>> & { kegiatan: string; shapes: Array<[string, ShapeKind, number | null, string?]> };

/** A table from rows (shapes as [id, kind, column, text]) and connectors as [from, to, label]. */
export function table(columns: string[], rows: RowSpec[], connectors: Array<[string, string, string?]>, namaSop = 'Pengiriman Surat Dinas'): SopTable {
  return {
    source: 'pdf', pages: 1, identity: emptyIdentity(namaSop), columns,
    rows: rows.map((r, i) => ({
      no: r.no ?? String(i + 1), page: r.page ?? 1, kegiatan: r.kegiatan,
      shapes: r.shapes.map(([id, kind, column, text]) => ({ id, kind, column, text: text ?? '' })),
      persyaratan: r.persyaratan ?? [], waktu: r.waktu ?? '', output: r.output ?? '', keterangan: r.keterangan ?? '',
    })),
    connectors: connectors.map(([from, to, label]): TableConnector => ({ from, to, label: label ?? '' })),
    problems: [],
  };
}

/** SOP 027 (Pengiriman Surat Dinas) as its PDF shows it: a decision whose "Dalam kota" branch goes to a box in another lane of the same row. */
export const pengirimanSurat = (): SopTable => table(
  ['TIM', 'Layanan Umum', 'Jasa Pengiriman', 'Penerima Surat dalam kota'],
  [
    { kegiatan: 'Menyerahkan surat dinas ke layanan umum untuk diantar', shapes: [['s1', 'terminator', 0]], persyaratan: ['Surat yang sudah dicetak, alamat surat yang dituju'], waktu: '30 Menit', output: 'Surat dicetak sebanyak tujuan surat' },
    { kegiatan: 'Memeriksa kelengkapan surat dan mencetak amplop (jika diperlukan)', shapes: [['s2', 'process', 1]], persyaratan: ['Surat yang sudah dicetak, alamat surat yang dituju'], waktu: '1 Jam', output: 'Surat sudah dipisahkan menurut tujuan', keterangan: 'Tujuan surat yang tidak diketahui, harus dicarikan dahulu posisi lokasi sebelum berangkat' },
    { kegiatan: 'Memeriksa tujuan surat, jika dalam kota dapat diantar langsung, jika tidak surat dikirim lewat jasa pengiriman tercepat', shapes: [['s3', 'decision', 1], ['s4', 'process', 3]], persyaratan: ['Surat yang sudah dicetak, alamat surat yang dituju'], waktu: '3 - 5 Jam', output: 'Buku ekspedisi, berisikan nama dan nomor kontak penerima', keterangan: '1 tujuan surat maksimal 10 menit' },
    { kegiatan: 'Mengantar ke jasa pengiriman untuk penerima luar kota', shapes: [['s5', 'process', 2]], persyaratan: ['Surat dalam kondisi aman untuk dikirim', 'Alamat tujuan jelas'], waktu: '1 Jam', output: 'Resi pengiriman' },
    { kegiatan: 'Melaporkan hasil pengiriman', shapes: [['s6', 'terminator', 1]], persyaratan: ['Resi Pengiriman', 'Buku ekspedisi'], waktu: '10 Menit', output: 'Buku ekspedisi', keterangan: 'Entri resi pengiriman ke lembar monev' },
  ],
  [['s1', 's2'], ['s2', 's3'], ['s3', 's4', 'Dalam kota'], ['s3', 's5', 'Luar kota'], ['s5', 's6'], ['s4', 's6']],
);
