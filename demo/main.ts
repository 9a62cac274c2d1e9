// The demo page: the dashboard as a plain tag, and links to the raw mock routes it reads.
import '../src/elements/index.js';
import { featureSummaryPath, registrationActivityPath } from '../src/reports/index.js';
import { ROUTES, AUTH_METHODS_AUDIT_SERVICE } from '../src/graph/types.js';

// ?endpoint=/mock/users=200;fault=429;times=1 points the page at another mock scenario (a path on this
// site only: the value ends up in links).
const asked = new URLSearchParams(location.search).get('endpoint') ?? '';
const endpoint = /^\/(?!\/)/.test(asked) ? asked : '/graph';
document.querySelector('sspr-dashboard')!.setAttribute('endpoint', endpoint);

const routes = [
  featureSummaryPath(),
  registrationActivityPath('d7'),
  `${ROUTES.userEventsSummary}?$top=5`,
  // only what Graph documents per route (src/graph/documented-queries.ts): users take no $top
  `${ROUTES.userRegistrationDetails}?$filter=isSsprCapable eq false`,
  `${ROUTES.directoryAudits}?$filter=loggedByService eq '${AUTH_METHODS_AUDIT_SERVICE}'&$top=5`,
];
const list = document.querySelector('#routes')!;
for (const path of routes) {
  const link = document.createElement('a');
  link.href = `${endpoint}/${path}`;
  link.textContent = path;
  const item = document.createElement('li');
  item.append(link);
  list.append(item);
}
