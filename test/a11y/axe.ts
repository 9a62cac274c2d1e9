import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { emulateMedia } from '@web/test-runner-commands';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** The colour modes every story and demo state is checked in. */
export const MODES = {
  light: { colorScheme: 'light', forcedColors: 'none', pageScheme: '' },
  // the failure the audit found: a dark OS under a page that is light
  'dark OS, light page': { colorScheme: 'dark', forcedColors: 'none', pageScheme: '' },
  // a page that offers dark mode, in dark mode
  dark: { colorScheme: 'dark', forcedColors: 'none', pageScheme: 'light dark' },
  'forced colours': { colorScheme: 'light', forcedColors: 'active', pageScheme: '' },
} as const;
export type Mode = keyof typeof MODES;

/** Puts the page in a colour mode and gives the charts (which redraw on a scheme change) a moment. */
export async function enterMode(mode: Mode): Promise<void> {
  const { colorScheme, forcedColors, pageScheme } = MODES[mode];
  document.documentElement.style.colorScheme = pageScheme;
  await emulateMedia({ colorScheme, forcedColors });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
}

/** Rules about a whole page, which a story's or a test's frame does not have. */
const FRAME_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'html-has-lang', 'document-title'];

/**
 * Runs axe (WCAG 2.x A and AA, best practices) on `context`. `coloursOnly`: in the colour modes after the
 * first only the colour rules can change. `forced`: in forced colours the browser paints every text and
 * background in the user's system colours, but axe reads part of them from the author's styles and
 * reports pairs that are never drawn, so its contrast rule is off there (what forced colours need — an
 * outline, a pattern, a border — is checked by test/a11y/forced-colors.test.ts).
 */
export async function axeViolations(context: Element | Document, { coloursOnly = false, page = false, forced = false } = {}): Promise<string[]> {
  const off = [...(page ? [] : FRAME_RULES), ...(forced ? ['color-contrast'] : [])];
  const options: RunOptions = coloursOnly && !forced
    ? { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } }
    : { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules: Object.fromEntries(off.map((r) => [r, { enabled: false }])) };
  const results = await window.axe.run(context, { ...options, resultTypes: ['violations'] });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.map(String).join(' › ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help}`),
  );
}

/** Waits until every report element inside `root` has settled (loaded, failed or waiting), at most `ms`. */
export async function settle(root: Element, ms = 3000): Promise<void> {
  const start = performance.now();
  const all = (node: Element | ShadowRoot): Element[] =>
    [...node.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...all(el.shadowRoot)] : [el]));
  for (;;) {
    const elements = all(root).filter((el) => el.localName.startsWith('sspr-'));
    await Promise.all(elements.map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    const busy = elements.some((el) => el.shadowRoot?.querySelector('.skeleton, [aria-busy="true"], progress'));
    if (!busy || performance.now() - start > ms) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
