import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/sspr-registrations-chart/define.js';
import activityExample from '../test/fixtures/graph-examples/beta-userRegistrationActivity-d1.json';
import { activityPayload, corporateTheme, darkTheme, mockScenario, narrow, payloadClient, themed } from './story-helpers.js';

type Args = { endpoint: string; period: string; layout: string; orientation: string; 'show-empty': boolean; 'as-table': boolean };

/**
 * `<sspr-registrations-chart>`: Successful vs failed SSPR registrations, per method. Click a bar (or, from the keyboard, a count in
 * "Show as table") to fire `sspr-drilldown` for the matching events — see the Actions panel.
 */
const meta: Meta<Args> = {
  title: 'Elements/sspr-registrations-chart',
  component: 'sspr-registrations-chart',
  args: { endpoint: '/graph', period: 'd7', layout: 'stacked', orientation: 'horizontal', 'show-empty': false, 'as-table': false },
  argTypes: {
    period: { control: 'inline-radio', options: ['d1', 'd7', 'd30'] },
    layout: { control: 'inline-radio', options: ['stacked', 'grouped'] },
    orientation: { control: 'inline-radio', options: ['horizontal', 'vertical'] },
  },
  parameters: { actions: { handles: ['sspr-drilldown', 'sspr-load', 'sspr-error'] } },
  render: (a) => html`<sspr-registrations-chart
    endpoint=${a.endpoint}
    period=${a.period}
    layout=${a.layout}
    orientation=${a.orientation}
    ?show-empty=${a['show-empty']}
    ?as-table=${a['as-table']}
  ></sspr-registrations-chart>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Last7Days: Story = {};
export const Last24Hours: Story = { args: { period: 'd1' } };
export const Last30Days: Story = { args: { period: 'd30' } };
export const Grouped: Story = { args: { layout: 'grouped' } };
export const Vertical: Story = { args: { orientation: 'vertical', period: 'd30' } };
export const AsTable: Story = { args: { 'as-table': true } };
export const ShowEmptyMethods: Story = { args: { 'show-empty': true } };
export const GraphDocsExample: Story = {
  name: 'Graph docs example (d1)',
  render: () => html`<sspr-registrations-chart period="d1" show-empty .client=${payloadClient(activityExample)}></sspr-registrations-chart>`,
};
export const Empty: Story = {
  name: 'Empty period',
  render: () => html`<sspr-registrations-chart .client=${payloadClient(activityPayload([['registration', 'sms', 0, 0]]))}></sspr-registrations-chart>`,
};
export const UnknownAndHostileMethodNames: Story = {
  render: () => html`<sspr-registrations-chart .client=${payloadClient(activityPayload([['registration', 'microsoftAuthenticatorPush', 640, 31], ['registration', 'mobilePhone', 300, 12], ['registration', 'fido2SecurityKey', 40, 2], ['registration', 'passKeyDeviceBound', 18, 0], ['registration', 'quantumKey', 3, 1], ['registration', '<img src=x onerror=alert(1)>', 2, 2]]))}></sspr-registrations-chart>`,
};
export const Loading: Story = { args: { endpoint: '/mock/latency=600000' } };
export const ForbiddenRole: Story = { name: 'Error: missing role (403)', render: () => html`<sspr-registrations-chart endpoint=${mockScenario('fault=403')}></sspr-registrations-chart>` };
export const ServerError: Story = { name: 'Error: server (500)', render: () => html`<sspr-registrations-chart endpoint=${mockScenario('fault=500')}></sspr-registrations-chart>` };
export const Throttled: Story = { render: () => html`<sspr-registrations-chart endpoint=${mockScenario('fault=429;times=1;retry-after=6')}></sspr-registrations-chart>` };
export const Dark: Story = { render: (a) => themed(darkTheme, html`<sspr-registrations-chart endpoint=${a.endpoint}></sspr-registrations-chart>`) };
export const CorporateTheme: Story = { render: (a) => themed(corporateTheme, html`<sspr-registrations-chart endpoint=${a.endpoint}></sspr-registrations-chart>`) };
export const Narrow: Story = { render: (a) => narrow(html`<sspr-registrations-chart endpoint=${a.endpoint}></sspr-registrations-chart>`) };
