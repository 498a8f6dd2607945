// Who does a step: a group from camunda:candidateGroups or the lane's name, refused with the step's
// name when it has none, more than one, an invalid one, or names a system role.
import { describe, test, expect, afterEach } from '@jest/globals';
import { DefinitionError, loadProcessModel, setGroupAliases, slugifyGroup } from '../../src/workflow/index.js';
import { processXml, shippedXml, userTask } from './helpers.js';
import { packGroupAliases } from '../../src/packs/index.js';

const step = (id: string, name: string, attrs: string): string =>
  `<bpmn:userTask id="${id}" name="${name}" ${attrs}><bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /></bpmn:extensionElements></bpmn:userTask>`;
const inLane = (laneName: string, tasks: string, ids = ['A']): string =>
  processXml(`<bpmn:laneSet id="ls"><bpmn:lane id="L" name="${laneName}">${ids.map((i) => `<bpmn:flowNodeRef>${i}</bpmn:flowNodeRef>`).join('')}</bpmn:lane></bpmn:laneSet>${tasks}`);

async function reasonsFor(xml: string): Promise<string[]> {
  const refusal = await loadProcessModel(xml).catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(DefinitionError);
  return (refusal as DefinitionError).reasons;
}

afterEach(() => setGroupAliases({}));

describe('the group of a step', () => {
  test.each([
    ['Kepala Seksi', 'kepala-seksi'],
    ['Admin PPE', 'admin-ppe'],
    ['  Pejabat  Pembuat   Komitmen ', 'pejabat-pembuat-komitmen'],
    ['Bagian Umum & Keuangan', 'bagian-umum-keuangan'],
    ['Pemeriksa Ékspor', 'pemeriksa-ekspor'],
    ['Seksi 2/B', 'seksi-2-b'],
  ])('Given the lane "%s", when slugified, then the group id is %s', (name, id) => {
    expect(slugifyGroup(name)).toBe(id);
  });

  test('Given a step in lane "Kepala Seksi" without candidateGroups, when loaded, then its group is kepala-seksi named after the lane', async () => {
    const model = await loadProcessModel(inLane('Kepala Seksi', step('A', 'Memeriksa', 'camunda:formKey="f"')));
    expect(model.userTasks[0]).toMatchObject({ groupId: 'kepala-seksi', groupName: 'Kepala Seksi' });
    expect(model.groups).toEqual([{ id: 'kepala-seksi', name: 'Kepala Seksi' }]);
  });

  test('Given a step whose candidateGroups differs from its lane, when loaded, then candidateGroups wins and the id is its name', async () => {
    const model = await loadProcessModel(inLane('Kepala Seksi', step('A', 'Memeriksa', 'camunda:candidateGroups="bendahara" camunda:formKey="f"')));
    expect(model.userTasks[0]).toMatchObject({ groupId: 'bendahara', groupName: 'bendahara' });
  });

  test('Given two steps in two groups, when loaded, then the model lists each group once in step order', async () => {
    const xml = processXml(userTask('A', 'camunda:candidateGroups="kasir" camunda:formKey="f"') + userTask('B', 'camunda:candidateGroups="pemohon" camunda:formKey="f"') + userTask('C', 'camunda:candidateGroups="kasir" camunda:formKey="f"'));
    const model = await loadProcessModel(xml);
    expect(model.groups.map((g) => g.id).sort()).toEqual(['kasir', 'pemohon']);
  });
});

describe('refused groups name the step by its name', () => {
  test('Given a step with neither candidateGroups nor a lane, when loaded, then it is refused', async () => {
    expect(await reasonsFor(processXml(step('A', 'Menyetujui Surat', 'camunda:formKey="f"')))).toEqual([
      'bpmn:UserTask "A": step "Menyetujui Surat": no group: put the step in a lane (its name names the group) or set camunda:candidateGroups',
    ]);
  });

  test('Given a step with two candidateGroups, when loaded, then it is refused', async () => {
    const [reason] = await reasonsFor(processXml(step('A', 'Menyetujui Surat', 'camunda:candidateGroups="kasir, bendahara" camunda:formKey="f"')));
    expect(reason).toBe('bpmn:UserTask "A": step "Menyetujui Surat": camunda:candidateGroups "kasir, bendahara" names more than one group; a step is done by exactly one group');
  });

  test.each([['Kepala_Seksi'], ['2-seksi'], ['Kepala Seksi'], ['a'.repeat(65)]])('Given candidateGroups "%s", when loaded, then it is refused as an invalid identifier', async (group) => {
    const [reason] = await reasonsFor(processXml(step('A', 'Menyetujui Surat', `camunda:candidateGroups="${group}" camunda:formKey="f"`)));
    expect(reason).toMatch(/^bpmn:UserTask "A": step "Menyetujui Surat": camunda:candidateGroups ".*" gives the group id ".*", which is not valid/);
  });

  test('Given a lane whose name has no letter or digit, when loaded, then it is refused as an invalid identifier', async () => {
    const [reason] = await reasonsFor(inLane('---', step('A', 'Menyetujui Surat', 'camunda:formKey="f"')));
    expect(reason).toMatch(/step "Menyetujui Surat": (lane "---" gives the group id "", which is not valid|no group)/);
  });

  test.each([['applicant'], ['staff'], ['process-owner']])('Given candidateGroups naming the system role %s, when loaded, then it is refused', async (role) => {
    const [reason] = await reasonsFor(processXml(step('A', 'Menyetujui Surat', `camunda:candidateGroups="${role}" camunda:formKey="f"`)));
    expect(reason).toContain(`step "Menyetujui Surat": camunda:candidateGroups "${role}" names the system role "${role}", not a group`);
  });

  test('Given a lane named "Process Owner", when loaded, then it is refused as a system role', async () => {
    const [reason] = await reasonsFor(inLane('Process Owner', step('A', 'Menyetujui Surat', 'camunda:formKey="f"')));
    expect(reason).toContain('lane "Process Owner" names the system role "process-owner", not a group');
  });
});

describe('group aliases of a process (given by the composition root from the packs)', () => {
  test('Given the alias ppbj -> pemohon for process p, when a step says candidateGroups="ppbj", then its group is pemohon', async () => {
    setGroupAliases({ p: { ppbj: 'pemohon' } });
    const model = await loadProcessModel(processXml(userTask('A', 'camunda:candidateGroups="ppbj" camunda:formKey="f"')));
    expect(model.userTasks[0]?.groupId).toBe('pemohon');
  });

  test('Given the alias for another process only, when a step of p says candidateGroups="ppbj", then its group stays ppbj', async () => {
    setGroupAliases({ 'pendaftaran-akun-ppbj': { ppbj: 'pemohon' } });
    const model = await loadProcessModel(processXml(userTask('A', 'camunda:candidateGroups="ppbj" camunda:formKey="f"')));
    expect(model.userTasks[0]?.groupId).toBe('ppbj');
  });
});

describe('the PPBJ pack keeps old stored models working', () => {
  test('Given PPBJ version 1 as stored before groups (candidateGroups="ppbj"), when read with the packs\' aliases, then its applicant steps are pemohon', async () => {
    setGroupAliases(packGroupAliases());
    const v1 = shippedXml().replaceAll('candidateGroups="pemohon"', 'candidateGroups="ppbj"').replace(' camunda:candidateStarterGroups="pemohon"', '');
    const model = await loadProcessModel(v1);
    expect(model.userTasks.map((t) => t.groupId)).toEqual(['pemohon', 'pemohon', 'admin-ppe', 'pemohon', 'admin-ppe', 'admin-ppe']);
    expect(model.groups).toEqual([{ id: 'pemohon', name: 'PPBJ' }, { id: 'admin-ppe', name: 'Admin PPE' }]);
  });
});
