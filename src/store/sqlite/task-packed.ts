// A task's closing time as ms and its closer's UUID in 16 bytes (issue 14 storage; packed-ids.ts): the SQL
// that writes and reads tasks.completedAt and tasks.completedBy, and the migration converting the rows of before.
// NOTE: the migration is shipped once appended to MIGRATIONS: change it only by appending another.
import { packId, packTime, unpackId, unpackTime } from './packed-ids.js';

const PACKED: Record<string, { pack: (e: string) => string; unpack: (e: string) => string }> = {
  completedAt: { pack: packTime, unpack: unpackTime },
  completedBy: { pack: packId, unpack: unpackId },
};

/** SQL: the stored form of task column `col` given the text value `expr` (e.g. a parameter). */
export const packTaskColumn = (col: string, expr: string): string => PACKED[col]?.pack(expr) ?? expr;

/** SQL: task column `col` (of `alias`, e.g. 't.') read back as the text it stands for, under its name. */
export const readTaskColumn = (col: string, alias = ''): string =>
  PACKED[col] ? `${(PACKED[col] as { unpack: (e: string) => string }).unpack(`${alias}"${col}"`)} AS "${col}"` : `${alias}"${col}"`;

// NOTE: STRICT typed the columns TEXT: new ANY columns take the packed values, the old ones go (no index,
// key or trigger names them) and the new ones take their names.
export const TASK_PACKED_MIGRATION = `
  ALTER TABLE tasks ADD COLUMN packedAt ANY;
  ALTER TABLE tasks ADD COLUMN packedBy ANY;
  UPDATE tasks SET packedAt = ${packTime('completedAt')}, packedBy = ${packId('completedBy')} WHERE completedAt IS NOT NULL OR completedBy IS NOT NULL;
  ALTER TABLE tasks DROP COLUMN completedAt;
  ALTER TABLE tasks DROP COLUMN completedBy;
  ALTER TABLE tasks RENAME COLUMN packedAt TO completedAt;
  ALTER TABLE tasks RENAME COLUMN packedBy TO completedBy;
`;
