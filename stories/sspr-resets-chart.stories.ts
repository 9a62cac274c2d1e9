import type { Meta } from '@storybook/web-components-vite';
import '../src/elements/sspr-resets-chart/define.js';
import { CHART_ARGS, CHART_ARG_TYPES, CHART_PARAMETERS, chartStories, type ChartArgs } from './activity-chart-stories.js';

const { render, stories } = chartStories('sspr-resets-chart', 'reset', [['reset', 'sms', 412, 20], ['reset', 'mobilePhone', 120, 9], ['reset', 'email', 64, 8], ['reset', 'securityQuestion', 12, 0]]);

/**
 * `<sspr-resets-chart>`: Successful vs failed authentications during password reset, per method. Click a bar (or, from the keyboard, a count in "Show as table") to fire
 * `sspr-drilldown` for the matching events — see the Actions panel.
 */
const meta: Meta<ChartArgs> = {
  title: 'Elements/sspr-resets-chart',
  component: 'sspr-resets-chart',
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
