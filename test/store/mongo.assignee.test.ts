// The MongoDB side of the holder rule (no server: the recorded commands). A task handed to someone
// (take or reassign) first WRITES that user's document, conditionally on status 'active', inside
// the transaction: a deactivation writes the same document, so of the two one conflicts and is
// retried after the other commits (a read alone would let both commit: snapshot isolation).
import { describe, expect, test } from '@jest/globals';
import { InactiveAssigneeError, type AssigneeChange } from '../../src/store/ports.js';
import { audit, caseRecord } from './fixtures.js';
import { recordingStore, type DriverCall } from './mongo-recorder.js';

const c = caseRecord({ id: 'case-1' });
const change = (from: string | null, to: string | null): AssigneeChange => ({ taskId: 't1', from, to, audit: audit(c, to ? 'task.taken' : 'task.released') });
const writes = (calls: DriverCall[]) => calls.filter((x) => !['find', 'findOne'].includes(x.method)).map((x) => `${x.collection}.${x.method}`);
const userWrite = (calls: DriverCall[]) => calls.find((x) => x.collection === 'users');

describe('a MongoDB assignee change', () => {
  test('Given an active new holder, When the task is handed over, Then the holder is written conditionally on active before the task and its audit event', async () => {
    const { store, calls } = recordingStore();
    await store.changeAssignee(change('u0', 'u1'));
    expect(writes(calls)).toEqual(['users.findOneAndUpdate', 'tasks.updateOne', 'cases.findOneAndUpdate', 'audit.insertMany']);
    expect(userWrite(calls)!.args[0]).toEqual({ _id: 'u1', status: 'active' });
    expect(userWrite(calls)!.args[1]).toEqual({ $inc: { holdSeq: 1 } });
  });

  test('Given a new holder that is not active (or does not exist), When the task is handed over, Then InactiveAssigneeError and the task is not written', async () => {
    const { store, calls } = recordingStore((call) => (call.collection === 'users' && call.method === 'findOneAndUpdate' ? Promise.resolve(null) : undefined));
    await expect(store.changeAssignee(change(null, 'u-off'))).rejects.toBeInstanceOf(InactiveAssigneeError);
    expect(writes(calls)).toEqual(['users.findOneAndUpdate']);
  });

  test('Given a release (to nobody), When applied, Then no user document is written', async () => {
    const { store, calls } = recordingStore();
    await store.changeAssignee(change('u1', null));
    expect(userWrite(calls)).toBeUndefined();
    expect(writes(calls)).toEqual(['tasks.updateOne', 'cases.findOneAndUpdate', 'audit.insertMany']);
  });
});
