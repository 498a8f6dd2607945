// The deploy checks on what a model says and on what starting it needs, registered in
// validate-definition.ts as one entry: model-content-rules.ts and sign-up-start-rules.ts.
import type { ModdleNode } from './moddle.js';
import { modelContentProblems } from './model-content-rules.js';
import { signUpStartProblems } from './sign-up-start-rules.js';
import type { DefinitionProblem } from './sop-types.js';
import type { ProcessModel } from './types.js';

export async function contentProblems(xml: string, nodes: ModdleNode[], model: ProcessModel): Promise<DefinitionProblem[]> {
  const content = modelContentProblems(nodes);
  // a start is only tried on a model whose texts and time standards are acceptable
  return content.length ? content : signUpStartProblems(xml, nodes, model);
}
