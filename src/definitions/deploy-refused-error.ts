// A deploy refused because the definition still has errors; carries every problem found.
import { AppError } from '../errors.js';
import type { DefinitionProblem } from '../workflow/index.js';

export class DeployRefusedError extends AppError {
  constructor(readonly problems: DefinitionProblem[]) {
    super(422, 'studio.error.refused', problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
  }
}
