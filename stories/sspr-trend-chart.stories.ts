import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/sspr-trend-chart/define.js';
import trendExample from '../test/fixtures/graph-examples/beta-userPasswordResetsAndChangesSummary-list.json';
import { corporateTheme, darkTheme, mockScenario, narrow, payloadClient, themed } from './story-helpers.js';

type Args = { endpoint: string; period: string; lang?: string };

/**
 * `<sspr-trend-chart>` reads the beta `userPasswordResetsAndChangesSummary` report: password resets
 * (self-service and by an admin) and self-service changes per day, for the period. Self-service resets
 * open the reset events; admin resets and changes their audit entries.
 */
const meta: Meta<Args> = {
  title: 'Elements/sspr-trend-chart',
  component: 'sspr-trend-chart',
  args: { endpoint: '/graph', period: 'd30' },
  argTypes: { period: { control: 'inline-radio', options: ['d1', 'd7', 'd30'] } },
  parameters: { actions: { handles: ['sspr-drilldown', 'sspr-load', 'sspr-error'] } },
  render: (a) => html`<sspr-trend-chart endpoint=${a.endpoint} period=${a.period} lang=${ifDefined(a.lang)}></sspr-trend-chart>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Last30Days: Story = {};
export const Last7Days: Story = { args: { period: 'd7' } };
// Graph's documentation example: two days in July 2025, so nothing falls in today's period.
export const GraphDocsExample: Story = { render: () => html`<sspr-trend-chart period="d30" .client=${payloadClient(trendExample)}></sspr-trend-chart>` };
export const AsTable: Story = { render: (a) => html`<sspr-trend-chart as-table period="d7" endpoint=${a.endpoint}></sspr-trend-chart>` };
export const Loading: Story = { args: { endpoint: '/mock/latency=60000' } };
export const Throttled: Story = { render: () => html`<sspr-trend-chart endpoint=${mockScenario('fault=429;times=1;retry-after=5')}></sspr-trend-chart>` };
export const TraditionalChinese: Story = { name: 'In Traditional Chinese (lang="zh-TW")', args: { lang: 'zh-TW' } };
export const Dark: Story = { render: (a) => themed(darkTheme, html`<sspr-trend-chart endpoint=${a.endpoint}></sspr-trend-chart>`) };
export const CorporateTheme: Story = { render: (a) => themed(corporateTheme, html`<sspr-trend-chart endpoint=${a.endpoint}></sspr-trend-chart>`) };
export const Narrow: Story = { render: (a) => narrow(html`<sspr-trend-chart endpoint=${a.endpoint}></sspr-trend-chart>`) };
