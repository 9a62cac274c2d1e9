/**
 * privilegedRoleMembers: who holds one of the directory roles includedUserRoles='privilegedAdmin'
 * covers. The activated roles (`v1.0/directoryRoles`) are read, those of the nine privileged templates
 * kept, and each one's members read to the end; the stored set is then replaced in one transaction, so
 * the served set is always one complete read. Nothing is kept between pages: a read that stops
 * starts again in the next run (a few small requests).
 */
import { PRIVILEGED_ROLE_TEMPLATE_IDS } from '../../../src/graph/directory-roles.js';
import { saveCheckpoint } from './checkpoint.js';
import type { SourceContext } from './paged-read.js';
import { isRecord } from './rows.js';
import { MalformedRowError } from './sync-errors.js';

const SOURCE = 'privilegedRoleMembers';
export const DIRECTORY_ROLES_PATH = 'v1.0/directoryRoles';

interface Membership {
  user_id: string;
  role_template_id: string;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

async function readAll(ctx: SourceContext, path: string, visit: (raw: unknown, index: number) => void): Promise<void> {
  for await (const page of ctx.client.pages<unknown>(path, { signal: ctx.signal, onWait: ctx.onWait })) {
    page.value.forEach(visit);
    ctx.report.pages++;
    ctx.report.read += page.value.length;
  }
}

export async function readPrivilegedMembers(ctx: SourceContext): Promise<void> {
  const roles: { id: string; templateId: string }[] = [];
  await readAll(ctx, DIRECTORY_ROLES_PATH, (raw, i) => {
    if (!isRecord(raw) || !isText(raw.id)) throw new MalformedRowError(SOURCE, i, 'id');
    if (!isText(raw.roleTemplateId)) throw new MalformedRowError(SOURCE, i, 'roleTemplateId');
    const templateId = raw.roleTemplateId.toLowerCase();
    if (PRIVILEGED_ROLE_TEMPLATE_IDS.has(templateId)) roles.push({ id: raw.id, templateId });
  });
  const memberships = new Map<string, Membership>();
  for (const role of roles) {
    await readAll(ctx, `${DIRECTORY_ROLES_PATH}/${encodeURIComponent(role.id)}/members`, (raw, i) => {
      if (!isRecord(raw) || !isText(raw.id)) throw new MalformedRowError(SOURCE, i, 'id');
      // groups and service principals can hold roles too; the reports count users only
      if (raw['@odata.type'] !== undefined && raw['@odata.type'] !== '#microsoft.graph.user') return;
      memberships.set(`${raw.id}\u0000${role.templateId}`, { user_id: raw.id, role_template_id: role.templateId });
    });
  }
  const rows = JSON.stringify([...memberships.values()]);
  const counts = await ctx.db.transaction(async (tx) => {
    const { rows: closed } = await tx.query(
      `DELETE FROM privileged_members p
       WHERE NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, role_template_id text)
         WHERE r.user_id = p.user_id AND r.role_template_id = p.role_template_id)
       RETURNING 1`,
      [rows],
    );
    const { rows: inserted } = await tx.query(
      `INSERT INTO privileged_members (user_id, role_template_id)
       SELECT r.user_id, r.role_template_id FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, role_template_id text)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [rows],
    );
    const now = ctx.now();
    await saveCheckpoint(tx, SOURCE, { state: {} }, now, now);
    return { inserted: inserted.length, closed: closed.length };
  });
  ctx.report.inserted += counts.inserted;
  ctx.report.closed += counts.closed;
}
