// bpmn-moddle@10 is ESM-only, exports a *named* `BpmnModdle` class and ships element
// interfaces under 'bpmn-moddle/types' (built on moddle's ModdleElement) but no declaration
// for the class itself. (@types/bpmn-moddle describes v9's default export: wrong for v10.)
declare module 'bpmn-moddle' {
  import type { ModdleElement } from 'moddle';
  import type { BpmnDefinitions } from 'bpmn-moddle/types';

  export type { ModdleElement };
  export type Definitions = ModdleElement<BpmnDefinitions>;

  export interface FromXMLResult<T = Definitions> {
    rootElement: T;
    elementsById: Record<string, ModdleElement>;
    references: unknown[];
    warnings: Array<Error & { element?: unknown }>;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML<T = Definitions>(
      xml: string,
      typeName?: string | Record<string, unknown>,
      options?: Record<string, unknown>,
    ): Promise<FromXMLResult<T>>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create<T = Record<string, unknown>>(type: string, attrs?: Partial<T>): ModdleElement<T>;
  }
}
