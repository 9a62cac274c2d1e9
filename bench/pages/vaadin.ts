// The vaadin-grid peer: 75,000 userEventsSummary rows read from the mock's pages (not timed), shown
// when the driver calls show(); a search box filters the array on name/UPN and reassigns `items`.
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import type { Grid } from '@vaadin/grid';
import type { GraphPage, GraphUserEventsSummary } from '../../src/graph/types.js';

const MOUNT = '/mock/users=500000';
const SOURCE = `${MOUNT}/beta/reports/authenticationMethods/userEventsSummary?$top=1000`;

const grid = document.querySelector('vaadin-grid') as Grid<GraphUserEventsSummary>;
const search = document.querySelector('#search') as HTMLInputElement;
let rows: GraphUserEventsSummary[] = [];
// Lower-cased once, as a careful app would: the keystroke then costs one `includes` per row.
let keys: string[] = [];

async function loadAll(): Promise<number> {
  for (let url: string | undefined = SOURCE; url; ) {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${response.status} from ${url}`);
    const page = (await response.json()) as GraphPage<GraphUserEventsSummary>;
    for (const row of page.value) rows.push(row);
    // Graph-shaped links point at graph.microsoft.com: move them onto the mock, as the library's client does
    url = page['@odata.nextLink']?.replace(/^https:\/\/graph\.microsoft\.com/, MOUNT);
  }
  keys = rows.map((r) => `${r.userDisplayName}\n${r.userPrincipalName}`.toLowerCase());
  return rows.length;
}

search.addEventListener('input', () => {
  const query = search.value.trim().toLowerCase();
  grid.items = query ? rows.filter((_, i) => keys[i]!.includes(query)) : rows;
});

declare global {
  interface Window {
    benchVaadin: { ready: Promise<number>; show(): void };
  }
}

window.benchVaadin = {
  ready: loadAll(),
  show: () => {
    grid.items = rows;
  },
};
