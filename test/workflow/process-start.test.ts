// What starting a process asks for, read from the model (starter groups, description, start form,
// what to prepare, total time standard), and the deploy rules on who may start it.
import { describe, expect, test } from '@jest/globals';
import { loadProcessStart, processStartProblemsOf, isoDuration } from '../../src/workflow/process-start.js';
import { processXml } from './helpers.js';

/** A user task of `group` with a model form, its waktu and Mutu Baku lists. */
const task = (id: string, group: string, waktu = 'PT1H', mutu = ''): string =>
  `<bpmn:userTask id="${id}" name="Langkah ${id}" camunda:candidateGroups="${group}">
    <bpmn:extensionElements><alur:mutuBaku waktu="${waktu}">${mutu}</alur:mutuBaku>
    <camunda:formData><camunda:formField id="catatan" label="Catatan" type="string" /></camunda:formData></bpmn:extensionElements>
  </bpmn:userTask>`;
const flow = (from: string, to: string, extra = ''): string => `<bpmn:sequenceFlow id="f_${from}_${to}" sourceRef="${from}" targetRef="${to}"${extra} />`;
const needs = (...items: string[]): string => items.map((i) => `<alur:persyaratan>${i}</alur:persyaratan>`).join('');
const START_FORM = `<bpmn:extensionElements><camunda:formData>
  <camunda:formField id="pemohon" label="Nama pemohon" type="string"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
  <camunda:formField id="jumlah" label="Jumlah" type="long" />
</camunda:formData></bpmn:extensionElements>`;

/** start -> a (pemohon) -> b (pemohon) -> c (staff) -> end */
const publicProcess = (attrs = 'camunda:candidateStarterGroups="pemohon, loket"', startInner = START_FORM, docs = '<bpmn:documentation>  Layanan   permintaan data statistik.  </bpmn:documentation>') => processXml(`${docs}
  <bpmn:startEvent id="mulai" name="Permohonan masuk">${startInner}</bpmn:startEvent>
  ${task('a', 'pemohon', 'PT15M', needs('KTP', 'Surat pengantar')).replace('waktu="PT15M"', 'waktu="PT15M" output="Formulir"')}
  ${task('b', 'pemohon', 'PT30M', needs('Formulir', 'Surat pengantar', 'Pas foto'))}
  ${task('c', 'loket', 'P1D', needs('Berkas lengkap'))}
  <bpmn:endEvent id="selesai" />
  ${flow('mulai', 'a')}${flow('a', 'b')}${flow('b', 'c')}${flow('c', 'selesai')}`, `isExecutable="true" ${attrs}`);

describe('Given a public process with a start form, documentation and two applicant steps before a staff step', () => {
  test('when its start is read, then starters, description, start form, what to prepare and the total time come from the model', async () => {
    const start = await loadProcessStart(publicProcess());
    expect(start.starterGroups).toEqual(['pemohon', 'loket']);
    expect(start.publicStart).toBe(true);
    expect(start.description).toBe('Layanan permintaan data statistik.');
    expect(start.startEvent).toEqual({ id: 'mulai', name: 'Permohonan masuk' });
    expect(start.startForm.map((f) => [f.id, f.type, f.required])).toEqual([['pemohon', 'text', true], ['jumlah', 'integer', false]]);
    // the outputs of earlier first steps (Formulir) are not prepared by the applicant; duplicates once
    expect(start.requirements).toEqual(['KTP', 'Surat pengantar', 'Pas foto']);
    expect(start.totalTime).toBe('P1DT45M');
  });

  test('when the documentation is longer than 300 characters, then the description is cut to 300', async () => {
    const start = await loadProcessStart(publicProcess(undefined, START_FORM, `<bpmn:documentation>${'kata '.repeat(100)}</bpmn:documentation>`));
    expect(start.description.length).toBe(300);
    expect(start.description.endsWith('…')).toBe(true);
  });

  test('when the start event declares no form and the process no documentation, then both are empty', async () => {
    const start = await loadProcessStart(publicProcess(undefined, '', ''));
    expect(start.startForm).toEqual([]);
    expect(start.description).toBe('');
  });
});

describe('Given a staff-started process with a decision and a loop back', () => {
  // start -> s1 (1h) -> gw -> s2 (1d) -> end | gw -> s3 (2h) -> s1 (back) | gw -> end
  const xml = processXml(`
    <bpmn:startEvent id="mulai" />
    ${task('s1', 'loket', 'PT1H', needs('Surat permohonan', 'Disposisi'))}
    <bpmn:exclusiveGateway id="gw" default="f_gw_selesai" />
    ${task('s2', 'kepala-seksi', 'P1D', needs('Konsep'))}
    ${task('s3', 'loket', 'PT2H')}
    <bpmn:endEvent id="selesai" />
    ${flow('mulai', 's1')}${flow('s1', 'gw')}${flow('gw', 's2', ' name="ya"')}${flow('gw', 's3')}${flow('s3', 's1')}${flow('s2', 'selesai')}${flow('gw', 'selesai')}`,
  'isExecutable="true" camunda:candidateStarterGroups="loket"');

  test('when its start is read, then what to prepare is the first step\'s and the total follows the longest path without going back', async () => {
    const start = await loadProcessStart(xml);
    expect(start.publicStart).toBe(false);
    expect(start.starterGroups).toEqual(['loket']);
    expect(start.requirements).toEqual(['Surat permohonan', 'Disposisi']);
    expect(start.totalTimeMs).toBe(25 * 3_600_000);
    expect(start.totalTime).toBe('P1DT1H');
  });

  test('when it is checked, then it has no start problem', async () => {
    expect(await processStartProblemsOf(xml)).toEqual([]);
  });
});

describe('Given models that break a start rule', () => {
  const messages = async (xml: string, startedByPack = false) => (await processStartProblemsOf(xml, { startedByPack })).map((p) => [p.severity, p.elementId, p.message]);

  test('when the process has no start event, then it is refused naming the process', async () => {
    const xml = processXml(`${task('a', 'loket')}<bpmn:endEvent id="e" />${flow('a', 'e')}`, 'isExecutable="true" name="Surat Masuk" camunda:candidateStarterGroups="loket"');
    expect(await messages(xml)).toEqual([['error', 'p', 'bpmn:Process "p" (Surat Masuk): no start event: a case starts at a start event']]);
  });

  test('when it has two plain start events, then it is refused naming both', async () => {
    const xml = processXml(`<bpmn:startEvent id="s1" name="Lewat loket" /><bpmn:startEvent id="s2" name="Lewat surel" />${task('a', 'loket')}${flow('s1', 'a')}${flow('s2', 'a')}`, 'isExecutable="true" camunda:candidateStarterGroups="loket"');
    const [[severity, , message]] = (await messages(xml)) as [[string, string, string]];
    expect(severity).toBe('error');
    expect(message).toContain('more than one plain start event (bpmn:StartEvent "s1" (Lewat loket), bpmn:StartEvent "s2" (Lewat surel))');
  });

  test('when the start form has a field the form rules refuse, then the start event is named with the field\'s reason', async () => {
    const bad = '<bpmn:extensionElements><camunda:formData><camunda:formField id="1x" label="" type="money" /></camunda:formData></bpmn:extensionElements>';
    const found = await messages(publicProcess(undefined, bad));
    expect(found.map(([, id]) => id)).toEqual(['mulai', 'mulai', 'mulai']);
    expect(found.map(([, , m]) => m)).toEqual([
      expect.stringContaining('bpmn:StartEvent "mulai" (Permohonan masuk): form field "1x": id "1x" must start with a letter'),
      expect.stringContaining('form field "1x": no label'),
      expect.stringContaining('form field "1x": type "money" is not supported'),
    ]);
  });

  test('when the start form asks for a file, then it is refused: documents are asked for by a first step', async () => {
    const withFile = START_FORM.replace('</camunda:formData>', '<camunda:formField id="surat" label="Surat" type="file" /></camunda:formData>');
    expect(await messages(publicProcess(undefined, withFile))).toEqual([
      ['error', 'mulai', 'bpmn:StartEvent "mulai" (Permohonan masuk): a start form cannot ask for files (surat): ask for documents in a first step'],
    ]);
  });

  test('when a starter group is not a valid identifier or is a system role, then each is refused', async () => {
    const found = await messages(publicProcess('camunda:candidateStarterGroups="pemohon,Kepala Seksi,staff"'));
    expect(found).toEqual([
      ['error', 'p', expect.stringContaining('camunda:candidateStarterGroups "Kepala Seksi" is not a valid group id')],
      ['error', 'p', expect.stringContaining('camunda:candidateStarterGroups names the system role "staff", not a group')],
    ]);
  });

  test('when staff start it and a step is the applicant\'s, then that step is refused by its name: nobody could do it', async () => {
    const found = await messages(publicProcess('camunda:candidateStarterGroups="loket"'));
    expect(found).toEqual([
      ['error', 'a', expect.stringContaining('bpmn:UserTask "a" (Langkah a): a step of the applicant ("pemohon") in a process that staff start')],
      ['error', 'b', expect.stringContaining('bpmn:UserTask "b" (Langkah b)')],
    ]);
  });

  test('when it names no starter group, then it is a warning (nobody can start it yet), except for a process its pack starts', async () => {
    const xml = publicProcess('');
    expect(await messages(xml)).toEqual([['warning', 'p', expect.stringContaining('nobody can start this process yet')]]);
    expect(await messages(xml, true)).toEqual([]);
  });
});

describe('Given durations in milliseconds', () => {
  test('when written as ISO-8601, then days, hours, minutes and seconds are kept', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(86_400_000)).toBe('P1D');
    expect(isoDuration(93_600_000 + 61_000)).toBe('P1DT2H1M1S');
  });
});
