// Stored engine state formats: raw deflate (format byte 2) is written; brotli (1), written by earlier
// versions, is still read, so a case stored before the change moves on.
import { describe, expect, test } from '@jest/globals';
import { brotliCompressSync, inflateRawSync } from 'node:zlib';
import { decodeState, encodeState } from '../../src/workflow/engine-state.js';
import { completeUserTask, startProcess } from '../../src/workflow/index.js';
import { definition, shippedXml } from './helpers.js';

/** A state as the earlier versions stored it: brotli-compressed JSON behind format byte 1. */
const brotliStored = (json: string): Buffer => Buffer.concat([Buffer.from([1]), brotliCompressSync(Buffer.from(json))]);

describe('stored engine state', () => {
  test('Given a new case, then its state is stored as format 2 (raw deflate JSON) without the diagram, under 6 KB', async () => {
    const { engineState } = await startProcess(definition(shippedXml()));
    expect(engineState[0]).toBe(2);
    expect(engineState.length).toBeLessThanOrEqual(6144);
    const json = JSON.parse(inflateRawSync(engineState.subarray(1)).toString('utf8')) as { definitions: object[] };
    expect(json.definitions.every((d) => !('source' in d))).toBe(true);
    expect(decodeState(engineState)).toEqual(json);
  });

  test('Given a case stored by an earlier version (format 1, brotli), when its task is completed, then it moves on and is stored as format 2', async () => {
    const def = definition(shippedXml());
    const started = await startProcess(def);
    const old = brotliStored(JSON.stringify(decodeState(started.engineState)));
    expect(decodeState(old)).toEqual(decodeState(started.engineState));
    const next = await completeUserTask(def, old, 'MembuatAkun', {});
    expect(next.waiting.map((w) => w.elementId)).toEqual(['MengisiIdentitas']);
    expect(next.engineState[0]).toBe(2);
  });

  test('Given an unknown format byte, then decoding refuses it', () => {
    const state = encodeState({ name: 'x', state: 'idle', stopped: false, engineVersion: '25', environment: {}, definitions: [] } as never);
    expect(() => decodeState(Buffer.concat([Buffer.from([9]), state.subarray(1)]))).toThrow('Unknown engine state format 9');
    expect(() => decodeState(Buffer.alloc(0))).toThrow('Unknown engine state format (empty)');
  });
});
