// Who is staff and who administers staff: the one place these rules live. System roles are fixed
// ('staff', 'process-owner'); who does a step is a group (data, from the model), see group-memberships.ts.
import type { Role, UserRecord } from '../store/ports.js';

/** Accounts of the office (listed on /staf); applicants sign up themselves and are not staff. */
export const STAFF_ROLES: readonly Role[] = ['staff', 'process-owner'];

/** System roles an administrator may give an invited staff member. */
export const INVITABLE_ROLES: readonly Role[] = ['staff', 'process-owner'];

/** Roles that administer staff accounts (invite, groups, deactivate, reactivate, reset a password). */
export const STAFF_ADMIN_ROLES: readonly Role[] = ['process-owner'];

export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role);

/** The message key of a system role's display name (staff locale). */
export const roleLabel = (role: string): string => `staff.systemRole.${role}`;

/**
 * A staff account that was invited and has not set its password yet: status 'registered' (for an
 * applicant that status means "not yet activated at a step of a process", so the role matters).
 */
export const isInvitedStaff = (user: Pick<UserRecord, 'role' | 'status'>): boolean => isStaffRole(user.role) && user.status === 'registered';

/** Whether the person may be given a task (Alihkan): an active account; never a deactivated or invited one. */
export const mayHoldTasks = (user: Pick<UserRecord, 'status'>): boolean => user.status === 'active';
