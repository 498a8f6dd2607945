// The background loop shared by the outbox sender, the timer scheduler and the upload sweeper.
import { describe, expect, test } from '@jest/globals';
import { Poller } from '../../src/poller.js';

const until = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error('condition not reached');
};

describe('Given a poller', () => {
  test('when started, then it ticks at once and again after each tick; a failing tick is logged and the loop goes on; stop waits and ends it', async () => {
    let ticks = 0;
    const logs: string[] = [];
    const poller = new Poller(async () => {
      ticks += 1;
      if (ticks === 2) throw new Error('kaput');
    }, 5, (line) => logs.push(line), 'uji');
    poller.start();
    poller.start(); // a second start changes nothing
    await until(() => ticks >= 3);
    await poller.stop();
    const after = ticks;
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBe(after);
    expect(logs).toEqual(['[alur] uji: kaput']);
  });
});
