/**
 * Puts a mock tenant's rows straight into the store, as a completed sync would leave them: for tests
 * of what is served, without running a sync first.
 */
import type { Queryable } from '../../src/store/db.js';
import { saveCheckpoint } from '../../src/sync/checkpoint.js';
import { PRIVILEGED_ROLE_TEMPLATE_IDS } from '../../../src/graph/directory-roles.js';
import { toMillisecondInstant } from '../../src/sync/rows.js';
import { contentHash, USER_STATE_OMITS } from '../../src/store/content-hash.js';
import type { Tenant } from '../../../src/mock/tenant.js';

const CHUNK = 2000;

async function insertChunks<T>(db: Queryable, rows: readonly T[], sql: string, map: (row: T, i: number) => Record<string, unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row, j) => map(row, i + j));
    await db.query(sql, [JSON.stringify(chunk)]);
  }
}

/** Loads every row of `tenant`; `seenAt` is when the users' current states were first seen. */
export async function loadTenant(db: Queryable, tenant: Tenant, seenAt = new Date(tenant.now.getTime() - 86_400_000)): Promise<void> {
  await insertChunks(
    db,
    tenant.users,
    `INSERT INTO user_versions (user_id, valid_from, content_hash, doc)
     SELECT r.id, $2::timestamptz, r.hash, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(id text, hash text, doc jsonb)`.replace('$2::timestamptz', `'${seenAt.toISOString()}'::timestamptz`),
    (u) => ({ id: u.id, hash: contentHash(u as unknown as Record<string, unknown>, USER_STATE_OMITS), doc: u }),
  );
  const occurrences = new Map<string, number>();
  await insertChunks(
    db,
    tenant.events,
    `INSERT INTO events (event_key, event_at, doc)
     SELECT r.key, r.at::timestamptz, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(key text, at text, doc jsonb)`,
    (e) => {
      const hash = contentHash(e as unknown as Record<string, unknown>);
      const n = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, n);
      return { key: `${hash}:${n}`, at: toMillisecondInstant(e.eventDateTime), doc: e };
    },
  );
  await insertChunks(
    db,
    tenant.audits,
    `INSERT INTO audits (audit_id, activity_at, service, doc)
     SELECT r.id, r.at::timestamptz, r.service, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(id text, at text, service text, doc jsonb)`,
    (a) => ({ id: a.id, at: toMillisecondInstant(a.activityDateTime), service: a.loggedByService, doc: a }),
  );
  await insertChunks(
    db,
    tenant.resetsAndChanges(),
    `INSERT INTO daily_resets (day, doc) SELECT r.day::date, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(day text, doc jsonb)`,
    (d) => ({ day: d.aggregatedDateTime.slice(0, 10), doc: d }),
  );
  await loadPrivilegedMembers(db, tenant);
}

/**
 * The privileged role members (each privileged admin under the privileged roles the mock gives them),
 * with the completed read that lets includedUserRoles='privilegedAdmin' be answered.
 */
export async function loadPrivilegedMembers(db: Queryable, tenant: Tenant, completedAt = tenant.now): Promise<void> {
  const { roles, members } = tenant.directoryRoles;
  const rows = roles
    .filter((r) => PRIVILEGED_ROLE_TEMPLATE_IDS.has(r.roleTemplateId))
    .flatMap((r) => members.get(r.id)!.map((m) => ({ user_id: m.id, role_template_id: r.roleTemplateId })));
  // the mock's own fact, not a read of its routes
  for (const id of tenant.privilegedAdminIds) {
    if (!rows.some((r) => r.user_id === id)) throw new Error(`privileged admin ${id} holds no privileged role`);
  }
  await db.query('DELETE FROM privileged_members');
  await db.query(
    `INSERT INTO privileged_members (user_id, role_template_id)
     SELECT r.user_id, r.role_template_id FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, role_template_id text)`,
    [JSON.stringify(rows)],
  );
  await saveCheckpoint(db, 'privilegedRoleMembers', { state: {} }, completedAt, completedAt);
}
