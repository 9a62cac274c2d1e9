import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/sspr-methods-chart/define.js';
import methodExample from '../test/fixtures/graph-examples/v1-usersRegisteredByMethod.json';
import { corporateTheme, darkTheme, mockScenario, narrow, payloadClient, themed } from './story-helpers.js';

type Args = { endpoint: string; 'user-types': string; 'user-roles': string; lang?: string };

/**
 * `<sspr-methods-chart>` reads `usersRegisteredByMethod` and shows how many users registered each
 * authentication method. A bar (or a count in the table) fires `sspr-drilldown` with the users who
 * registered that method.
 */
const meta: Meta<Args> = {
  title: 'Elements/sspr-methods-chart',
  component: 'sspr-methods-chart',
  args: { endpoint: '/graph', 'user-types': 'all', 'user-roles': 'all' },
  argTypes: {
    'user-types': { control: 'inline-radio', options: ['all', 'member', 'guest'] },
    'user-roles': { control: 'inline-radio', options: ['all', 'privilegedAdmin', 'admin', 'user'] },
  },
  parameters: { actions: { handles: ['sspr-drilldown', 'sspr-load', 'sspr-error'] } },
  render: (a) => html`<sspr-methods-chart endpoint=${a.endpoint} user-types=${a['user-types']} user-roles=${a['user-roles']} lang=${ifDefined(a.lang)}></sspr-methods-chart>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Admins: Story = { args: { 'user-roles': 'admin' } };
export const GraphDocsExample: Story = { render: () => html`<sspr-methods-chart .client=${payloadClient(methodExample)}></sspr-methods-chart>` };
export const AsTable: Story = { render: (a) => html`<sspr-methods-chart as-table endpoint=${a.endpoint}></sspr-methods-chart>` };
export const Loading: Story = { args: { endpoint: '/mock/latency=60000' } };
export const ForbiddenRole: Story = { name: 'Error: missing role (403)', render: () => html`<sspr-methods-chart endpoint=${mockScenario('fault=403')}></sspr-methods-chart>` };
export const Dutch: Story = { name: 'In Dutch (lang="nl")', args: { lang: 'nl' } };
export const Dark: Story = { render: (a) => themed(darkTheme, html`<sspr-methods-chart endpoint=${a.endpoint}></sspr-methods-chart>`) };
export const CorporateTheme: Story = { render: (a) => themed(corporateTheme, html`<sspr-methods-chart endpoint=${a.endpoint}></sspr-methods-chart>`) };
export const Narrow: Story = { render: (a) => narrow(html`<sspr-methods-chart endpoint=${a.endpoint}></sspr-methods-chart>`) };
