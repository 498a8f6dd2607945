// The process owner models "Permohonan Informasi Publik" in the studio, from the SOP baru template
// (one lane: start -> "Memeriksa Permohonan" -> end) to three lanes: Pemohon (the
// applicant's own steps), Petugas Pelayanan and Kepala Seksi, with a start form, a decision that
// returns the case to the applicant or forwards it, and time standards.
// How: lanes through the lane context pad, every property through the properties panel, the
// default flow through the context pad's replace menu; the shapes and flows themselves through the
// modeler's `modeling` service (the studio's canvas is ~550 px wide with the palette over the lane
// labels, so dragging shapes across lanes did not land reliably; positions are explicit instead).
import type { Page } from 'playwright-core';
import {
  addFormFields, choose, idsOfType, insertLane, openGroup, rename, replaceWith, select, typeInto,
} from './modeler-steps.js';

export const INFO_SOP = {
  name: 'Permohonan Informasi Publik',
  key: 'permohonan-informasi-publik',
  check: 'Memeriksa Permohonan', // Petugas Pelayanan (the template's step)
  decision: 'Lengkap?',
  fix: 'Melengkapi Permohonan', // Pemohon
  approve: 'Menyetujui Jawaban', // Kepala Seksi
  startField: 'Informasi yang dimohon',
  checkField: 'Permohonan lengkap?',
  fixField: 'Perbaikan permohonan',
  approveField: 'Jawaban',
} as const;

export interface InfoSopIds {
  start: string;
  check: string;
  decision: string;
  fix: string;
  approve: string;
  end: string;
  forward: string; // decision -> approve ("Ya")
  back: string; // decision -> fix ("Tidak", the default)
}

type Modeler = { get(name: string): any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Lays out the steps across the three lanes (diagram coordinates) and returns the new ids. */
async function buildFlow(p: Page): Promise<InfoSopIds> {
  return p.evaluate(() => {
    const m = (window as unknown as { alurModeler: Modeler }).alurModeler;
    const reg = m.get('elementRegistry');
    const modeling = m.get('modeling');
    const pool = reg.get('Pool_Sop');
    const [start, check, end] = ['Mulai', 'Langkah1', 'Selesai'].map((id) => reg.get(id));
    modeling.removeConnection(reg.get('Flow1'));
    modeling.removeConnection(reg.get('Flow2'));
    // lanes (top to bottom): Pemohon -40..80, Petugas Pelayanan 80..280, Kepala Seksi 280..400
    modeling.moveShape(start, { x: 0, y: -160 });
    modeling.moveShape(check, { x: -70, y: 0 });
    const merge = modeling.createShape({ type: 'bpmn:ExclusiveGateway' }, { x: 250, y: 180 }, pool);
    modeling.connect(start, merge);
    modeling.connect(merge, check);
    const decision = modeling.appendShape(check, { type: 'bpmn:ExclusiveGateway' }, { x: 460, y: 180 }, pool);
    const approve = modeling.appendShape(decision, { type: 'bpmn:UserTask' }, { x: 590, y: 340 }, pool);
    modeling.moveShape(end, { x: 60, y: 160 });
    modeling.connect(approve, end);
    const fix = modeling.appendShape(decision, { type: 'bpmn:UserTask' }, { x: 460, y: 20 }, pool);
    modeling.connect(fix, merge);
    m.get('canvas').zoom('fit-viewport');
    const flows = reg.filter((e: { type: string }) => e.type === 'bpmn:SequenceFlow') as Array<{ id: string; source: { id: string }; target: { id: string } }>;
    return {
      start: start.id, check: check.id, decision: decision.id, fix: fix.id, approve: approve.id, end: end.id,
      forward: flows.find((f) => f.source.id === decision.id && f.target.id === approve.id)!.id,
      back: flows.find((f) => f.source.id === decision.id && f.target.id === fix.id)!.id,
    };
  });
}

/** Gives the selected element a readable id in the panel (an expression names a step by its id). */
async function reId(p: Page, id: string): Promise<string> {
  await openGroup(p, 'general');
  await typeInto(p, 'id', id);
  return id;
}

/** Id, name, step number, time standard and output of a user task in the panel; returns the new id. */
async function describeStep(p: Page, from: string, id: string, name: string, langkah: number, waktu: string, output: string): Promise<string> {
  await select(p, from);
  await reId(p, id);
  await rename(p, name);
  await openGroup(p, 'alur-sop');
  await typeInto(p, 'alur-langkah', String(langkah));
  await typeInto(p, 'alur-waktu', waktu);
  await typeInto(p, 'alur-output', output);
  return id;
}

/** In the studio of the new SOP's template draft: makes it the three-lane process. */
export async function modelInfoSop(p: Page, key: string): Promise<InfoSopIds> {
  const [petugas] = await idsOfType(p, 'bpmn:Lane'); // the template's one lane
  await select(p, petugas!);
  await rename(p, 'Petugas Pelayanan');
  const pemohon = await insertLane(p, 'above');
  await select(p, petugas!);
  const kasi = await insertLane(p, 'below');
  await select(p, pemohon);
  await rename(p, 'Pemohon');
  await select(p, kasi);
  await rename(p, 'Kepala Seksi');

  const ids = await buildFlow(p);

  // Who may start it (the public) and the start form.
  await select(p, 'Pool_Sop');
  await openGroup(p, 'CamundaPlatform__CandidateStarter');
  await typeInto(p, 'candidateStarterGroups', 'pemohon');
  await select(p, ids.start);
  await addFormFields(p, ids.start, [{ id: 'informasi', label: INFO_SOP.startField, type: 'string', required: true }]);

  // Petugas Pelayanan: the template's step gets the decision field (after its "Catatan").
  ids.check = await describeStep(p, ids.check, 'MemeriksaPermohonan', INFO_SOP.check, 1, 'PT2H', 'Hasil pemeriksaan');
  await addFormFields(p, ids.check, [{ id: 'lengkap', label: INFO_SOP.checkField, type: 'boolean', required: true }], 1);
  await select(p, ids.decision);
  ids.decision = await reId(p, 'Lengkap');
  await rename(p, INFO_SOP.decision);
  await select(p, ids.forward);
  await rename(p, 'Ya');
  await openGroup(p, 'CamundaPlatform__Condition');
  await choose(p, 'conditionType', 'expression');
  await typeInto(p, 'conditionExpression', `\${environment.output.${ids.check}.lengkap == true}`);
  await select(p, ids.back);
  await rename(p, 'Tidak');
  await replaceWith(p, 'replace-with-default-flow');

  // Pemohon: the applicant's own step on a return; Kepala Seksi: the approval.
  ids.fix = await describeStep(p, ids.fix, 'MelengkapiPermohonan', INFO_SOP.fix, 2, 'P1D', 'Permohonan yang dilengkapi');
  await addFormFields(p, ids.fix, [{ id: 'perbaikan', label: INFO_SOP.fixField, type: 'string', required: true }]);
  ids.approve = await describeStep(p, ids.approve, 'MenyetujuiJawaban', INFO_SOP.approve, 3, 'PT4H', 'Jawaban permohonan informasi');
  await addFormFields(p, ids.approve, [{ id: 'jawaban', label: INFO_SOP.approveField, type: 'string', required: true }]);
  return ids;
}
