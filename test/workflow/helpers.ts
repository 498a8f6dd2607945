// Shared fixtures for the workflow tests.
import { readFileSync } from 'node:fs';
import type { DefinitionRef } from '../../src/workflow/index.js';

const root = new URL('../../', import.meta.url);

export const shippedXml = (): string => readFileSync(new URL('processes/pendaftaran-akun-ppbj.bpmn', root), 'utf8');
export const fixtureXml = (name: string): string => readFileSync(new URL(`test/workflow/fixtures/${name}`, root), 'utf8');

let versions = 0;
/** A definition ref with a fresh id, so each test compiles its own cache entry. */
export const definition = (xml: string): DefinitionRef => ({ id: `test-def-${++versions}`, xml });

/** A minimal executable process around `body`, with the camunda and alur namespaces declared. */
export const processXml = (body: string, processAttrs = 'isExecutable="true"'): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  xmlns:alur="https://alur.id/schema/bpmn/sop/1.0" id="defs" targetNamespace="https://alur.id/test">
  <bpmn:process id="p" ${processAttrs}>${body}</bpmn:process>
</bpmn:definitions>`;

/** A user task that passes validation, for composing test processes. */
export const userTask = (id: string, attrs = 'camunda:candidateGroups="pemohon" camunda:formKey="f"', waktu = 'PT15M'): string =>
  `<bpmn:userTask id="${id}" name="${id}" ${attrs}><bpmn:extensionElements><alur:mutuBaku waktu="${waktu}" /></bpmn:extensionElements></bpmn:userTask>`;

/** The SOP table, steps 2-7: what the shipped diagram must encode. */
export const SOP_STEPS = [
  { id: 'MembuatAkun', name: 'Membuat Akun PPBJ', groupId: 'pemohon', formKey: 'ppbj-registrasi', time: 'PT15M', requirements: ['e-Mail Aktif', 'Nomor Whatsapp Aktif'], output: 'Form Registrasi', keterangan: [] },
  { id: 'MengisiIdentitas', name: 'Mengisi Identitas PPBJ', groupId: 'pemohon', formKey: 'ppbj-identitas', time: 'PT15M', requirements: ['Form Registrasi'], output: 'Data Identitas PPBJ', keterangan: [] },
  { id: 'MelakukanVerifikasi', name: 'Melakukan Verifikasi', groupId: 'admin-ppe', formKey: 'verifikasi-identitas', time: 'PT15M', requirements: ['Data Identitas PPBJ'], output: 'Verifikasi Data Identitas PPBJ', keterangan: [] },
  { id: 'MelengkapiInformasi', name: 'Melengkapi Informasi PPBJ', groupId: 'pemohon', formKey: 'ppbj-informasi', time: 'PT15M', requirements: ['Akun PPBJ Yang Telah Diverifikasi', 'Surat Keputusan atau Surat Tugas'], output: 'Informasi PPBJ', keterangan: [] },
  { id: 'MemeriksaInformasi', name: 'Memeriksa Informasi PPBJ', groupId: 'admin-ppe', formKey: 'periksa-informasi', time: 'PT15M', requirements: ['Informasi PPBJ'], output: 'Akun PPBJ', keterangan: ['SiRUP', 'SPSE', 'SiPRAJA'] },
  { id: 'MengaktifkanAkun', name: 'Mengaktifkan Akun PPBJ', groupId: 'admin-ppe', formKey: 'aktivasi-akun', time: 'PT5M', requirements: ['Akun PPBJ'], output: 'Akun PPBJ Aktif', keterangan: [] },
];
