// The demo page: the dashboard as a plain tag, and links to the raw mock routes it reads.
import '../src/elements/index.js';
import { featureSummaryPath, registrationActivityPath } from '../src/reports/index.js';
import { ROUTES, AUTH_METHODS_AUDIT_SERVICE } from '../src/graph/types.js';

// ?endpoint=/mock/users=200;fault=429;times=1 points the page at another mock scenario (a path on this
// site only: the value ends up in links).
const asked = new URLSearchParams(location.search).get('endpoint') ?? '';
const endpoint = /^\/(?!\/)/.test(asked) ? asked : '/graph';
document.querySelector('sspr-dashboard')!.setAttribute('endpoint', endpoint);

// The language menu sets <html lang>, as a site's own language switch would: every element follows it.
// ?lang=nl-NL opens the page in that language.
const languages = document.querySelector<HTMLSelectElement>('#language')!;
const chosen = new URLSearchParams(location.search).get('lang');
if (chosen && [...languages.options].some((o) => o.value === chosen)) document.documentElement.lang = chosen;
languages.value = [...languages.options].find((o) => o.value === document.documentElement.lang)?.value ?? 'en';
languages.addEventListener('change', () => {
  document.documentElement.lang = languages.value;
  const url = new URL(location.href);
  url.searchParams.set('lang', languages.value);
  history.replaceState(null, '', url);
});

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
