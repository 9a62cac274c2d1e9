import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/sspr-audit-table/define.js';
import usersExample from '../test/fixtures/graph-examples/v1-userRegistrationDetails-list.json';
import eventsExample from '../test/fixtures/graph-examples/beta-userEventsSummary-list.json';
import auditExample from '../test/fixtures/graph-examples/ILLUSTRATIVE-v1-directoryAudits-sspr.json';
import { corporateTheme, darkTheme, mockScenario, narrow, payloadClient, themed } from './story-helpers.js';

type Args = { endpoint: string; report: string; period: string; mode: string; filter: string; search: string; lang?: string; 'server-threshold'?: number; 'csv-values'?: string };

/**
 * `<sspr-audit-table>`: the rows behind every tile and bar. Search names and UPNs, pick facet values
 * (each shows how many rows it would leave), sort by any column, choose columns, export CSV. Arrow keys
 * move between cells; Ctrl+Home / Ctrl+End jump to the first and last row.
 */
const meta: Meta<Args> = {
  title: 'Elements/sspr-audit-table',
  component: 'sspr-audit-table',
  args: { endpoint: '/graph', report: 'events', period: 'd30', mode: 'auto', filter: '{}', search: '' },
  argTypes: {
    report: { control: 'inline-radio', options: ['events', 'users', 'audit'] },
    period: { control: 'inline-radio', options: ['d1', 'd7', 'd30', 'all'] },
    mode: { control: 'inline-radio', options: ['auto', 'client', 'server'] },
    // a JSON object as the attribute takes it
    filter: { control: 'text' },
    'csv-values': { control: 'inline-radio', options: ['labels', 'raw'] },
  },
  parameters: { actions: { handles: ['sspr-filter-change', 'sspr-load', 'sspr-error'] } },
  render: (a) => html`<sspr-audit-table endpoint=${a.endpoint} report=${a.report} period=${a.period} mode=${a.mode}
    filter=${a.filter} search=${a.search} lang=${ifDefined(a.lang || undefined)}
    server-threshold=${ifDefined(a['server-threshold'])} csv-values=${ifDefined(a['csv-values'])}></sspr-audit-table>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Events: Story = {};
export const Users: Story = { args: { report: 'users' } };
export const AuditLog: Story = { args: { report: 'audit' } };
export const FailedResets: Story = { name: 'Which resets failed and why', args: { filter: '{"feature":"reset","status":"failure"}' } };
export const AdminsResettingTheirOwnPassword: Story = { name: 'Which admins reset their own password', args: { filter: '{"feature":"reset","isAdmin":"true"}' } };
export const Blocked: Story = { name: 'Who was blocked', args: { report: 'audit', filter: '{"activity":"Blocked from self-service password reset"}' } };
export const CapableUsers: Story = { name: 'Drill-down: SSPR-capable users', args: { report: 'users', filter: '{"isSsprCapable":true}' } };
export const HtmlInNames: Story = { name: 'Names with HTML render as text', args: { report: 'users', search: '<img' } };
export const LargeTenantEvents: Story = { name: '15,000 events (client mode, progress bar)', args: { endpoint: '/mock/users=100000', period: 'all' } };
export const ServerMode: Story = { name: '200,000 users (server mode)', args: { endpoint: '/mock/users=200000', report: 'users' } };
export const PageFailsMidway: Story = {
  name: 'A page fails midway (Retry resumes)',
  render: () => html`<sspr-audit-table report="users" mode="client" endpoint=${mockScenario('users=3000;page=500;fault=500;after=2;times=1;route=userRegistrationDetails')}></sspr-audit-table>`,
};
export const PageLinkExpires: Story = {
  name: "Graph's page link expires midway (read again, no row twice)",
  render: () => html`<sspr-audit-table report="users" mode="client" endpoint=${mockScenario('users=3000;page=500;fault=expired-token;after=2;times=1')}></sspr-audit-table>`,
};
export const EventsServerMode: Story = {
  name: 'Events in server mode (the period applied to the rows loaded)',
  render: () => html`<sspr-audit-table mode="server" period="d1" endpoint=${mockScenario('users=20000;page=300')}></sspr-audit-table>`,
};
export const AdminFilterRefused: Story = {
  name: 'Users in server mode: Graph refuses the Admin filter (done here)',
  render: () => html`<sspr-audit-table report="users" mode="server" filter='{"isAdmin":"true"}' endpoint=${mockScenario('users=3000')}></sspr-audit-table>`,
};
export const EmptyReport: Story = {
  name: 'Empty report (what to check)',
  render: () => html`<sspr-audit-table report="users" mode="client" .client=${payloadClient({ value: [] })}></sspr-audit-table>`,
};
export const Throttled: Story = { render: () => html`<sspr-audit-table endpoint=${mockScenario('fault=429;times=1;retry-after=5')}></sspr-audit-table>` };
export const ForbiddenRole: Story = { name: 'Error: missing role (403)', render: () => html`<sspr-audit-table endpoint=${mockScenario('fault=403')}></sspr-audit-table>` };
export const GraphDocsUsers: Story = { name: 'Graph docs example: users', render: () => html`<sspr-audit-table report="users" mode="client" .client=${payloadClient(usersExample)}></sspr-audit-table>` };
export const GraphDocsEvents: Story = { name: 'Graph docs example: events', render: () => html`<sspr-audit-table period="all" .client=${payloadClient(eventsExample)}></sspr-audit-table>` };
export const GraphDocsAudit: Story = {
  name: 'Graph docs example: SSPR audit',
  render: () => html`<sspr-audit-table report="audit" period="all" .client=${payloadClient({ ...auditExample, '@odata.nextLink': undefined })}></sspr-audit-table>`,
};
export const Dark: Story = { render: (a) => themed(darkTheme, html`<sspr-audit-table endpoint=${a.endpoint} period="d30"></sspr-audit-table>`) };
export const CorporateTheme: Story = { render: (a) => themed(corporateTheme, html`<sspr-audit-table endpoint=${a.endpoint} period="d30"></sspr-audit-table>`) };
export const Narrow: Story = { render: (a) => narrow(html`<sspr-audit-table endpoint=${a.endpoint} period="d30"></sspr-audit-table>`) };
export const TraditionalChinese: Story = { name: 'In Traditional Chinese (lang="zh-Hant-TW")', args: { lang: 'zh-Hant-TW' } };
export const DutchUsers: Story = { name: 'Users in Dutch (lang="nl")', args: { lang: 'nl', report: 'users' } };
