/**
 * The tenant's activated directory roles and who holds them (`GET v1.0/directoryRoles`,
 * `…/directoryRoles/{id}/members`). Every privileged admin holds at least one of the roles Graph's
 * `includedUserRoles='privilegedAdmin'` covers; every other admin holds only roles outside them.
 * Role ids are the tenant's own (derived from the seed); template ids are Microsoft's
 * (src/graph/directory-roles.ts).
 */
import { OTHER_ROLE_TEMPLATES, PRIVILEGED_ROLE_TEMPLATES } from '../graph/directory-roles.js';
import { createRng, deriveSeed } from './random.js';
import type { UserPopulation } from './tenant-users.js';

/** A `directoryRole` as Graph lists it. */
export interface MockDirectoryRole {
  id: string;
  displayName: string;
  roleTemplateId: string;
}

/** A role member as `…/members` lists it (users only here). */
export interface MockRoleMember {
  '@odata.type': '#microsoft.graph.user';
  id: string;
  userPrincipalName: string;
  displayName: string;
}

export interface DirectoryRoles {
  roles: MockDirectoryRole[];
  /** Role id → its members, in user generation order. */
  members: ReadonlyMap<string, MockRoleMember[]>;
}

export function generateDirectoryRoles(population: UserPopulation, seed: number): DirectoryRoles {
  const rng = createRng(deriveSeed(seed, 'directoryRoles'));
  const roles: MockDirectoryRole[] = [...PRIVILEGED_ROLE_TEMPLATES, ...OTHER_ROLE_TEMPLATES].map(([roleTemplateId, displayName]) => ({
    id: rng.uuid(),
    displayName,
    roleTemplateId,
  }));
  const privilegedRoles = roles.slice(0, PRIVILEGED_ROLE_TEMPLATES.length);
  const otherRoles = roles.slice(PRIVILEGED_ROLE_TEMPLATES.length);
  const held = new Map<string, Set<number>>(roles.map((r) => [r.id, new Set()]));
  for (const i of population.adminIndices) {
    const pool = population.privileged[i] ? privilegedRoles : otherRoles;
    held.get(rng.pick(pool).id)!.add(i);
    // some admins hold a second role from the same side
    if (rng.chance(0.25)) held.get(rng.pick(pool).id)!.add(i);
    // a privileged admin may hold a reader role as well
    if (population.privileged[i] && rng.chance(0.2)) held.get(rng.pick(otherRoles).id)!.add(i);
  }
  const members = new Map<string, MockRoleMember[]>();
  for (const role of roles) {
    members.set(role.id, [...held.get(role.id)!].sort((a, b) => a - b).map((i) => {
      const user = population.users[i]!;
      return { '@odata.type': '#microsoft.graph.user', id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.userDisplayName };
    }));
  }
  return { roles, members };
}
