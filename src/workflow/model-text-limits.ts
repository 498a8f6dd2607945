// How long a text written in a process model may be, per kind of text. Validation refuses longer
// texts before a deploy (model-content-rules.ts); the SOP document clips to the same limits, so a
// definition stored before these limits still renders with bounded work.

/** Characters (UTF-16 code units) per text, by the moddle property that holds it. */
export const TEXT_LIMITS = {
  /** `name` of any element (task, event, gateway, flow, lane, participant, process) */
  name: 200,
  /** alur:mutuBaku; published SOPs hold Kegiatan and Keterangan cells of 300-400 characters (BPS Bengkulu 342, 348) */
  uraian: 1000,
  output: 500,
  waktu: 40,
  persyaratan: 500,
  keterangan: 1000,
  /** bpmn:documentation, bpmn:textAnnotation */
  documentation: 5000,
  /** camunda:formField label */
  label: 200,
  /** any single field of alur:sopIdentity */
  identityField: 300,
  /** one item of an alur:sopIdentity list (dasarHukum, peralatan, …) */
  identityItem: 500,
  /** any other text (ids, expressions, attributes) */
  other: 2000,
} as const;

/** Items per repeatable text (persyaratan, keterangan, each identity list). */
export const MAX_LIST_ITEMS = 20;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** At most MAX_LIST_ITEMS items, each clipped to `max`. */
export function clipList(items: readonly string[], max: number): string[] {
  return items.slice(0, MAX_LIST_ITEMS).map((t) => clip(t, max));
}

/** C0/C1 controls except tab and line feed, and the bidi embedding/override/isolate marks. */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
