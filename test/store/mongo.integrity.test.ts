// MongoDB integrity rules that SQLite has (no server: refused before the driver, or the recorded
// commands): the audit log is append-only, and audit events, drafts and codes name what exists.
import { describe, expect, test } from '@jest/globals';
import mongoose from 'mongoose';
import { APPEND_ONLY } from '../../src/store/mongo/integrity.js';
import { bindModels } from '../../src/store/mongo/models.js';
import { at, audit, caseRecord, draft, verification } from './fixtures.js';
import { cursorOf, recordingStore, type DriverCall } from './mongo-recorder.js';

/** A recorder in which no case, task or user exists. */
const nothingExists = (call: DriverCall) =>
  call.method === 'find' ? cursorOf([]) : ['findOne', 'findOneAndUpdate'].includes(call.method) ? Promise.resolve(null) : undefined;

const conn = mongoose.createConnection(); // never opened
const m = bindModels(conn);

describe('the MongoDB audit log is append-only (schema guard)', () => {
  test.each([
    ['updateOne', () => m.Audit.updateOne({ _id: 'a1' }, { $set: { type: 'x' } })],
    ['updateMany', () => m.Audit.updateMany({}, { $set: { data: {} } })],
    ['replaceOne', () => m.Audit.replaceOne({ _id: 'a1' }, {})],
    ['deleteOne', () => m.Audit.deleteOne({ _id: 'a1' })],
    ['deleteMany', () => m.Audit.deleteMany({})],
    ['findOneAndUpdate', () => m.Audit.findOneAndUpdate({ _id: 'a1' }, { $set: { type: 'x' } })],
    ['findOneAndDelete', () => m.Audit.findOneAndDelete({ _id: 'a1' })],
    ['findOneAndReplace', () => m.Audit.findOneAndReplace({ _id: 'a1' }, {})],
    ['bulkWrite with a delete', () => m.Audit.bulkWrite([{ deleteOne: { filter: { _id: 'a1' } } }])],
  ])('Given %s on audit, Then it is refused before it reaches a server', async (_name, change) => {
    await expect(change()).rejects.toThrow(APPEND_ONLY);
  });

  test('Given an audit document read back, When saved again or deleted, Then refused', async () => {
    const doc = m.Audit.hydrate({ _id: 'a1', caseId: 'c1', at: at(1), type: 'case.started', data: {}, seq: new mongoose.Types.ObjectId() });
    await expect(doc.save()).rejects.toThrow(APPEND_ONLY);
    await expect(doc.deleteOne()).rejects.toThrow(APPEND_ONLY);
  });

  test('Given every store method, Then none sends an update or delete to the audit collection', async () => {
    const { store, calls } = recordingStore();
    const c = caseRecord();
    await store.appendAudit([audit(c, 'data.exported')]);
    await store.completeTimer({ id: 't1', token: 'k' }, at(1), { audit: [audit(c, 'task.overdue')] });
    await store.changeAssignee({ taskId: 't1', from: null, to: 'u1', audit: audit(c, 'task.taken') });
    expect(calls.filter((x) => x.collection === 'audit').map((x) => x.method)).toEqual(['insertMany', 'insertMany', 'insertMany']);
  });
});

describe('references must exist, as SQLite\'s foreign keys require', () => {
  test('Given audit events of a case that does not exist, When appended, Then refused before anything is written', async () => {
    const { store, calls } = recordingStore(nothingExists);
    await expect(store.appendAudit([audit(caseRecord({ id: 'case-missing' }), 'data.exported')])).rejects.toThrow(/case case-missing does not exist/);
    expect(calls.filter((x) => x.method === 'insertMany')).toEqual([]);
  });

  test('Given a timer whose effects name a missing case, When completed, Then refused (its transaction rolls back)', async () => {
    const { store } = recordingStore(nothingExists);
    await expect(store.completeTimer({ id: 't1', token: 'k' }, at(1), { audit: [audit('case-missing', 'task.overdue')] })).rejects.toThrow(/does not exist/);
  });

  test('Given a draft of a missing task or a code of a missing user, Then refused', async () => {
    const { store, calls } = recordingStore(nothingExists);
    await expect(store.saveDraft(draft('task-missing', 'u1'))).rejects.toThrow(/task task-missing does not exist/);
    await expect(store.insertVerification(verification('user-missing'))).rejects.toThrow(/user user-missing does not exist/);
    expect(calls.filter((x) => ['updateOne', 'insertMany'].includes(x.method))).toEqual([]);
  });
});
