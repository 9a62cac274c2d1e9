import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import { axeViolations, enterMode, MODES, settle, type Mode } from './axe.js';

type Story = { name?: string; args?: Record<string, unknown>; render?: (args: Record<string, unknown>) => TemplateResult };
type StoriesModule = Record<string, unknown> & { default: { title: string; args?: Record<string, unknown>; render?: Story['render'] } };


/**
 * Every story, rendered as Storybook renders it, checked by axe in each colour mode: light, a dark OS
 * under a light page, a dark page, and forced colours. Any violation fails, with where it is.
 */
export function checkStories(group: string, modules: unknown[]): void {
describe(`accessibility of every story (axe): ${group}`, function () {
  this.timeout(120_000);
  after(async () => {
    document.documentElement.style.colorScheme = '';
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  for (const module of modules as StoriesModule[]) {
    const meta = module.default;
    for (const [exportName, value] of Object.entries(module)) {
      if (exportName === 'default' || typeof value !== 'object' || value === null) continue;
      const story = value as Story;
      it(`${meta.title} › ${story.name ?? exportName}`, async () => {
        const args = { ...meta.args, ...story.args };
        const template = (story.render ?? meta.render)!(args);
        const frame = await fixture<HTMLDivElement>(html`<div class="story-frame"></div>`);
        render(template, frame);
        await settle(frame);
        const found: string[] = [];
        let first = true;
        for (const mode of Object.keys(MODES) as Mode[]) {
          await enterMode(mode);
          found.push(...(await axeViolations(frame, { coloursOnly: !first, forced: mode === 'forced colours' })).map((v) => `[${mode}] ${v}`));
          first = false;
        }
        await enterMode('light');
        expect(found).to.deep.equal([]);
      });
    }
  }
});
}
