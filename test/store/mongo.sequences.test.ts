// The MongoDB store's insertion order (no server: the recorded commands, mongo-recorder.ts): audit
// events and documents take their numbers from their case's counter, codes from their user's, each
// in the writer's transaction, and the lists sort by (time, that number), as SQLite by rowid.
import { describe, expect, test } from '@jest/globals';
import mongoose from 'mongoose';
import { at, audit, caseRecord, create, document, update, verification } from './fixtures.js';
import { cursorOf, recordingStore, type DriverCall } from './mongo-recorder.js';
import { compareSeq } from '../../src/store/mongo/sequences.js';

/** A recorder that notes which calls ran inside a transaction, and whose counters stood at `before`. */
function observed(before: Record<string, number> = {}, override?: (call: DriverCall) => unknown) {
  const inTransaction = new Set<DriverCall>();
  let open = false;
  const r = recordingStore((call) => {
    if (open) inTransaction.add(call);
    const inc = (call.args[1] as { $inc?: Record<string, number> } | undefined)?.$inc;
    const id = (call.args[0] as { _id?: unknown })._id;
    if (call.method === 'findOneAndUpdate' && inc && typeof id === 'string' && ['cases', 'users'].includes(call.collection)) {
      const [field, n] = Object.entries(inc)[0]!;
      return Promise.resolve({ _id: id, [field]: (before[id] ?? 0) + n });
    }
    return override?.(call);
  });
  Object.assign(r.conn, {
    transaction: async (fn: (s: undefined) => Promise<unknown>) => {
      open = true;
      try {
        return await fn(undefined);
      } finally {
        open = false;
      }
    },
  });
  const of = (collection: string, method: string) => r.calls.filter((c) => c.collection === collection && c.method === method);
  const seqs = (collection: string) => of(collection, 'insertMany').flatMap((c) => (c.args[0] as Array<{ _id: string; seq: unknown }>).map((d) => [d._id, d.seq]));
  return { ...r, inTransaction, of, seqs };
}

describe('Audit events and documents are numbered per case, in the writer\'s transaction', () => {
  test('Given a case whose counter stands at 4, When two events are appended, Then they take 5 and 6 from the case, in one transaction with the insert', async () => {
    const c = caseRecord({ id: 'case-1' });
    const { store, of, seqs, inTransaction } = observed({ 'case-1': 4 });
    const [a, b] = [audit(c, 'data.exported', { id: 'a-z' }), audit(c, 'data.exported', { id: 'a-a' })];
    await store.appendAudit([a, b]);
    const [counter] = of('cases', 'findOneAndUpdate');
    expect(counter?.args.slice(0, 2)).toEqual([{ _id: 'case-1' }, { $inc: { eventSeq: 2 } }]);
    expect(seqs('audit')).toEqual([['a-z', 5], ['a-a', 6]]);
    expect(inTransaction.has(counter!)).toBe(true);
    expect(inTransaction.has(of('audit', 'insertMany')[0]!)).toBe(true);
  });

  test('Given a case change with documents, events and an event of another case, Then the rev check takes this case\'s numbers in the same write, and the other case its own', async () => {
    const c = caseRecord({ id: 'case-1', rev: 1 });
    const { store, of, seqs, inTransaction } = observed({ 'case-1': 7, 'case-2': 1 });
    await store.applyCaseChange(update(c, { updatedAt: at(5) }, {
      documents: [document(c, { id: 'd-z' })],
      audit: [audit(c, 'document.uploaded', { id: 'e-z' }), audit('case-2', 'data.exported', { id: 'e-other' }), audit(c, 'task.created', { id: 'e-a' })],
    }));
    const [own, other] = of('cases', 'findOneAndUpdate');
    expect(own?.args[0]).toEqual({ _id: 'case-1', rev: 1 });
    expect((own?.args[1] as { $inc: unknown }).$inc).toEqual({ eventSeq: 3 });
    expect(other?.args.slice(0, 2)).toEqual([{ _id: 'case-2' }, { $inc: { eventSeq: 1 } }]);
    expect(of('cases', 'updateOne')).toEqual([]); // the rev check is that one write
    expect(seqs('documents')).toEqual([['d-z', 8]]);
    expect(seqs('audit')).toEqual([['e-z', 9], ['e-a', 10], ['e-other', 2]]);
    expect([own, other, ...of('audit', 'insertMany'), ...of('documents', 'insertMany')].every((x) => inTransaction.has(x!))).toBe(true);
  });

  test('Given a new case with documents and events, Then it is inserted with its counter and they are numbered 1…n without another write', async () => {
    const c = caseRecord({ id: 'case-new' });
    const { store, of, seqs } = observed();
    await store.applyCaseChange(create(c, { documents: [document(c, { id: 'd1' })], audit: [audit(c, 'case.started', { id: 'e1' }), audit(c, 'task.created', { id: 'e2' })] }));
    expect((of('cases', 'insertMany')[0]?.args[0] as Array<{ eventSeq: number }>)[0]?.eventSeq).toBe(3);
    expect(of('cases', 'findOneAndUpdate')).toEqual([]);
    expect(seqs('documents')).toEqual([['d1', 1]]);
    expect(seqs('audit')).toEqual([['e1', 2], ['e2', 3]]);
  });

  test('Given an unchanged rev with no records, Then the change is a plain conditional update (no counter)', async () => {
    const c = caseRecord({ id: 'case-1', rev: 1 });
    const { store, of } = observed();
    await store.applyCaseChange({ ...update(c, { updatedAt: at(5) }), audit: [] });
    expect(of('cases', 'updateOne').map((x) => x.args[0])).toEqual([{ _id: 'case-1', rev: 1 }]);
    expect(of('cases', 'findOneAndUpdate')).toEqual([]);
  });

  test('Given the other writers of audit events (assignee change, timer, code use), Then each numbers its event from the case in its transaction', async () => {
    const c = caseRecord({ id: 'case-1' });
    const { store, seqs, of, inTransaction } = observed({ 'case-1': 10 }, (call) =>
      call.collection === 'verifications' && call.method === 'findOneAndUpdate' ? Promise.resolve({ _id: 'v1', userId: 'u1' }) : undefined,
    );
    await store.changeAssignee({ taskId: 't1', from: null, to: 'u1', audit: audit(c, 'task.taken', { id: 'x1' }) });
    await store.completeTimer({ id: 't1', token: 'k' }, at(1), { audit: [audit(c, 'task.overdue', { id: 'x2' })] });
    await store.consumeVerification('v1', at(1), undefined, audit(c, 'data.exported', { id: 'x3' }));
    expect(seqs('audit')).toEqual([['x1', 11], ['x2', 11], ['x3', 11]]); // each from the counter at 10
    expect(of('cases', 'findOneAndUpdate').every((x) => inTransaction.has(x))).toBe(true);
  });

  test('The history and the documents sort by (time, number); the numbers, not ids, break a tie', async () => {
    const { store, calls } = recordingStore();
    await store.listAudit('case-1');
    await store.listDocuments('case-1');
    await store.latestVerification('u1', 'whatsapp');
    const sorts = calls.filter((c) => ['find', 'findOne'].includes(c.method)).map((c) => [c.collection, (c.args[1] as { sort: unknown }).sort]);
    expect(sorts).toEqual([
      ['audit', { at: 1, seq: 1 }],
      ['documents', { createdAt: 1, seq: 1 }],
      ['verifications', { createdAt: -1, seq: -1 }],
    ]);
  });
});

describe('Verification codes are numbered per user, in the insert\'s transaction', () => {
  test('Given a user whose counter stands at 2, When a code is inserted, Then it takes 3 from the user, in one transaction with the insert', async () => {
    const { store, of, seqs, inTransaction } = observed({ u1: 2 });
    await store.insertVerification(verification('u1', { id: 'v-new' }));
    const [counter] = of('users', 'findOneAndUpdate');
    expect(counter?.args.slice(0, 2)).toEqual([{ _id: 'u1' }, { $inc: { codeSeq: 1 } }]);
    expect(seqs('verifications')).toEqual([['v-new', 3]]);
    expect(inTransaction.has(counter!)).toBe(true);
    expect(inTransaction.has(of('verifications', 'insertMany')[0]!)).toBe(true);
  });

  test('Given a user that does not exist, Then the code is refused and nothing is written', async () => {
    const { store, calls } = recordingStore((call) => (call.method === 'findOneAndUpdate' ? Promise.resolve(null) : undefined));
    await expect(store.insertVerification(verification('user-missing'))).rejects.toThrow(/user user-missing does not exist/);
    expect(calls.filter((c) => c.method === 'insertMany')).toEqual([]);
  });
});

describe('The report\'s audit of many cases (sorted in memory)', () => {
  test('Given events in the same millisecond, Then by case, then number (10 after 9), older ObjectId-numbered events after numbered ones', async () => {
    const older = new mongoose.Types.ObjectId();
    const docs = [
      { _id: 'e10', caseId: 'c1', at: at(1), type: 'case.started', seq: 10 },
      { _id: 'old', caseId: 'c1', at: at(1), type: 'case.started', seq: older },
      { _id: 'e9', caseId: 'c1', at: at(1), type: 'case.started', seq: 9 },
      { _id: 'c0', caseId: 'c0', at: at(1), type: 'case.started', seq: 50 },
      { _id: 'first', caseId: 'c1', at: at(0), type: 'case.started', seq: 11 },
    ];
    const { store } = recordingStore((call) => (call.collection === 'audit' && call.method === 'find' ? cursorOf(docs) : undefined));
    const got = await store.listAuditOfCases(['c0', 'c1'], ['case.started']);
    expect(got.map((e) => e.id)).toEqual(['first', 'c0', 'e9', 'e10', 'old']);
    expect(compareSeq(new mongoose.Types.ObjectId('000000000000000000000001'), new mongoose.Types.ObjectId('000000000000000000000002'))).toBeLessThan(0);
  });
});
