// What the table must show after each keystroke, computed in Node from the same mock pages the table
// reads: rows whose user name or UPN contains the query, case-insensitively (the table's search rule).
const MOUNT = '/mock/users=500000';
export const EVENTS_SOURCE = `${MOUNT}/beta/reports/authenticationMethods/userEventsSummary?$top=1000`;

export async function expectedCounts(origin, text) {
  const keys = [];
  for (let url = origin + EVENTS_SOURCE; url; ) {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${response.status} from ${url}`);
    const page = await response.json();
    for (const r of page.value) keys.push(`${r.userDisplayName}\n${r.userPrincipalName}`.toLowerCase());
    // Graph-shaped links point at graph.microsoft.com: move them onto the mock, as the client does
    const next = page['@odata.nextLink']?.replace(/^https:\/\/graph\.microsoft\.com/, MOUNT);
    url = next && new URL(next, origin).href;
  }
  const counts = { '': keys.length };
  for (let i = 1; i <= text.length; i++) {
    const query = text.slice(0, i).toLowerCase();
    counts[query] = keys.filter((k) => k.includes(query)).length;
  }
  return counts;
}
