import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { literal, html as staticHtml } from 'lit/static-html.js';
import activityExample from '../test/fixtures/graph-examples/beta-userRegistrationActivity-d1.json';
import { activityPayload, corporateTheme, darkTheme, mockScenario, narrow, payloadClient, themed } from './story-helpers.js';

/** The stories both chart elements share: they differ only in the tag, the feature and the sample data. */
export type ChartArgs = { endpoint: string; period: string; layout: string; orientation: string; 'show-empty': boolean; 'as-table': boolean; lang?: string };
type Story = StoryObj<ChartArgs>;
type Row = [feature: string, method: string, succeeded: number, failed: number];

export const CHART_ARGS: ChartArgs = { endpoint: '/graph', period: 'd7', layout: 'stacked', orientation: 'horizontal', 'show-empty': false, 'as-table': false };
export const CHART_ARG_TYPES: Meta<ChartArgs>['argTypes'] = {
  period: { control: 'inline-radio', options: ['d1', 'd7', 'd30'] },
  layout: { control: 'inline-radio', options: ['stacked', 'grouped'] },
  orientation: { control: 'inline-radio', options: ['horizontal', 'vertical'] },
};
export const CHART_PARAMETERS = { actions: { handles: ['sspr-drilldown', 'sspr-load', 'sspr-error'] } };

export function chartStories(tag: 'sspr-resets-chart' | 'sspr-registrations-chart', feature: 'reset' | 'registration', sample: Row[]) {
  const t = tag === 'sspr-resets-chart' ? literal`sspr-resets-chart` : literal`sspr-registrations-chart`;
  const chart = (a: Partial<ChartArgs> & { client?: unknown }): TemplateResult => staticHtml`<${t}
    endpoint=${a.endpoint ?? CHART_ARGS.endpoint} period=${a.period ?? 'd7'} layout=${a.layout ?? 'stacked'}
    orientation=${a.orientation ?? 'horizontal'} ?show-empty=${a['show-empty']} ?as-table=${a['as-table']}
    lang=${ifDefined(a.lang || undefined)} .client=${a.client}></${t}>`;
  const stories: Record<string, Story> = {
    Last7Days: {},
    Last24Hours: { args: { period: 'd1' } },
    Last30Days: { args: { period: 'd30' } },
    Grouped: { args: { layout: 'grouped' } },
    Vertical: { args: { orientation: 'vertical', period: 'd30' } },
    AsTable: { args: { 'as-table': true } },
    // Methods with no activity in the period, shown as empty bars (the mock's tenant may have none to show).
    ShowEmptyMethods: {
      args: { 'show-empty': true },
      render: (a) => chart({ ...a, client: payloadClient(activityPayload([...sample, [feature, 'email', 0, 0], [feature, 'officePhone', 0, 0]])) }),
    },
    GraphDocsExample: { render: () => chart({ period: 'd1', 'show-empty': true, client: payloadClient(activityExample) }) },
    Empty: { render: () => chart({ client: payloadClient(activityPayload([[feature, 'sms', 0, 0]])) }) },
    UnknownAndHostileMethodNames: {
      render: () => chart({ client: payloadClient(activityPayload([...sample, [feature, 'quantumKey', 3, 1], [feature, '<img src=x onerror=alert(1)>', 2, 2]])) }),
    },
    Loading: { args: { endpoint: '/mock/latency=60000' } },
    ForbiddenRole: { render: () => chart({ endpoint: mockScenario('fault=403') }) },
    ServerError: { render: () => chart({ endpoint: mockScenario('fault=500') }) },
    Throttled: { render: () => chart({ endpoint: mockScenario('fault=429;times=1;retry-after=6') }) },
    Dark: { render: (a) => themed(darkTheme, chart(a)) },
    CorporateTheme: { render: (a) => themed(corporateTheme, chart(a)) },
    Narrow: { render: (a) => narrow(chart(a)) },
  };
  // Names are given where the stories are exported: Storybook's index reads them only there.
  return { render: (a: ChartArgs) => chart(a), stories };
}
