// task_facts packed (issue 14 storage): its times as ms and its ids (task, case, officer) as 16-byte UUIDs
// (packed-ids.ts); the SQL that writes and reads them, and the migration that converts the rows of before.
// NOTE: the migration is shipped once appended to MIGRATIONS: change it only by appending another.
import { packId, packTime, unpackId, unpackTime } from './packed-ids.js';

/** The packed columns and how a value is stored in each (SQL of a named parameter or a column). */
const PACK: Record<string, (expr: string) => string> = {
  completedAt: packTime, taskId: packId, caseId: packId, completedBy: packId, takenAt: packTime, previousAt: packTime,
};

/** SQL: the stored form of column `col` of task_facts given the text value `expr`. */
export const packFact = (col: string, expr: string): string => (PACK[col] ? (PACK[col] as (e: string) => string)(expr) : expr);

/** SQL: column `col` of task_facts (as `alias.col` when aliased) read back as the text it stands for, named `as`. */
export const readFact = (col: 'completedAt' | 'taskId' | 'caseId' | 'completedBy' | 'takenAt' | 'previousAt', as: string = col, alias = ''): string =>
  `${(col.endsWith('At') ? unpackTime : unpackId)(`${alias}${col}`)} AS ${as}`;

/**
 * A report period's bound on task_facts.completedAt: ms since the epoch (an ISO time with ms is kept
 * as its ms; the app writes no other).
 */
export const factTime = (at: string | number): number => (typeof at === 'number' ? at : Date.parse(at));

const COLUMNS = [
  'processKey', 'elementId', 'completedAt', 'taskId', 'caseId', 'groupId', 'completedBy', 'takenAt',
  'elapsedMs', 'waitMs', 'handlingMs', 'standardMs', 'met', 'returnReasons', 'caseReturns', 'previousAt', 'previousCaseReturns',
];

export const TASK_FACTS_PACKED_MIGRATION = `
  CREATE TABLE task_facts_packed (
    processKey    TEXT NOT NULL,
    elementId     TEXT NOT NULL,
    completedAt   ANY NOT NULL,  -- ms since the epoch (packed-ids.ts packTime)
    taskId        ANY NOT NULL,  -- a UUID as its 16 bytes (packId)
    caseId        ANY NOT NULL,
    groupId       TEXT NOT NULL,
    completedBy   ANY,
    takenAt       ANY,
    elapsedMs     INTEGER NOT NULL,
    waitMs        INTEGER,
    handlingMs    INTEGER,
    standardMs    INTEGER NOT NULL,
    met           INTEGER NOT NULL CHECK (met IN (0, 1)),
    returnReasons TEXT CHECK (returnReasons IS NULL OR json_valid(returnReasons)),
    caseReturns   INTEGER NOT NULL CHECK (caseReturns >= 0),
    previousAt    ANY,
    previousCaseReturns INTEGER,
    PRIMARY KEY (processKey, elementId, completedAt, taskId)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO task_facts_packed (${COLUMNS.join(', ')})
    SELECT ${COLUMNS.map((c) => packFact(c, c)).join(', ')} FROM task_facts;
  DROP TABLE task_facts;
  ALTER TABLE task_facts_packed RENAME TO task_facts;
  -- a step completed again by the same case (after a return): the returns per case read these only
  CREATE INDEX task_facts_again ON task_facts (processKey, elementId, completedAt, previousAt, caseId, caseReturns, previousCaseReturns)
    WHERE previousAt IS NOT NULL;
`;
