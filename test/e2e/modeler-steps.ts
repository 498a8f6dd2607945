// Page steps of the process owner building a diagram in the studio's modeler (bpmn-js): the
// context pad, the replace menu and the properties panel. Selecting an element and reading the ids
// of new elements go through window.alurModeler (lanes lie under the palette, flows are thin lines).
import type { Page } from 'playwright-core';

interface Registry {
  get(id: string): { id: string; type: string; source?: { id: string }; target?: { id: string } } | undefined;
  filter(fn: (e: { id: string; type: string; source?: { id: string }; target?: { id: string } }) => boolean): Array<{ id: string }>;
}
type ModelerWindow = { alurModeler: { get(s: 'elementRegistry'): Registry; get(s: 'selection'): { get(): Array<{ id: string }>; select(e: unknown): void } } };

const panel = (p: Page, entry: string) => p.locator(`#studio-properties [data-entry-id="${entry}"]`);

/** The id of the (first) selected element. */
export const selectedId = (p: Page): Promise<string> =>
  p.evaluate(() => (window as unknown as ModelerWindow).alurModeler.get('selection').get()[0]!.id);

/** The ids of the elements of one BPMN type, e.g. 'bpmn:Lane'. */
export const idsOfType = (p: Page, type: string): Promise<string[]> =>
  p.evaluate((t) => (window as unknown as ModelerWindow).alurModeler.get('elementRegistry').filter((e) => e.type === t).map((e) => e.id), type);

/** The id of the sequence flow from `source` to `target`. */
export const flowBetween = (p: Page, source: string, target: string): Promise<string> =>
  p.evaluate(([s, t]) => (window as unknown as ModelerWindow).alurModeler.get('elementRegistry')
    .filter((e) => e.type === 'bpmn:SequenceFlow' && e.source?.id === s && e.target?.id === t)[0]!.id, [source, target] as const);

/** Selects an element as a click would (lanes lie under the palette and flows are thin bent lines in the studio's small canvas). */
export async function select(p: Page, id: string): Promise<void> {
  await p.evaluate((eid) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const m = (window as unknown as ModelerWindow).alurModeler;
    m.get('selection').select(m.get('elementRegistry').get(eid));
  }, id);
  // the panel shows it once its General group's ID field holds the id
  await p.waitForFunction((eid) => (document.querySelector('#studio-properties [data-entry-id="id"] input') as HTMLInputElement | null)?.value === eid, id);
}

export async function contextPad(p: Page, action: string): Promise<void> {
  await p.locator(`.djs-context-pad .entry[data-action="${action}"]`).click();
}

/** Context pad "Change element" of the selected element, then one entry of its popup menu. */
export async function replaceWith(p: Page, entry: string): Promise<void> {
  await contextPad(p, 'replace');
  await p.locator(`.djs-popup [data-id="${entry}"]`).click();
}

/** Context pad of the selected lane: a new lane above or below it; returns the new lane's id. */
export async function insertLane(p: Page, where: 'above' | 'below'): Promise<string> {
  const before = await idsOfType(p, 'bpmn:Lane');
  await contextPad(p, `lane-insert-${where}`);
  return (await idsOfType(p, 'bpmn:Lane')).find((id) => !before.includes(id))!;
}

/** Opens a properties panel group (a no-op when it is open already). */
export async function openGroup(p: Page, group: string): Promise<void> {
  const header = p.locator(`#studio-properties [data-group-id="group-${group}"] .bio-properties-panel-group-header`);
  if (!(await header.evaluate((el) => el.classList.contains('open')))) await header.click();
}

export async function typeInto(p: Page, entry: string, value: string, tag: 'input' | 'textarea' = 'input'): Promise<void> {
  const input = panel(p, entry).locator(tag);
  await input.fill(value);
  await input.press('Tab');
}

export async function choose(p: Page, entry: string, value: string): Promise<void> {
  await panel(p, entry).locator('select').selectOption(value);
}

/** The name in the General group (a text area for flow nodes, lanes and flows). */
export async function rename(p: Page, name: string): Promise<void> {
  await openGroup(p, 'general');
  await typeInto(p, 'name', name, 'textarea');
}

export interface FormFieldSpec {
  id: string;
  label: string;
  type: 'string' | 'long' | 'boolean' | 'date';
  required: boolean;
}

/** Makes the selected element's form "Generated Task Forms" and adds fields from index `from` on. */
export async function addFormFields(p: Page, elementId: string, fields: FormFieldSpec[], from = 0): Promise<void> {
  await openGroup(p, 'CamundaPlatform__Form');
  await choose(p, 'formType', 'formData');
  await openGroup(p, 'CamundaPlatform__FormData');
  for (const [i, f] of fields.entries()) {
    await p.locator('[data-group-id="group-CamundaPlatform__FormData"] .bio-properties-panel-add-entry').first().click();
    const prefix = `${elementId}-formField-${from + i}`;
    const idInput = panel(p, `${prefix}-formFieldID`).locator('input');
    await idInput.waitFor({ state: 'attached' });
    if (!(await idInput.isVisible())) await panel(p, prefix).locator('.bio-properties-panel-collapsible-entry-header').first().click();
    await idInput.waitFor();
    await typeInto(p, `${prefix}-formFieldID`, f.id);
    await typeInto(p, `${prefix}-formFieldLabel`, f.label);
    await choose(p, `${prefix}-formFieldType`, f.type);
    if (!f.required) continue;
    await panel(p, `${prefix}-formFieldConstraints`).locator('.bio-properties-panel-add-entry').first().click();
    await typeInto(p, `${prefix}-formFieldConstraints-constraint-0-name`, 'required');
  }
}
