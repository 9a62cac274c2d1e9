import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/sspr-insights/define.js';
import { corporateTheme, darkTheme, mockScenario, narrow, themed } from './story-helpers.js';

type Args = { endpoint: string; period: string; lang?: string; 'burst-count'?: number; 'takeover-hours'?: number; 'spike-factor'?: number };

/**
 * `<sspr-insights>` answers the eight questions the SSPR reports exist for, for the period, and runs
 * five suspicious-activity rules (blocked users, bursts of failed resets, a method registered then a
 * reset, admin self-service resets, a spike day). Every answer is a button that fires `sspr-drilldown`
 * with the matching report and filter. The mock tenant contains every pattern the rules look for.
 */
const meta: Meta<Args> = {
  title: 'Elements/sspr-insights',
  component: 'sspr-insights',
  args: { endpoint: '/graph', period: 'd7' },
  argTypes: { period: { control: 'inline-radio', options: ['d1', 'd7', 'd30'] } },
  parameters: { actions: { handles: ['sspr-drilldown', 'sspr-load', 'sspr-error'] } },
  render: (a) => html`<sspr-insights endpoint=${a.endpoint} period=${a.period} lang=${ifDefined(a.lang)}
    burst-count=${ifDefined(a['burst-count'])} takeover-hours=${ifDefined(a['takeover-hours'])} spike-factor=${ifDefined(a['spike-factor'])}></sspr-insights>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Last30Days: Story = { args: { period: 'd30' } };
export const Last24Hours: Story = { args: { period: 'd1' } };
// Thresholds are attributes: here stricter rules find more.
export const StricterRules: Story = { args: { 'burst-count': 3, 'takeover-hours': 72, 'spike-factor': 2 } };
export const QuietTenant: Story = { name: 'No activity in the period (events=0)', args: { endpoint: '/mock/users=200;events=0' } };
export const Loading: Story = { args: { endpoint: '/mock/latency=60000' } };
export const PartlyFailed: Story = {
  name: 'A source failed (the counts: 403)',
  render: () => html`<sspr-insights endpoint=${mockScenario('fault=403;route=usersRegisteredByFeature')}></sspr-insights>`,
};
export const Dutch: Story = { name: 'In Dutch (lang="nl-NL")', args: { lang: 'nl-NL' } };
export const TraditionalChinese: Story = { name: 'In Traditional Chinese (lang="zh-TW")', args: { lang: 'zh-TW' } };
export const Dark: Story = { render: (a) => themed(darkTheme, html`<sspr-insights endpoint=${a.endpoint}></sspr-insights>`) };
export const CorporateTheme: Story = { render: (a) => themed(corporateTheme, html`<sspr-insights endpoint=${a.endpoint}></sspr-insights>`) };
export const Narrow: Story = { render: (a) => narrow(html`<sspr-insights endpoint=${a.endpoint}></sspr-insights>`) };
