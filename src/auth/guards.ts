// Route guards: a logged-in user, optionally with one of the given roles.
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors.js';
import type { Role } from '../store/ports.js';

export function requireRole(...roles: Role[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.user) return res.redirect(303, `/masuk?next=${encodeURIComponent(req.originalUrl)}`);
    if (roles.length > 0 && !roles.includes(req.user.role)) return next(new ForbiddenError());
    next();
  };
}

export const requireLogin = requireRole();

/** The group inbox (/kotak-masuk): staff, and a process owner who is a member of a group. */
export function requireGroupWorker(req: Request, res: Response, next: NextFunction): void {
  if (!req.user) return res.redirect(303, `/masuk?next=${encodeURIComponent(req.originalUrl)}`);
  if (req.user.role === 'staff' || (req.user.role === 'process-owner' && req.user.groups.length > 0)) return next();
  next(new ForbiddenError());
}

/** Staff -> their inbox, a process owner -> the processes, an applicant -> their tasks. */
export function homeFor(role: Role): string {
  return role === 'staff' ? '/kotak-masuk' : role === 'process-owner' ? '/proses' : '/tugas';
}
