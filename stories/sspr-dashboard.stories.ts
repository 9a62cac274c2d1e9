import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/sspr-dashboard/define.js';
import { corporateTheme, darkTheme, mockScenario, narrow, themed } from './story-helpers.js';

/**
 * Everything in one tag, sharing one client and one period. Activate a tile: the details area opens
 * the matching users. A page can cancel `sspr-drilldown` to navigate elsewhere instead.
 */
const meta: Meta<{ endpoint: string; period: string }> = {
  title: 'Elements/sspr-dashboard',
  component: 'sspr-dashboard',
  args: { endpoint: '/graph', period: 'd7' },
  argTypes: { period: { control: 'inline-radio', options: ['d1', 'd7', 'd30'] } },
  parameters: { actions: { handles: ['sspr-drilldown', 'sspr-period-change', 'sspr-load', 'sspr-error'] } },
  render: ({ endpoint, period }) => html`<sspr-dashboard endpoint=${endpoint} period=${period}></sspr-dashboard>`,
};
export default meta;
type Story = StoryObj<{ endpoint: string; period: string }>;

export const Default: Story = {};
export const Loading: Story = { args: { endpoint: '/mock/latency=60000' } };
export const ForbiddenRole: Story = { name: 'Error: missing role (403)', render: () => html`<sspr-dashboard endpoint=${mockScenario('fault=403')}></sspr-dashboard>` };
export const Throttled: Story = { render: () => html`<sspr-dashboard endpoint=${mockScenario('fault=429;times=1;retry-after=5')}></sspr-dashboard>` };
export const LargeTenant: Story = { name: 'Large tenant (100,000 users)', args: { endpoint: '/mock/users=100000' } };
export const Dark: Story = { render: (a) => themed(darkTheme, html`<sspr-dashboard endpoint=${a.endpoint}></sspr-dashboard>`) };
export const CorporateTheme: Story = { render: (a) => themed(corporateTheme, html`<sspr-dashboard endpoint=${a.endpoint}></sspr-dashboard>`) };
export const Narrow: Story = { render: (a) => narrow(html`<sspr-dashboard endpoint=${a.endpoint}></sspr-dashboard>`) };
export const Dutch: Story = { name: 'In Dutch (lang="nl-NL")', render: (a) => html`<sspr-dashboard lang="nl-NL" endpoint=${a.endpoint}></sspr-dashboard>` };
export const TraditionalChineseNarrow: Story = {
  name: 'In Traditional Chinese, narrow (lang="zh-TW")',
  render: (a) => narrow(html`<sspr-dashboard lang="zh-TW" endpoint=${a.endpoint}></sspr-dashboard>`),
};
