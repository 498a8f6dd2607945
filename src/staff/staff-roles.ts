// Who is staff, who administers staff, and who may hold tasks: the one place these rules live, so a
// later change from fixed roles to groups (from the model's lanes) changes only this file.
import type { Role, UserRecord } from '../store/ports.js';

/** Accounts of the office (listed on /staf); PPBJ sign up themselves and are not staff. */
export const STAFF_ROLES: readonly Role[] = ['admin-ppe', 'process-owner'];

/** Roles an administrator may give an invited staff member. */
export const INVITABLE_ROLES: readonly Role[] = ['admin-ppe', 'process-owner'];

/** Roles that administer staff accounts (invite, deactivate, reactivate, reset a password). */
export const STAFF_ADMIN_ROLES: readonly Role[] = ['process-owner'];

export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role);

/**
 * A staff account that was invited and has not set its password yet: status 'registered' (for a
 * PPBJ that status means "not yet activated at SOP step 7", so the role matters).
 */
export const isInvitedStaff = (user: Pick<UserRecord, 'role' | 'status'>): boolean => isStaffRole(user.role) && user.status === 'registered';

/** Whether the person may be given a task (Alihkan): an active account; never a deactivated or invited one. */
export const mayHoldTasks = (user: Pick<UserRecord, 'status'>): boolean => user.status === 'active';
