import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/sspr-tiles/define.js';
import featureExample from '../test/fixtures/graph-examples/v1-usersRegisteredByFeature.json';
import { corporateTheme, darkTheme, mockScenario, narrow, payloadClient, themed } from './story-helpers.js';
import { refusingEndpointClient, reportingEndpointClient } from './endpoint-payloads.js';

type Args = { endpoint: string; metrics: string; 'user-types': string; 'user-roles': string; lang?: string };

/**
 * `<sspr-tiles>` reads `usersRegisteredByFeature` and shows how many users are registered, enabled and
 * capable for self-service password reset. Each tile is a button: activating it fires `sspr-drilldown`
 * (see the Actions panel) with the filter for the matching users.
 */
const meta: Meta<Args> = {
  title: 'Elements/sspr-tiles',
  component: 'sspr-tiles',
  args: { endpoint: '/graph', metrics: 'registered enabled capable', 'user-types': 'all', 'user-roles': 'all' },
  argTypes: {
    'user-types': { control: 'inline-radio', options: ['all', 'member', 'guest'] },
    'user-roles': { control: 'inline-radio', options: ['all', 'privilegedAdmin', 'admin', 'user'] },
  },
  parameters: { actions: { handles: ['sspr-drilldown', 'sspr-load', 'sspr-error'] } },
  render: (args) => html`<sspr-tiles
    endpoint=${args.endpoint}
    metrics=${args.metrics}
    user-types=${args['user-types']}
    user-roles=${args['user-roles']}
    lang=${ifDefined(args.lang || undefined)}
  ></sspr-tiles>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Standalone: Story = {};
/** Against a reporting endpoint with history: "Last updated …" and each count day by day over the period (here 30 days). */
export const ThroughAReportingEndpoint: Story = {
  render: () => html`<sspr-tiles period="d30" metrics="registered capable mfa" .client=${reportingEndpointClient()}></sspr-tiles>`,
};
// The endpoint's own refusals name what it asks for, not Graph's permissions.
export const EndpointAppRoleMissing: Story = {
  name: 'Error: reporting endpoint, app role missing (403)',
  render: () => html`<sspr-tiles .client=${refusingEndpointClient('appRole')}></sspr-tiles>`,
};
export const EndpointRateLimit: Story = {
  name: "Reporting endpoint: the viewer's rate limit (429)",
  render: () => html`<sspr-tiles .client=${refusingEndpointClient('rateLimit')}></sspr-tiles>`,
};
export const AllMetrics: Story = { args: { metrics: 'registered enabled capable mfa passwordless' } };
export const Guests: Story = { args: { 'user-types': 'guest' } };
// After 4 s without an answer it says so, with Cancel.
export const Loading: Story = { args: { endpoint: '/mock/latency=60000' } };
export const GraphDocsExample: Story = {
  name: 'Graph docs example (count above total)',
  render: () => html`<sspr-tiles metrics="registered enabled capable mfa passwordless" .client=${payloadClient(featureExample)}></sspr-tiles>`,
};
export const Empty: Story = {
  name: 'Empty tenant (0 users)',
  render: () => html`<sspr-tiles .client=${payloadClient({
    totalUserCount: 0,
    userRegistrationFeatureCounts: ['ssprRegistered', 'ssprEnabled', 'ssprCapable'].map((feature) => ({ feature, userCount: 0 })),
  })}></sspr-tiles>`,
};
export const ForbiddenRole: Story = { name: 'Error: missing role (403)', render: () => html`<sspr-tiles endpoint=${mockScenario('fault=403')}></sspr-tiles>` };
export const ServerError: Story = { name: 'Error: server (500)', render: () => html`<sspr-tiles endpoint=${mockScenario('fault=500')}></sspr-tiles>` };
export const Throttled: Story = {
  render: () => html`<sspr-tiles endpoint=${mockScenario('fault=429;times=1;retry-after=6')}></sspr-tiles>`,
};
export const DayLongPause: Story = {
  name: 'Graph asks for a day-long pause (says until when; Retry tries now)',
  render: () => html`<sspr-tiles endpoint=${mockScenario('fault=429;times=1;retry-after=86400')}></sspr-tiles>`,
};
export const Dark: Story = { render: (args) => themed(darkTheme, html`<sspr-tiles endpoint=${args.endpoint}></sspr-tiles>`) };
export const CorporateTheme: Story = { render: (args) => themed(corporateTheme, html`<sspr-tiles endpoint=${args.endpoint}></sspr-tiles>`) };
export const Narrow: Story = { render: (args) => narrow(html`<sspr-tiles endpoint=${args.endpoint} metrics="registered enabled capable mfa passwordless"></sspr-tiles>`) };
// The element's own lang (or any ancestor's, such as the toolbar's Language menu) picks the language.
export const Dutch: Story = { name: 'In Dutch (lang="nl-NL")', args: { lang: 'nl-NL', metrics: 'registered enabled capable mfa passwordless' } };
export const TraditionalChinese: Story = { name: 'In Traditional Chinese (lang="zh-TW")', args: { lang: 'zh-TW', metrics: 'registered enabled capable mfa passwordless' } };
export const FallbackToEnglish: Story = { name: 'A language not shipped (lang="fr": English, marked lang="en")', args: { lang: 'fr' } };
