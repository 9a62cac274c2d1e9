/**
 * Microsoft's directory role templates (`roleTemplateId`, the same in every tenant) that matter to the
 * reports: the nine `includedUserRoles='privilegedAdmin'` covers, and a few other admin roles.
 */

/** The role templates `includedUserRoles='privilegedAdmin'` covers (the reference lists these nine). */
export const PRIVILEGED_ROLE_TEMPLATES = [
  ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
  ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator'],
  ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator'],
  ['f28a1f50-f6e7-4571-818b-6a12f2af6b6c', 'SharePoint Administrator'],
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator'],
  ['b0f54661-2d74-4c50-afa3-1ec803f12efe', 'Billing Administrator'],
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator'],
  ['c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator'],
] as const;

/** Admin roles outside the privileged set. */
export const OTHER_ROLE_TEMPLATES = [
  ['4a5d8f65-41da-4de4-8968-e035b65339cf', 'Reports Reader'],
  ['f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'Global Reader'],
  ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator'],
  ['fdd7a751-b60b-444a-984c-02652fe8fa1c', 'Groups Administrator'],
] as const;

/** The template ids of PRIVILEGED_ROLE_TEMPLATES. */
export const PRIVILEGED_ROLE_TEMPLATE_IDS: ReadonlySet<string> = new Set(PRIVILEGED_ROLE_TEMPLATES.map(([id]) => id));
