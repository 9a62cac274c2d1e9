import initial from '../../migrations/001_initial.sql';
import userFlagIndexes from '../../migrations/002_user_flag_indexes.sql';
import privilegedMembers from '../../migrations/003_privileged_members.sql';
import type { Db } from './db.js';

/** Every migration, in order; a name is never reused or edited once released. */
export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  { name: '001_initial', sql: initial },
  { name: '002_user_flag_indexes', sql: userFlagIndexes },
  { name: '003_privileged_members', sql: privilegedMembers },
];

/** The advisory lock key of migrations (replicas starting together apply each one once). */
const MIGRATION_LOCK = 0x55_50_52_01;

/** Applies the migrations this database has not had yet; returns their names. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    // first the lock, then even the bookkeeping table: two processes starting at once must not race on it
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const { name, sql } of MIGRATIONS) {
      if (done.has(name)) continue;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}

/** A migration's statements: split on semicolons at line ends, comments dropped (no procedures here). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
