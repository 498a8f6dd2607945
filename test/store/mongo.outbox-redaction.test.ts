// The MongoDB side of redacting a delivered secret (no server: the recorded commands): the redacted
// subject and body go in the same single-document update as the sent (or given-up) mark.
import { describe, expect, test } from '@jest/globals';
import { at } from './fixtures.js';
import { recordingStore } from './mongo-recorder.js';

const redacted = { subject: 'Verifikasi email', body: 'Buka tautan berikut: [disembunyikan]' };
const update = (calls: Array<{ collection: string; method: string; args: unknown[] }>) => {
  const writes = calls.filter((c) => c.collection === 'outbox' && c.method === 'updateOne');
  expect(writes).toHaveLength(1);
  return writes[0]!.args as [Record<string, unknown>, { $set: Record<string, unknown> }];
};

describe('a MongoDB outbox delivery mark', () => {
  test('Given a redacted text, When a message is marked sent, Then one update sets the sent mark and the redacted subject and body', async () => {
    const { store, calls } = recordingStore();
    await store.markMessageSent('m1', at(1), redacted);
    const [filter, { $set }] = update(calls);
    expect(filter).toEqual({ _id: 'm1' });
    expect($set).toMatchObject({ status: 'sent', sentAt: at(1), ...redacted });
  });

  test('Given no redacted text, When a message is marked sent, Then its subject and body are not touched', async () => {
    const { store, calls } = recordingStore();
    await store.markMessageSent('m1', at(1));
    const [, { $set }] = update(calls);
    expect(Object.keys($set)).not.toContain('body');
    expect(Object.keys($set)).not.toContain('subject');
  });

  test('Given a redacted text, When a pending message is given up, Then the same conditional update replaces its text', async () => {
    const { store, calls } = recordingStore();
    await store.markMessageFailed('m1', 'mailbox does not exist', null, { subject: null, body: 'Kode [disembunyikan]' });
    const [filter, { $set }] = update(calls);
    expect(filter).toEqual({ _id: 'm1', status: 'pending' });
    expect($set).toMatchObject({ status: 'failed', lastError: 'mailbox does not exist', subject: null, body: 'Kode [disembunyikan]' });
  });
});
