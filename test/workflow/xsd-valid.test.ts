// Valid BPMN out: every file Alur ships, its SOP baru template, what the studio exports and the MIWG
// reference models validate against the BPMN 2.0 XSD (xmllint-wasm, schemas in test/xsd/).
import { describe, expect, test } from '@jest/globals';
import { newSopXml } from '../../src/definitions/new-sop-template.js';
import { xsdConformingXml } from '../../src/workflow/xsd-conform.js';
import { xsdErrors } from '../xsd/validate-xsd.js';
import { fixtureXml, miwgFiles, MIWG_DIRS, shippedFiles } from '../xsd/bpmn-files.js';

const documentationOf = (xml: string, element: string): string | undefined =>
  new RegExp(`<bpmn:${element}\\b[^>]*>\\s*<bpmn:documentation>([^<]*)</bpmn:documentation>`).exec(xml)?.[1];

describe('Given the BPMN 2.0 XSD', () => {
  test('when an invalid file is checked, then the validator names the line and the element', async () => {
    // given the shipped PPBJ file as it was before issue 11 (a documentation directly under definitions)
    const errors = await xsdErrors(fixtureXml('legacy-definitions-documentation.bpmn'));
    expect(errors).toEqual([expect.stringMatching(/^line 12: .*documentation.*not expected/)]);
  });

  test.each(shippedFiles().map((f) => [f.name, f] as const))('when the shipped %s is checked, then it is valid', async (_name, file) => {
    expect(await xsdErrors(file.bytes)).toEqual([]);
  });

  test('when the shipped PPBJ file is read, then its SOP source note is the collaboration\'s documentation', () => {
    const ppbj = shippedFiles().find((f) => f.name.endsWith('pendaftaran-akun-ppbj.bpmn'))!;
    expect(documentationOf(ppbj.text, 'collaboration')).toMatch(/^SOP Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa, Biro Pengadaan/);
  });

  test('when the SOP baru template is made (a name with markup characters), then it is valid', async () => {
    expect(await xsdErrors(newSopXml('izin-cuti', 'Izin Cuti & "Sakit" <Pegawai>'))).toEqual([]);
  });

  for (const dir of MIWG_DIRS) {
    test.each(miwgFiles(dir).map((f) => [f.name, f] as const))('when the MIWG model %s is checked, then it is valid', async (_name, file) => {
      expect(await xsdErrors(file.bytes)).toEqual([]);
    });
  }
});

describe('Given a file with a documentation directly under bpmn:definitions', () => {
  test('when it is made XSD-conforming, then the text moves onto the collaboration and the file is valid', async () => {
    const legacy = fixtureXml('legacy-definitions-documentation.bpmn');
    const note = /<bpmn:definitions[^>]*>\s*<bpmn:documentation>([^<]*)</.exec(legacy)![1];
    const out = await xsdConformingXml(legacy);
    expect(await xsdErrors(out)).toEqual([]);
    expect(documentationOf(out, 'collaboration')).toBe(note);
  });

  test('when a file without one is made XSD-conforming, then it is returned unchanged', async () => {
    const shipped = shippedFiles()[0]!.text;
    expect(await xsdConformingXml(shipped)).toBe(shipped);
  });
});
