// The groups a model needs and which of them have no active member (src/staff/group-warnings.ts).
import { describe, expect, test } from '@jest/globals';
import { definitionWarnings, groupProblems, neededGroups, withoutActiveMember } from '../../src/staff/group-warnings.js';
import type { DefinitionRecord, Store } from '../../src/store/ports.js';
import type { ProcessModel, UserTaskSpec } from '../../src/workflow/index.js';

const task = (id: string, groupId: string, groupName: string) => ({ id, groupId, groupName }) as UserTaskSpec;
const model = {
  userTasks: [task('Isi', 'pemohon', 'Pemohon'), task('Periksa', 'kepala-seksi', 'Kepala Seksi'), task('Bayar', 'bendahara', 'Bendahara'), task('Periksa2', 'kepala-seksi', 'Kepala Seksi')],
};
/** A store that answers countActiveMembers only (as the counts given; ids it does not list are left out). */
const countingStore = (counts: Record<string, number>, asked: string[][] = []) =>
  ({ countActiveMembers: async (ids: string[]) => { asked.push(ids); return Object.fromEntries(ids.filter((id) => id in counts).map((id) => [id, counts[id]!])); } }) as unknown as Store;

describe('Given a model with an applicant step and two staff groups, one of them at two steps', () => {
  test('when its needed groups are read, then each staff group appears once at its first step, and pemohon never', () => {
    expect(neededGroups(model)).toEqual([
      { id: 'kepala-seksi', name: 'Kepala Seksi', elementId: 'Periksa' },
      { id: 'bendahara', name: 'Bendahara', elementId: 'Bayar' },
    ]);
  });

  test('when one group has an active member and the store does not know the other, then only the unknown one is warned of, asked in one query', async () => {
    const asked: string[][] = [];
    const out = await withoutActiveMember(countingStore({ 'kepala-seksi': 2 }, asked), new Map([['a', neededGroups(model)], ['b', neededGroups(model).slice(0, 1)]]));
    expect(out.get('a')!.map((g) => g.id)).toEqual(['bendahara']);
    expect(out.get('b')).toEqual([]);
    expect(asked).toEqual([['kepala-seksi', 'bendahara']]);
  });

  test('when a group has zero active members, then the studio gets a warning (never an error) on its first step naming the group and its display name', async () => {
    const problems = await groupProblems(countingStore({ 'kepala-seksi': 0, bendahara: 1 }), model);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', rule: 'group-no-active-member', elementId: 'Periksa' })]);
    expect(problems[0]).toMatchObject({ code: 'group-no-active-member', args: { group: 'kepala-seksi', name: 'Kepala Seksi' } });
    expect(problems[0]!.message).toContain('group kepala-seksi (Kepala Seksi) has no active member');
  });

  test('when a model has no staff step, then the store is not asked', async () => {
    const asked: string[][] = [];
    expect(await groupProblems(countingStore({}, asked), { userTasks: [model.userTasks[0]!] })).toEqual([]);
    expect(asked).toEqual([]);
  });
});

describe('Given a catalogue of two deployed versions, one of which no longer reads', () => {
  test('when their warnings are asked, then the readable one is warned of and the other has none, with no error', async () => {
    const models = {
      byId: async (id: string) => ({ id }) as DefinitionRecord,
      model: async (def: DefinitionRecord) => {
        if (def.id === 'broken') throw new Error('no longer valid');
        return model as unknown as ProcessModel;
      },
    };
    const out = await definitionWarnings(countingStore({ 'kepala-seksi': 1 }), models, ['ok', 'broken']);
    expect(out.get('ok')!.map((g) => g.id)).toEqual(['bendahara']);
    expect(out.get('broken')).toEqual([]);
  });
});
