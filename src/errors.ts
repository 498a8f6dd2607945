// AppError family: services throw these; the web error handler maps them to HTTP status and a
// localised message (the `code` is a key of the i18n catalogue).

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'error.notFound') {
    super(404, code);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'error.forbidden') {
    super(403, code);
  }
}

/** Optimistic-concurrency or uniqueness failure: "this task was already handled". */
export class ConflictError extends AppError {
  constructor(message = 'conflict', code = 'error.conflict') {
    super(409, code, message);
  }
}

export type FieldErrors = Record<string, string>; // field name -> i18n key

export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    code = 'error.validation',
  ) {
    super(422, code);
  }
}

/** The store did not answer in time (no server reachable, a timeout, a majority not reached): "try again shortly". */
export class StoreUnavailableError extends AppError {
  constructor(message = 'store unavailable', code = 'error.storeUnavailable') {
    super(503, code, message);
  }
}
