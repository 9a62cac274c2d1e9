-- The audit table in server mode pages through current users with a flag facet (isMfaCapable eq false)
-- in name order, 1,000 at a time. The planner had nothing to go on for a flag inside doc: ANALYZE keeps
-- no statistics for an expression, nor for the expressions of a partial index. So it guessed that
-- 0.5 % of the users match where a quarter do, and read every current user and sorted them (400 ms on
-- PostgreSQL, 600 ms embedded, at 500,000 users) instead of walking the name index (a few ms).

-- The documented flags as trailing columns of the name indexes: a page is that walk whatever the
-- planner knows (the embedded database has no autovacuum, so it is not analyzed unless asked), the
-- flags checked on the index entries and only the rows served read. They replace the name indexes of
-- 001 and serve everything those did (the same leading columns).
DROP INDEX user_versions_current_upn;
DROP INDEX user_versions_current_name;
CREATE INDEX user_versions_current_upn_flags ON user_versions (
  (lower(doc ->> 'userPrincipalName') COLLATE "C") NULLS FIRST, user_id,
  (doc -> 'isMfaCapable'), (doc -> 'isMfaRegistered'), (doc -> 'isSsprEnabled'), (doc -> 'isSsprRegistered'),
  (doc -> 'isSsprCapable'), (doc -> 'isPasswordlessCapable'), (doc -> 'isSystemPreferredAuthenticationMethodEnabled')
) WHERE valid_to IS NULL;
CREATE INDEX user_versions_current_name_flags ON user_versions (
  (lower(doc ->> 'userDisplayName') COLLATE "C") NULLS FIRST, user_id,
  (doc -> 'isMfaCapable'), (doc -> 'isMfaRegistered'), (doc -> 'isSsprEnabled'), (doc -> 'isSsprRegistered'),
  (doc -> 'isSsprCapable'), (doc -> 'isPasswordlessCapable'), (doc -> 'isSystemPreferredAuthenticationMethodEnabled')
) WHERE valid_to IS NULL;

-- Once analyzed, the planner needs the flags' and names' real frequencies: with its guesses, a deep
-- page (after a position) looked smaller than a page and was read whole and sorted (300–600 ms), and an
-- unordered filtered page too. One object per expression: their combinations cost ANALYZE seconds.
CREATE STATISTICS user_versions_mfa_capable_stats ON (doc -> 'isMfaCapable') FROM user_versions;
CREATE STATISTICS user_versions_mfa_registered_stats ON (doc -> 'isMfaRegistered') FROM user_versions;
CREATE STATISTICS user_versions_sspr_enabled_stats ON (doc -> 'isSsprEnabled') FROM user_versions;
CREATE STATISTICS user_versions_sspr_registered_stats ON (doc -> 'isSsprRegistered') FROM user_versions;
CREATE STATISTICS user_versions_sspr_capable_stats ON (doc -> 'isSsprCapable') FROM user_versions;
CREATE STATISTICS user_versions_passwordless_capable_stats ON (doc -> 'isPasswordlessCapable') FROM user_versions;
CREATE STATISTICS user_versions_system_preferred_stats ON (doc -> 'isSystemPreferredAuthenticationMethodEnabled') FROM user_versions;
CREATE STATISTICS user_versions_upn_stats ON (lower(doc ->> 'userPrincipalName') COLLATE "C") FROM user_versions;
CREATE STATISTICS user_versions_name_stats ON (lower(doc ->> 'userDisplayName') COLLATE "C") FROM user_versions;
-- No ANALYZE here: on a store still empty it would tell the planner the table stays empty, and the
-- first sync's merge would rescan every row it had inserted for each row it inserts (minutes instead
-- of seconds). PostgreSQL's autovacuum builds them after the first sync; the embedded database has
-- them once something runs ANALYZE.
