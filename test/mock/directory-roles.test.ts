import { expect } from '@open-wc/testing';
import type { GraphPage } from '../../src/graph/types.js';
import { type MockDirectoryRole, type MockRoleMember } from '../../src/mock/tenant-roles.js';
import { PRIVILEGED_ROLE_TEMPLATE_IDS } from '../../src/graph/directory-roles.js';
import { get, handler, tenant, type ErrorShape } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function allMembers(h: ReturnType<typeof handler>, roleId: string): Promise<{ members: MockRoleMember[]; pages: number }> {
  const members: MockRoleMember[] = [];
  let next: string | undefined = `v1.0/directoryRoles/${roleId}/members`;
  let pages = 0;
  while (next) {
    const r: { status: number; body: GraphPage<MockRoleMember> } = await get<GraphPage<MockRoleMember>>(h, next);
    expect(r.status, next).to.equal(200);
    members.push(...r.body.value);
    pages++;
    next = r.body['@odata.nextLink']?.replace('https://graph.microsoft.com/', '');
  }
  return { members, pages };
}

describe('mock directory roles', () => {
  it('directoryRoles: the activated roles with Microsoft template ids, the nine privileged ones among them', async () => {
    const r = await get<GraphPage<MockDirectoryRole>>(handler(), 'v1.0/directoryRoles');
    expect(r.status).to.equal(200);
    expect(r.body['@odata.context']).to.equal('https://graph.microsoft.com/v1.0/$metadata#directoryRoles');
    expect(r.body).not.to.have.property('@odata.nextLink');
    for (const role of r.body.value) {
      expect(Object.keys(role).sort()).to.deep.equal(['displayName', 'id', 'roleTemplateId']);
      expect(role.id).to.match(UUID);
      expect(role.roleTemplateId).to.match(UUID);
    }
    const templates = r.body.value.map((role) => role.roleTemplateId);
    expect(templates.filter((t) => PRIVILEGED_ROLE_TEMPLATE_IDS.has(t))).to.have.length(9);
    expect(templates.length).to.be.greaterThan(9);
    const global = r.body.value.find((role) => role.displayName === 'Global Administrator');
    expect(global?.roleTemplateId).to.equal('62e90394-69f5-4237-9190-012177145e10');
    expect((await get(handler(), 'v1.0/directoryRoles?$filter=displayName eq \'x\'')).status).to.equal(400);
  });

  it('the members of the nine privileged roles are exactly the privileged admins; other roles hold admins only', async () => {
    const h = handler({ pageSize: 1 });
    const roles = tenant().directoryRoles.roles;
    const privileged = new Set<string>();
    const admins = new Set(tenant().users.filter((u) => u.isAdmin).map((u) => u.id));
    let paged = false;
    for (const role of roles) {
      const { members, pages } = await allMembers(h, role.id);
      if (pages > 1) paged = true;
      for (const m of members) {
        expect(Object.keys(m).sort()).to.deep.equal(['@odata.type', 'displayName', 'id', 'userPrincipalName']);
        expect(m['@odata.type']).to.equal('#microsoft.graph.user');
        expect(admins.has(m.id), m.id).to.equal(true);
      }
      if (PRIVILEGED_ROLE_TEMPLATE_IDS.has(role.roleTemplateId)) for (const m of members) privileged.add(m.id);
    }
    expect(paged, 'some role needs more than one page of 1').to.equal(true);
    expect([...privileged].sort()).to.deep.equal([...tenant().privilegedAdminIds].sort());
    // every admin holds a role
    const holders = new Set<string>();
    for (const list of tenant().directoryRoles.members.values()) for (const m of list) holders.add(m.id);
    expect([...holders].sort()).to.deep.equal([...admins].sort());
  });

  it('members: a user row per member, 404 for an unknown role, no $top', async () => {
    const h = handler();
    const global = tenant().directoryRoles.roles[0]!;
    const r = await get<GraphPage<MockRoleMember>>(h, `v1.0/directoryRoles/${global.id}/members`);
    const user = tenant().users.find((u) => u.id === r.body.value[0]?.id);
    if (user) expect(r.body.value[0]).to.include({ userPrincipalName: user.userPrincipalName, displayName: user.userDisplayName });
    const missing = await get<ErrorShape>(h, 'v1.0/directoryRoles/00000000-0000-4000-8000-000000000000/members');
    expect(missing.status).to.equal(404);
    expect((await get(h, `v1.0/directoryRoles/${global.id}/members?$top=1`)).status).to.equal(400);
  });
});
