// The moddle packages Alur parses BPMN with: bpmn-moddle's own plus `camunda:*` and `alur:*`.
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import alur from './alur-moddle.json' with { type: 'json' };

/** Moddle packages for the extension namespaces we read: `camunda:*` and `alur:*`. */
export const moddleOptions = { camunda, alur } as const;
