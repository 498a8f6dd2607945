// The process pack interface: everything specific to one SOP (its coded forms, return reasons, own
// start pages, model safety rules, texts, demo data) lives in a pack under src/packs/<name>/ and
// reaches the generic core only through these fields. The registry (src/packs/index.ts) lists the
// packs; the composition root (src/composition.ts) reads it and hands each core service what it
// needs (core modules never import src/packs/**); src/app.ts mounts the routers it is given.
import type { Router } from 'express';
import type { Config } from '../config.js';
import type { ApplicantTexts } from '../cases/applicant-texts.js';
import type { Services } from '../composition.js';
import type { FormDef, ReturnReason } from '../forms/form-types.js';
import type { CaseRecord, Store } from '../store/ports.js';
import type { Catalogue } from '../web/locales/catalogue.js';
import type { RenderPage } from '../web/page.js';
import type { DefinitionProblem, ProcessModel } from '../workflow/index.js';

/** What a pack's routes may use: the app's services and its page renderer. */
export interface PackRouteContext {
  services: Services;
  renderPage: RenderPage;
}

/** What a pack's demo data is written with (an empty store, on first start outside production too). */
export interface PackSeedContext {
  store: Store;
  config: Config;
  log: (line: string) => void;
  now: () => Date;
}

/** A short fact about a case shown in lists beside the applicant's name (e.g. a masked identity number). */
export interface CaseSubject {
  label: string; // i18n key of the column/label
  value: string; // already safe to show in a list (masked where personal)
}

export interface ProcessPack {
  /** The BPMN process id (key) the pack belongs to. */
  processKey: string;
  /** Group names of old stored models of this process and the group each is read as (e.g. an old applicant group name -> pemohon). */
  groupAliases: Readonly<Record<string, string>>;
  /** Coded forms by camunda:formKey; the form registry (src/forms/form-registry.ts) is built from all packs' forms. */
  forms: readonly FormDef[];
  /** Structured reasons for returning a case that its forms use (FormEffects.returnedCodes); reports read them. */
  returnReasons?: readonly ReturnReason[];
  /** Its own start page instead of the generic start form (the catalogue links there; staff cannot start it for someone). */
  startPath?: string;
  /**
   * Safety rules of its process, checked on validate and deploy only for a model whose key is `processKey`
   * (after the core rules passed): each problem refuses the deploy when its severity is 'error'.
   */
  checkModel?(model: ProcessModel, xml: string): DefinitionProblem[] | Promise<DefinitionProblem[]>;
  /** Pages it adds (mounted by the app before the core's catch-all 404). */
  routes?(ctx: PackRouteContext): Router;
  /**
   * Its locale strings, merged into the i18n tables at composition. Two packs may not give one key; a
   * pack's key replaces the core's generic text of that key for the whole app (e.g. the office's name).
   */
  messages?: Catalogue;
  /** Demo data written on an empty store (the core seeds only the process owner); must be idempotent. */
  seedDemo?(ctx: PackSeedContext): Promise<void>;
  /** What lists show beside the applicant for a case of this process, or null for nothing. */
  caseSubject?(c: CaseRecord): CaseSubject | null;
  /** The prefix of its cases' nomor permohonan ('SKD' -> 'SKD-2026-000123'); else the process name's initials (src/cases/case-number.ts). */
  caseNumberPrefix?: string;
  /** The applicant's pages of its service (src/cases/applicant-texts.ts): who may apply, and the end page's text. */
  applicantTexts?: ApplicantTexts;
}

export type { ApplicantTexts };
