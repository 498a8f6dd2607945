// The SOP document generated from the shipped BPMN must match the client's SOP text row for row
// (fixtures/sop-pendaftaran-akun-ppbj.txt, a verbatim copy of shared/sop/).
import { describe, expect, test } from '@jest/globals';
import { readSopDocument } from '../../src/workflow/index.js';
import { sopDate, sopDuration } from '../../src/studio/sop-format.js';
import { processXml, shippedXml, userTask } from './helpers.js';
import { sopTextIdentity, sopTextRows } from './sop-text.js';

/**
 * Pelaksana per row. The text extraction of the SOP lost the flowchart symbols (only the arrow
 * labels "Tidak" in the Admin PPE column of row 6 and "Iya" survive), so the actors come from the
 * SOP's own step texts: the PPBJ makes the account, fills the identity and completes the
 * information; the Admin PPE verifies, checks and activates; the process ends with the Admin PPE.
 */
const ACTORS = ['PPBJ', 'PPBJ', 'PPBJ', 'Admin PPE', 'PPBJ', 'Admin PPE', 'Admin PPE', 'Admin PPE'];

describe('Given the shipped BPMN and the SOP text', () => {
  test('when the SOP document is generated, then its 8 rows match the text: names, actors, requirements, times, outputs, remarks', async () => {
    const doc = await readSopDocument(shippedXml());
    const expected = sopTextRows();
    expect(expected).toHaveLength(8);
    expect(doc.columns).toEqual(['PPBJ', 'Admin PPE']);
    expect(doc.rows.map((r) => ({
      no: r.no, uraian: r.uraian, requirements: r.requirements, time: sopDuration(r.timeStandard), output: r.output, keterangan: r.keterangan,
    }))).toEqual(expected);
    expect(doc.rows.map((r) => doc.columns[r.column])).toEqual(ACTORS);
  });

  test('when rows 4 and 6 are generated, then each check task and its gateway form ONE row with the decision symbol', async () => {
    const doc = await readSopDocument(shippedXml());
    expect(doc.rows.map((r) => r.symbol)).toEqual(['terminator', 'process', 'process', 'decision', 'process', 'decision', 'process', 'terminator']);
    expect(doc.rows[3]!.elementIds).toEqual(['MelakukanVerifikasi', 'IdentitasSesuai']);
    expect(doc.rows[5]!.elementIds).toEqual(['MemeriksaInformasi', 'InformasiLengkap']);
    expect(doc.edges).toEqual(expect.arrayContaining([{ from: 3, to: 4, label: 'Ya' }, { from: 3, to: 2, label: 'Tidak' }, { from: 5, to: 6, label: 'Ya' }, { from: 5, to: 4, label: 'Tidak' }]));
    expect(doc.edges.filter((e) => e.from === e.to - 1 && !e.label).map((e) => e.from)).toEqual([0, 1, 2, 4, 6]);
  });

  test('when the identity is read, then it is the SOP text\'s identity section', async () => {
    const { identity } = await readSopDocument(shippedXml());
    const text = sopTextIdentity();
    expect(sopDate(identity.tanggalPembuatan)).toBe(text.tanggalPembuatan);
    expect(sopDate(identity.tanggalEfektif)).toBe(text.tanggalEfektif);
    expect([identity.nomor, identity.tanggalRevisi]).toEqual(['', '']);
    expect(identity.namaSop).toBe(text.namaSop);
    expect(`${identity.disahkan.jabatan}, ${identity.disahkan.nama} ${identity.disahkan.pangkat} NIP. ${identity.disahkan.nip}`).toBe(text.disahkan);
    expect(identity.dasarHukum).toEqual(text.dasarHukum);
    expect(identity.kualifikasiPelaksana).toEqual(text.kualifikasiPelaksana);
    expect(identity.keterkaitan).toEqual([]);
    expect(identity.peralatan).toEqual(text.peralatan);
    expect(identity.peringatan).toEqual(text.peringatan);
    expect(identity.pencatatan).toEqual(text.pencatatan);
    expect(`${identity.instansi} ${identity.satuanKerja}`).toBe('PEMERINTAH PROVINSI KALIMANTAN BARAT SEKRETARIAT DAERAH');
  });
});

describe('Given processes shaped unlike the shipped one', () => {
  test('when a process has no lanes, then the candidate groups become the Pelaksana columns and rows follow the flow', async () => {
    const xml = processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="A" />
      ${userTask('A')}<bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="B" />
      ${userTask('B', 'camunda:candidateGroups="admin-ppe" camunda:formKey="f"')}<bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="e" /><bpmn:endEvent id="e" />`);
    const doc = await readSopDocument(xml);
    expect(doc.columns).toEqual(['pemohon', 'admin-ppe']);
    expect(doc.rows.map((r) => [r.uraian, r.column, r.symbol])).toEqual([['s', 0, 'terminator'], ['A', 0, 'process'], ['B', 1, 'process'], ['e', 1, 'terminator']]);
  });

  test('when a gateway only joins flows, then it is no row and the arrows pass through it', async () => {
    const xml = processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="j" />
      <bpmn:exclusiveGateway id="j" /><bpmn:sequenceFlow id="f2" sourceRef="j" targetRef="A" />
      ${userTask('A')}<bpmn:sequenceFlow id="f3" sourceRef="A" targetRef="e" /><bpmn:endEvent id="e" />`);
    const doc = await readSopDocument(xml);
    expect(doc.rows.map((r) => r.elementIds.join('+'))).toEqual(['s', 'A', 'e']);
    expect(doc.edges).toEqual([{ from: 0, to: 1, label: '' }, { from: 1, to: 2, label: '' }]);
  });
});
