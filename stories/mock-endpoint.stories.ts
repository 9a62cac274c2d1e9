import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ROUTES } from '../src/graph/types.js';

/** Shows the raw JSON each mock route answers, so the contract the elements read is visible. */
const meta: Meta<{ endpoint: string; route: string }> = {
  title: 'Mock endpoint/Routes',
  args: { endpoint: '/graph', route: `${ROUTES.userRegistrationDetails}?$top=3` },
  argTypes: {
    route: {
      control: 'select',
      options: [
        `${ROUTES.usersRegisteredByFeature}(includedUserTypes='all',includedUserRoles='all')`,
        `${ROUTES.userRegistrationActivity}(period='d7')`,
        `${ROUTES.userEventsSummary}?$top=3`,
        `${ROUTES.userRegistrationDetails}?$top=3`,
        `${ROUTES.directoryAudits}?$filter=loggedByService eq 'Self-service Password Management'&$top=3`,
      ],
    },
  },
  render: ({ endpoint, route }) => {
    const output = document.createElement('pre');
    output.style.cssText = 'white-space: pre-wrap; font-size: 12px; max-height: 70vh; overflow: auto';
    output.textContent = 'loading…';
    fetch(`${endpoint}/${route}`, { headers: { Prefer: 'include-unknown-enum-members' } })
      .then(async (r) => `HTTP ${r.status}\n${JSON.stringify(await r.json(), null, 2)}`)
      .catch((e: Error) => `error: ${e.message}`)
      .then((text) => (output.textContent = text));
    return html`${output}`;
  },
};
export default meta;

export const UserRegistrationDetails: StoryObj = {};
export const Forbidden: StoryObj = { args: { endpoint: '/mock/fault=403', route: `${ROUTES.userEventsSummary}?$top=3` } };
