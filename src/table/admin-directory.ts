import type { ReportClient } from '../client/report-client.js';
import type { RequestOptions } from '../client/client-options.js';
import { eq } from '../reports/odata.js';
import { pageUsers } from '../reports/users.js';

/**
 * The UPNs (lower-cased) of the users who hold an admin role, read from userRegistrationDetails. Events
 * and audit entries carry no role, so this is how the table answers "which admins reset their own
 * password". Admins are a few percent of a tenant: a page or a few. `isAdmin eq true` is not in Graph's
 * reference (though in wide use): when Graph refuses it, every user is read and the admins picked here.
 */
export async function loadAdminUpns(client: ReportClient, options: RequestOptions = {}): Promise<Set<string>> {
  const admins = new Set<string>();
  const optional = [{ name: 'isAdmin', filter: eq('isAdmin', true) }, { name: '$top' }];
  for await (const page of pageUsers(client, { ...options, optional, top: 999 })) {
    for (const user of page.rows) if (user.isAdmin && user.upn) admins.add(user.upn.toLowerCase());
  }
  return admins;
}
