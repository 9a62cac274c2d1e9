import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/sspr-period-select/define.js';
import { corporateTheme, darkTheme, narrow, themed } from './story-helpers.js';

/** The reporting period as a radio group; fires `sspr-period-change` on user action only. */
const meta: Meta<{ period: string; label: string }> = {
  title: 'Elements/sspr-period-select',
  component: 'sspr-period-select',
  args: { period: 'd7', label: '' },
  argTypes: { period: { control: 'inline-radio', options: ['d1', 'd7', 'd30'] } },
  parameters: { actions: { handles: ['sspr-period-change'] } },
  // without a label, the element's own ("Period" in its language)
  render: ({ period, label }) => html`<sspr-period-select period=${period} label=${ifDefined(label || undefined)}></sspr-period-select>`,
};
export default meta;
type Story = StoryObj<{ period: string; label: string }>;

export const Default: Story = {};
/** Where the endpoint keeps more than Graph's 30 days (a dashboard sets `periods` from what its endpoint offers). */
export const LongerPeriods: Story = {
  render: () => html`<sspr-period-select period="d90" periods="d1 d7 d30 d90 d180 d365"></sspr-period-select>`,
};
export const Last24Hours: Story = { args: { period: 'd1' } };
export const Last30Days: Story = { args: { period: 'd30' } };
export const Dark: Story = { render: () => themed(darkTheme, html`<sspr-period-select></sspr-period-select>`) };
export const CorporateTheme: Story = { render: () => themed(corporateTheme, html`<sspr-period-select></sspr-period-select>`) };
export const Narrow: Story = { render: () => narrow(html`<sspr-period-select></sspr-period-select>`) };
