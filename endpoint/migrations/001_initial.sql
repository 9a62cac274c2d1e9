-- The endpoint's store. Rows are kept as Graph sent them (doc), with the columns the served queries
-- filter, order and index on. Timestamps are UTC instants.

-- Every sync run: when, how it ended, what it read and wrote, how many Graph requests it cost.
-- partial: some sources failed, the others were synced; interrupted: the process died during the run
-- (found by the next run, so ended_at stays unknown); aborted: stopped on request (shutdown).
CREATE TABLE sync_runs (
  run_id bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'aborted', 'interrupted')),
  counts jsonb NOT NULL DEFAULT '{}',
  requests integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX sync_runs_succeeded ON sync_runs (ended_at DESC) WHERE status = 'succeeded';

-- Where each source's read stands: a read that stopped goes on from next_link (relative to the Graph
-- root) in the next run; NULL: no read in progress. completed_at: when a read of the source last
-- completed, i.e. when its data was last brought up to date ("Last updated").
CREATE TABLE sync_checkpoints (
  source text PRIMARY KEY,
  next_link text,
  state jsonb NOT NULL DEFAULT '{}',
  completed_at timestamptz,
  updated_at timestamptz NOT NULL
);

-- userRegistrationDetails: one row per state a user has been in, valid from the sync that first saw
-- it until the sync that saw it change (valid_to NULL: the current state). lastUpdatedDateTime is not
-- part of the state, so history grows with changes, not with days × users.
CREATE TABLE user_versions (
  user_id text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  content_hash text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (user_id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX user_versions_current ON user_versions (user_id) WHERE valid_to IS NULL;
-- NULLS FIRST: the served order (Graph's, as the mock has it) puts missing names first ascending and
-- last descending, so one index serves both directions, and startswith and eq too.
CREATE INDEX user_versions_current_upn ON user_versions ((lower(doc ->> 'userPrincipalName') COLLATE "C") NULLS FIRST, user_id) WHERE valid_to IS NULL;
CREATE INDEX user_versions_current_name ON user_versions ((lower(doc ->> 'userDisplayName') COLLATE "C") NULLS FIRST, user_id) WHERE valid_to IS NULL;
CREATE INDEX user_versions_ended ON user_versions (valid_to) WHERE valid_to IS NOT NULL;

-- The users read so far by the read in progress; merged into user_versions when the read completes.
CREATE TABLE user_staging (
  user_id text PRIMARY KEY,
  content_hash text NOT NULL,
  doc jsonb NOT NULL
);

-- userEventsSummary: Graph's id is the user's, so an event is known by its content; event_key is the
-- content hash and the occurrence of that content within one read (two identical events stay two).
CREATE TABLE events (
  event_key text PRIMARY KEY,
  event_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX events_time ON events (event_at, event_key);
CREATE INDEX events_upn ON events ((lower(doc ->> 'userPrincipalName') COLLATE "C") NULLS FIRST, event_key);
CREATE INDEX events_name ON events ((lower(doc ->> 'userDisplayName') COLLATE "C") NULLS FIRST, event_key);

-- The events read so far by the read in progress, in the order Graph sent them.
CREATE TABLE event_staging (
  ordinal integer PRIMARY KEY,
  content_hash text NOT NULL,
  event_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);

-- directoryAudits of the two services the reports read, by Graph's id.
CREATE TABLE audits (
  audit_id text PRIMARY KEY,
  activity_at timestamptz NOT NULL,
  service text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX audits_activity ON audits (activity_at DESC, audit_id);

-- userPasswordResetsAndChangesSummary: one row per UTC day, the latest Graph said about it.
CREATE TABLE daily_resets (
  day date PRIMARY KEY,
  doc jsonb NOT NULL
);
