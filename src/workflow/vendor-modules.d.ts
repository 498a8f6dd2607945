// Declarations for the parts of bpmnlint@11 (CommonJS, no types entry) and bpmn-js-differ@3 that
// the workflow module uses.
declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error' | 'off';
  }
  export class Linter {
    constructor(options: { config: Record<string, unknown>; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver.js' {
  export default class NodeResolver {
    constructor(options?: { require?: NodeJS.Require; requireLocal?: NodeJS.Require });
  }
}

declare module 'bpmn-js-differ' {
  interface Changed {
    model: { $type: string; id?: string; name?: string };
    attrs: Record<string, { oldValue: unknown; newValue: unknown }>;
  }
  type Element = { $type: string; id?: string; name?: string };
  export function diff(
    oldDefinitions: unknown,
    newDefinitions: unknown,
  ): { _changed: Record<string, Changed>; _added: Record<string, Element>; _removed: Record<string, Element>; _layoutChanged: Record<string, Element> };
}
