// Mongoose schemas of groups (from deployed models) and memberships. Pure definitions: nothing here touches a server.
import { Schema } from 'mongoose';
import type { GroupRecord } from '../ports.js';
import { id, options, str, text } from './schema-kit.js';

export type GroupDoc = Omit<GroupRecord, 'id'> & { _id: string };

/** One user in one group; `displayName` is the user's (kept by updateUser), so members are read in name order. */
export interface MembershipDoc {
  userId: string;
  groupId: string;
  displayName: string;
  createdAt: string;
}

export const groupSchema = new Schema<GroupDoc>(
  {
    _id: id, // an identifier, checked by the callers (src/workflow/task-groups.ts)
    name: text('name'),
    createdAt: str,
    updatedAt: str,
  },
  options('groups'),
);

export const membershipSchema = new Schema<MembershipDoc>(
  {
    userId: str,
    groupId: str,
    displayName: text('displayName'),
    createdAt: str,
  },
  options('memberships'),
);
// one membership per user and group; a user's groups in id order
membershipSchema.index({ userId: 1, groupId: 1 }, { unique: true });
// a group's members by name (and its active members: each user then by _id)
membershipSchema.index({ groupId: 1, displayName: 1, userId: 1 });
