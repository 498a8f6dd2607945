import { test } from '@jest/globals';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { Engine } from 'bpmn-engine';
for (const f of ['attack-script-task', 'attack-script-condition', 'attack-expression-service-task']) {
  test(f, async () => {
    const marker = `/tmp/alur-marker-${f}`;
    rmSync(marker, { force: true });
    const xml = readFileSync(`test/workflow/fixtures/${f}.bpmn`, 'utf8').replaceAll('MARKER_FILE', marker);
    const engine = new Engine({ source: xml });
    engine.on('error', (e) => console.log('err', e.message));
    try { await engine.execute(); } catch (e) { console.log('threw', (e as Error).message); }
    await new Promise((r) => setTimeout(r, 100));
    console.log(f, 'marker exists', existsSync(marker), engine.state);
  });
}
