// The worker channel behind validation and bpmnlint: answers by id, gives up after its time limit
// and replaces a worker that hung or died, so one bad request never stalls the next ones.
import { describe, expect, test } from '@jest/globals';
import { WorkerChannel } from '../../src/workflow/worker-channel.js';

const ECHO = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text === 'hang') return; // never answers
  if (text === 'die') process.exit(3);
  if (text === 'fail') return parentPort.postMessage({ id, error: 'refused' });
  parentPort.postMessage({ id, result: text.toUpperCase() });
});`;

const channel = () => new WorkerChannel<{ text: string }, string>('echo', () => ({ source: ECHO }), 300);

describe('Given a worker channel', () => {
  test('when several requests are in flight, then each gets its own answer', async () => {
    const c = channel();
    await expect(Promise.all(['a', 'b', 'c'].map((text) => c.request({ text })))).resolves.toEqual(['A', 'B', 'C']);
  });

  test('when the worker answers with an error, then the request rejects with it and the worker serves on', async () => {
    const c = channel();
    await expect(c.request({ text: 'fail' })).rejects.toThrow('refused');
    await expect(c.request({ text: 'ok' })).resolves.toBe('OK');
  });

  test('when a request hangs, then it rejects after the time limit and the next request gets a new worker', async () => {
    const c = channel();
    await expect(c.request({ text: 'hang' })).rejects.toThrow('echo took longer than 300 ms');
    await expect(c.request({ text: 'again' })).resolves.toBe('AGAIN');
  });

  test('when the worker dies, then its requests reject and the next request gets a new worker', async () => {
    const c = channel();
    await expect(c.request({ text: 'die' })).rejects.toThrow('echo stopped');
    await expect(c.request({ text: 'alive' })).resolves.toBe('ALIVE');
  });
});
