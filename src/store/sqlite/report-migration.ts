// The SQLite migration of the report facts (src/compliance/README.md: why facts, and their clock).
// Every case that already has a completed task, or ended, goes on the report backlog: the app
// computes its facts (it needs the working calendar, which SQL does not know) and clears it.
export const REPORT_FACTS_MIGRATION = `
  -- one row per completed task; the key serves a step's completions in time order
  CREATE TABLE task_facts (
    processKey    TEXT NOT NULL,
    elementId     TEXT NOT NULL,
    completedAt   TEXT NOT NULL,
    taskId        TEXT NOT NULL,
    caseId        TEXT NOT NULL,
    groupId       TEXT NOT NULL,
    completedBy   TEXT,
    takenAt       TEXT,
    elapsedMs     INTEGER NOT NULL,
    waitMs        INTEGER,
    handlingMs    INTEGER,
    standardMs    INTEGER NOT NULL,
    met           INTEGER NOT NULL CHECK (met IN (0, 1)),
    returnReasons TEXT CHECK (returnReasons IS NULL OR json_valid(returnReasons)),
    caseReturns   INTEGER NOT NULL CHECK (caseReturns >= 0),
    previousAt    TEXT,
    previousCaseReturns INTEGER,
    PRIMARY KEY (processKey, elementId, completedAt, taskId)
  ) STRICT, WITHOUT ROWID;
  -- a step completed again by the same case (after a return): the returns per case read these only
  CREATE INDEX task_facts_again ON task_facts (processKey, elementId, completedAt, previousAt, caseId, caseReturns, previousCaseReturns)
    WHERE previousAt IS NOT NULL;

  -- one row per ended case, in end order
  CREATE TABLE case_facts (
    processKey  TEXT NOT NULL,
    endedAt     TEXT NOT NULL,
    caseId      TEXT NOT NULL,
    createdAt   TEXT NOT NULL,
    totalMs     INTEGER NOT NULL,
    agencyMs    INTEGER NOT NULL,
    applicantMs INTEGER NOT NULL,
    standardMs  INTEGER NOT NULL,
    met         INTEGER NOT NULL CHECK (met IN (0, 1)),
    returns     INTEGER NOT NULL CHECK (returns >= 0),
    PRIMARY KEY (processKey, endedAt, caseId)
  ) STRICT, WITHOUT ROWID;

  -- per process, UTC day and series: counts and the sorted durations (float64 blobs) of that day's facts
  CREATE TABLE report_days (
    processKey TEXT NOT NULL,
    day        TEXT NOT NULL,
    series     TEXT NOT NULL,
    n          INTEGER NOT NULL,
    within     INTEGER NOT NULL,
    returns    INTEGER NOT NULL,
    sumW       INTEGER NOT NULL,
    sumH       INTEGER NOT NULL,
    r0         INTEGER NOT NULL, -- steps: completions by the case's returns up to them: 0, 1, 2, 3 or more
    r1         INTEGER NOT NULL,
    r2         INTEGER NOT NULL,
    r3         INTEGER NOT NULL,
    rSum       INTEGER NOT NULL, -- and the sum of those returns
    e          BLOB NOT NULL,
    w          BLOB NOT NULL,
    h          BLOB NOT NULL,
    reasons    TEXT NOT NULL CHECK (json_valid(reasons)),
    meta       TEXT NOT NULL CHECK (json_valid(meta)),
    UNIQUE (processKey, day, series)
  ) STRICT;

  CREATE TABLE report_backlog (
    caseId TEXT PRIMARY KEY,
    mark   INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;

  INSERT INTO report_backlog (caseId, mark)
    SELECT id, 1 FROM cases WHERE status = 'completed' OR id IN (SELECT caseId FROM tasks WHERE status = 'completed');
`;

/** report_days.rev grows with every change of a row (µs of the write): the report reader caches decoded rows by it. */
export const REPORT_DAYS_REV_MIGRATION = `
  ALTER TABLE report_days ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
`;
