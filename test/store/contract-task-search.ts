// Store contract, part 9: inbox search — a case-insensitive, literal substring of a task's
// searchText (applicant name, e-mail, NIP), alone or with the other filters.
import { beforeEach, describe, expect, test } from '@jest/globals';
import type { TaskQuery, TaskRecord } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { at, caseRecord, create, task } from './fixtures.js';

export function taskSearchContract(store: GetStore): void {
  describe('listTasks search', () => {
    const C = caseRecord();
    const mk = (searchText: string, over: Partial<TaskRecord> = {}) => task(C, { searchText, ...over });
    const budi = mk('budi santoso budi.s@lkpp.go.id 198001012005011001', { dueAt: at(10), createdAt: at(3) });
    const siti = mk('siti rahma siti_r@example.go.id 199002022010012002', { dueAt: at(20), createdAt: at(2), groupId: 'pemohon' });
    const percent = mk('ahmad 100% yakin a.b@x.go.id', { dueAt: at(30), createdAt: at(1) });
    const slash = mk('dewi\\lestari (kepala) [bagian] *pusat*', { dueAt: at(40) });
    const accents = mk('ñoño ömer çelik', { dueAt: at(50) });
    const none = mk('', { dueAt: at(60) });
    const all = [budi, siti, percent, slash, accents, none];

    beforeEach(async () => {
      await store().applyCaseChange(create(C, { openTasks: all }));
    });

    const cases: Array<[string, TaskQuery, TaskRecord[]]> = [
      ['a word', { search: 'santoso' }, [budi]],
      ['any case', { search: 'BuDi SANTOSO' }, [budi]],
      ['part of an e-mail', { search: '@lkpp.go' }, [budi]],
      ['part of a NIP', { search: '2010012' }, [siti]],
      ['a substring inside a word', { search: 'ahm' }, [siti, percent]],
      ['% is literal, not a wildcard', { search: '100%' }, [percent]],
      ['% alone matches only a real %', { search: '%' }, [percent]],
      ['_ is literal, not one character', { search: 'siti_r' }, [siti]],
      ['_ alone matches only a real _', { search: '_' }, [siti]],
      ['. is literal (no regular expression)', { search: 'a.b@' }, [percent]],
      ['.* matches nothing literal', { search: '.*' }, []],
      ['backslash', { search: 'dewi\\les' }, [slash]],
      ['brackets, parentheses and stars', { search: '(kepala) [bagian] *pusat*' }, [slash]],
      ['non-ASCII letters, any case', { search: 'ÑOÑO ÖMER' }, [accents]],
      ['no match', { search: 'joko' }, []],
      ['empty search matches every task', { search: '' }, all],
      ['with a group', { search: 'go.id', groupIds: ['pemohon'] }, [siti]],
      ['with dueBefore', { search: 'go.id', dueBefore: at(30) }, [budi, siti]],
      ['with sort age', { search: 'go.id', sort: 'age' }, [percent, siti, budi]],
      ['with its process', { search: 'go.id', processKey: C.processKey }, [budi, siti, percent]],
      ['with another process', { search: 'go.id', processKey: 'izin-cuti' }, []],
      // control characters (a NUL from ?cari=%00) are dropped in the port: MongoDB refuses a NUL in a pattern
      ['a NUL alone matches every task, as an empty search', { search: '\u0000' }, all],
      ['a NUL inside a word is dropped', { search: 'san\u0000toso' }, [budi]],
      ['other control characters are dropped too', { search: '\u0001budi\u001f\u007f' }, [budi]],
    ];
    test.each(cases)('search: %s', async (_label, q, want) => {
      expect((await store().listTasks(q)).map((t) => t.id)).toEqual(want.map((t) => t.id));
      expect(await store().countTasks(q)).toBe(want.length);
    });

    test('searchText round-trips unchanged (also empty)', async () => {
      expect(await store().getTask(budi.id)).toEqual(budi);
      expect((await store().getTask(none.id))?.searchText).toBe('');
      expect((await store().getTask(slash.id))?.searchText).toBe('dewi\\lestari (kepala) [bagian] *pusat*');
    });

    test("sort 'age' breaks a createdAt tie by id, like sort 'due'", async () => {
      const D = caseRecord();
      const [x, y] = [task(D, { id: 'tie-b', createdAt: at(1) }), task(D, { id: 'tie-a', createdAt: at(1) })];
      await store().applyCaseChange(create(D, { openTasks: [x, y] }));
      expect((await store().listTasks({ caseId: D.id, sort: 'age' })).map((t) => t.id)).toEqual(['tie-a', 'tie-b']);
    });
  });
}
