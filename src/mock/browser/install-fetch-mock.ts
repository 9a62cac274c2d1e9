/**
 * In-page adapter (Storybook's static build): patches `window.fetch` so same-origin requests under the
 * mock prefixes are answered by the handler without a server. Other requests go to the real fetch.
 */
import type { Scenario } from '../scenario.js';
import { createScenarioRouter } from '../scenario-router.js';

export interface InstallFetchMockOptions {
  /** Path prefixes to answer (default ['/graph/', '/mock/']). */
  prefixes?: string[];
  /** The scenario behind prefixes other than `/mock/`. */
  defaultScenario?: Partial<Scenario>;
}

function urlOf(input: RequestInfo | URL): URL {
  const text = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(text, location.href);
}

/** Installs the mock; returns a function that restores the previous `fetch`. */
export function installFetchMock(options: InstallFetchMockOptions = {}): () => void {
  const router = createScenarioRouter(options);
  const original = window.fetch;
  const patched: typeof window.fetch = (input, init) => {
    const url = urlOf(input);
    if (url.origin !== location.origin || !router.handles(url.pathname)) return original.call(window, input, init);
    return router.handle(new Request(input, init));
  };
  window.fetch = patched;
  return () => {
    if (window.fetch === patched) window.fetch = original;
  };
}
