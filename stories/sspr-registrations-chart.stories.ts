import type { Meta } from '@storybook/web-components-vite';
import '../src/elements/sspr-registrations-chart/define.js';
import { CHART_ARGS, CHART_ARG_TYPES, CHART_PARAMETERS, chartStories, type ChartArgs } from './activity-chart-stories.js';

const { render, stories } = chartStories('sspr-registrations-chart', 'registration', [['registration', 'microsoftAuthenticatorPush', 640, 31], ['registration', 'mobilePhone', 300, 12], ['registration', 'fido2SecurityKey', 40, 2], ['registration', 'passKeyDeviceBound', 18, 0]]);

/**
 * `<sspr-registrations-chart>`: Successful vs failed SSPR registrations, per method. Click a bar (or, from the keyboard, a count in "Show as table") to fire
 * `sspr-drilldown` for the matching events — see the Actions panel.
 */
const meta: Meta<ChartArgs> = {
  title: 'Elements/sspr-registrations-chart',
  component: 'sspr-registrations-chart',
  args: CHART_ARGS,
  argTypes: CHART_ARG_TYPES,
  parameters: CHART_PARAMETERS,
  render,
};
export default meta;

export const Last7Days = stories.Last7Days;
export const Last24Hours = stories.Last24Hours;
export const Last30Days = stories.Last30Days;
export const Grouped = stories.Grouped;
export const Vertical = stories.Vertical;
export const AsTable = stories.AsTable;
export const ShowEmptyMethods = stories.ShowEmptyMethods;
export const GraphDocsExample = { ...stories.GraphDocsExample, name: 'Graph docs example (d1)' };
export const Empty = { ...stories.Empty, name: 'Empty period' };
export const UnknownAndHostileMethodNames = stories.UnknownAndHostileMethodNames;
export const Loading = stories.Loading;
export const ForbiddenRole = { ...stories.ForbiddenRole, name: 'Error: missing role (403)' };
export const ServerError = { ...stories.ServerError, name: 'Error: server (500)' };
export const Throttled = stories.Throttled;
export const Dark = stories.Dark;
export const CorporateTheme = stories.CorporateTheme;
export const Narrow = stories.Narrow;
