let counter = 0;

/**
 * A mock Graph endpoint served by the test server, with its own fault counters: `/mock/<spec>;id=<unique>`.
 * Spec keys: seed, users, events, latency, page, fault, times, after, route, retry-after.
 */
export function mockEndpoint(spec = ''): string {
  const id = `t${Date.now().toString(36)}-${counter++}`;
  return `/mock/${spec ? `${spec};` : ''}id=${id}`;
}

/** Reads a route from the mock directly (no library code), to compare what an element renders. */
export async function rawGraph<T>(endpoint: string, path: string): Promise<T> {
  const response = await fetch(`${endpoint}/${path}`, { headers: { Prefer: 'include-unknown-enum-members' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

/** Polls until `check` returns a truthy value (or throws after `timeout` ms with `what`). */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A shadow-root query that fails loudly. */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}
