// `npm run bpmn:check`: spawned as CI runs it, on the shipped processes, a broken file, a missing
// file, MIWG reference models (one ISO-8859-1) and bad usage: JSON shape, words, exit codes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { MAX_DEFINITION_ELEMENTS } from '../../src/workflow/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHIPPED = ['processes/pendaftaran-akun-ppbj.bpmn', 'processes/pengajuan-belanja-pegawai.bpmn'];
const BROKEN = 'test/workflow/fixtures/broken-truncated.bpmn';
const MIWG_ISO = 'test/workflow/fixtures/miwg/reference/A.2.0.bpmn';
const tmp = mkdtempSync(join(tmpdir(), 'alur-bpmn-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function check(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/bpmn-check.ts', ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const json = (run: Run) => JSON.parse(run.stdout) as Array<{ file: string; opens: boolean; deployable: boolean; problems: Array<Record<string, unknown>> }>;

describe('Given the bpmn:check command', () => {
  test('when it checks the shipped processes with --json, then every file opens, is deployable, and it exits 0', async () => {
    const run = await check('--json', ...SHIPPED);
    expect(run.code).toBe(0);
    const results = json(run);
    expect(results.map((r) => [r.file, r.opens, r.deployable])).toEqual(SHIPPED.map((f) => [f, true, true]));
    for (const p of results.flatMap((r) => r.problems)) {
      expect(Object.keys(p).sort()).toEqual(['element', 'message', 'name', 'severity']);
      expect(p.severity).toBe('warning');
    }
  }, 60_000);

  test('when one file is broken and one is missing, then both are listed as not opening and it exits 1', async () => {
    const run = await check('--json', SHIPPED[0]!, BROKEN, 'tidak-ada.bpmn');
    expect(run.code).toBe(1);
    const [shipped, broken, missing] = json(run);
    expect(shipped).toMatchObject({ opens: true, deployable: true });
    expect(broken).toMatchObject({ file: BROKEN, opens: false, deployable: false, problems: [expect.objectContaining({ element: null, severity: 'error', message: expect.stringMatching(/unclosed tag/) })] });
    expect(missing).toMatchObject({ file: 'tidak-ada.bpmn', opens: false, deployable: false, problems: [expect.objectContaining({ severity: 'error', message: expect.stringMatching(/no such file/) })] });
  }, 60_000);

  test('when it checks an ISO-8859-1 MIWG reference model, then it opens and its reasons name the elements', async () => {
    const run = await check('--json', MIWG_ISO);
    expect(run.code).toBe(1);
    const [miwg] = json(run);
    expect(miwg).toMatchObject({ opens: true, deployable: false });
    expect(miwg!.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ element: null, severity: 'error', message: expect.stringMatching(/isExecutable/) }),
      expect.objectContaining({ element: '_35fe57a7-1302-44e2-bf58-032f11af7ecb', name: 'Gateway\n(Split Flow)', severity: 'error' }),
    ]));
  }, 60_000);

  test('when a MIWG model binds the camunda prefix to the Activiti namespace, then it opens as on upload, with a warning that the prefix is renamed', async () => {
    const run = await check('--json', '--lang', 'en', 'test/workflow/fixtures/miwg/reference/C.1.1.bpmn');
    expect(run.code).toBe(1);
    const [result] = json(run);
    expect(result).toMatchObject({ opens: true, deployable: false });
    expect(result!.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ element: null, severity: 'warning', message: expect.stringMatching(/prefix "camunda".*activiti/) }),
    ]));
  }, 60_000);

  test('when a file declares ISO-8859-1, then it is read in that encoding (names keep their accents)', async () => {
    // given a step without a group (an error about it) whose name has a Latin-1 character
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="resume" isExecutable="true">
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Langkah" name="Memeriksa Résumé"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="Langkah" />
    <bpmn:sequenceFlow id="F2" sourceRef="Langkah" targetRef="Selesai" />
  </bpmn:process>
</bpmn:definitions>`;
    const file = join(tmp, 'latin1.bpmn');
    writeFileSync(file, Buffer.from(xml, 'latin1'));
    const run = await check('--json', file);
    expect(run.code).toBe(1);
    const [result] = json(run);
    expect(result).toMatchObject({ opens: true, deployable: false });
    expect(result!.problems).toEqual(expect.arrayContaining([expect.objectContaining({ element: 'Langkah', name: 'Memeriksa Résumé', severity: 'error' })]));
  }, 60_000);

  test('when a file is over the element limit, then its reason is worded in the chosen language', async () => {
    const tasks = Array.from({ length: MAX_DEFINITION_ELEMENTS + 1 }, (_, i) => `<bpmn:task id="T${i}" />`).join('');
    const file = join(tmp, 'besar.bpmn');
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><bpmn:process id="p" isExecutable="true">${tasks}</bpmn:process></bpmn:definitions>`);
    const id = await check(file);
    const en = await check('--lang', 'en', file);
    expect([id.code, en.code]).toEqual([1, 1]);
    expect(id.stdout).toContain('tidak dapat dibuka');
    const reason = (out: string, word: string) => out.split('\n').find((l) => l.startsWith(`  ${word}  `)) ?? '';
    expect(reason(id.stdout, 'galat')).toContain(String(MAX_DEFINITION_ELEMENTS));
    expect(reason(en.stdout, 'error')).toContain(`more than ${MAX_DEFINITION_ELEMENTS} XML elements`);
    expect(reason(id.stdout, 'galat').slice(8)).not.toBe(reason(en.stdout, 'error').slice(8));
    expect(id.stdout).toContain('0 dari 1 berkas siap di-deploy');
    expect(en.stdout).toContain('does not open');
    expect(en.stdout).toContain('0 of 1 files deployable');
  }, 60_000);

  test.each([
    [[], /no BPMN file given/],
    [['--lang', 'fr', SHIPPED[0]!], /--lang takes "id" or "en", not "fr"/],
    [['--xml', SHIPPED[0]!], /unknown option "--xml"/],
  ])('when it is called with %j, then it exits 2 with the reason and the usage', async (args, reason) => {
    const run = await check(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toContain('usage: npm run bpmn:check --');
  }, 60_000);
});
