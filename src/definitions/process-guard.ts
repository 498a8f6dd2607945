// The process of a /proses/:key URL: a valid key (letters, digits, '-', '_'; at most 64) of a
// process that exists (a deployed version or a studio draft), else the 404 page. Routes under
// /proses/:key read it with processKeyOf(res).
import type { NextFunction, Request, Response } from 'express';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { isProcessKey } from './process-key.js';

export function processGuard(store: Store) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.params.key;
    if (!isProcessKey(key)) return next(new NotFoundError());
    Promise.all([store.getLatestDefinition(key), store.getProcessDraft(key)])
      .then(([latest, draft]) => {
        if (!latest && !draft) return next(new NotFoundError());
        res.locals.processKey = key;
        next();
      })
      .catch(next);
  };
}

export function processKeyOf(res: Response): string {
  const key = res.locals.processKey;
  if (typeof key !== 'string') throw new Error('processKeyOf: route is not under processGuard');
  return key;
}
