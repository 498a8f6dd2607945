// The MongoDB side of staff administration (no server: the recorded commands): the staff audit log
// is append-only, a status change is conditional on the status seen, writes the role's guard counter
// (so two changes guarded by one role conflict and one is retried) and is refused as 'last' when no
// active user of the role would remain; entries must name a user that exists.
import { describe, expect, test } from '@jest/globals';
import mongoose from 'mongoose';
import { APPEND_ONLY } from '../../src/store/mongo/integrity.js';
import { bindModels } from '../../src/store/mongo/models.js';
import type { StaffAuditEvent, UserStatusChange } from '../../src/store/ports.js';
import { at } from './fixtures.js';
import { cursorOf, recordingStore, type DriverCall } from './mongo-recorder.js';

const m = bindModels(mongoose.createConnection()); // never opened
const entry: StaffAuditEvent = { id: 'sa1', userId: 'o1', at: at(1), actorId: 'o2', actorName: 'Pemilik Dua', type: 'staff.deactivated', data: {} };
const change: UserStatusChange = { userId: 'o1', from: 'active', to: 'disabled', keepOneActive: 'process-owner', audit: entry };
const writes = (calls: DriverCall[]) => calls.filter((c) => !['find', 'findOne'].includes(c.method)).map((c) => `${c.collection}.${c.method}`);

describe('the MongoDB staff audit log', () => {
  test.each([
    ['updateOne', () => m.StaffAudit.updateOne({ _id: 'sa1' }, { $set: { type: 'x' } })],
    ['deleteMany', () => m.StaffAudit.deleteMany({})],
    ['findOneAndReplace', () => m.StaffAudit.findOneAndReplace({ _id: 'sa1' }, {})],
    ['bulkWrite with a delete', () => m.StaffAudit.bulkWrite([{ deleteOne: { filter: { _id: 'sa1' } } }])],
  ])('Given %s on staff_audit, Then it is refused before it reaches a server', async (_name, run) => {
    await expect(run()).rejects.toThrow(APPEND_ONLY);
  });

  test('Given entries of a user that does not exist, When appended, Then refused before anything is written', async () => {
    const { store, calls } = recordingStore((call) => (call.method === 'find' ? cursorOf([]) : undefined));
    await expect(store.appendStaffAudit([entry])).rejects.toThrow(/user o1 does not exist/);
    expect(calls.filter((c) => c.method === 'insertMany')).toEqual([]);
  });
});

describe('a MongoDB staff status change', () => {
  test('Given another active process owner, When one is deactivated, Then the guard counter, the conditional update and the audit entry are written in that order', async () => {
    const { store, calls } = recordingStore((call) => (call.collection === 'users' && call.method === 'findOne' ? Promise.resolve({ _id: 'o2' }) : undefined));
    expect(await store.changeUserStatus(change)).toBe('changed');
    expect(writes(calls)).toEqual(['counters.updateOne', 'users.updateOne', 'staff_audit.insertMany']);
    expect(calls.find((c) => c.collection === 'counters')!.args[0]).toEqual({ _id: 'active-guard:process-owner' });
    expect(calls.find((c) => c.collection === 'users' && c.method === 'updateOne')!.args[0]).toEqual({ _id: 'o1', status: 'active' });
    expect(calls.find((c) => c.collection === 'users' && c.method === 'findOne')!.args[0]).toEqual({ role: 'process-owner', status: 'active' });
  });

  test('Given no other active process owner, When the last is deactivated, Then it is refused as last and no audit entry is written', async () => {
    const { store, calls } = recordingStore();
    expect(await store.changeUserStatus(change)).toBe('last');
    expect(writes(calls)).not.toContain('staff_audit.insertMany');
  });

  test('Given a status changed meanwhile, When the change is applied, Then it is stale and nothing else is asked', async () => {
    const stale = { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null };
    const { store, calls } = recordingStore((call) => (call.collection === 'users' && call.method === 'updateOne' ? Promise.resolve(stale) : undefined));
    expect(await store.changeUserStatus({ ...change, keepOneActive: undefined })).toBe('stale');
    expect(writes(calls)).toEqual(['users.updateOne']);
  });
});
