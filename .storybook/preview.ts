import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { manifestArgTypes, type Manifest } from './manifest-arg-types.js';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import { installFetchMock } from '../src/mock/browser/install-fetch-mock.js';

// Controls and docs tables come from the Custom Elements Manifest generated from our JSDoc.
setCustomElementsManifest(manifest);

// The mock Graph endpoint runs in the page: requests to /graph/… and /mock/<scenario>/… are answered by
// the same handler the demo server and the tests use, so the static build needs no backend.
installFetchMock({ defaultScenario: { users: 2000, latency: 250 } });

const preview: Preview = {
  tags: ['autodocs'],
  // The Language menu in the toolbar sets <html lang>: every element follows it, as on a real page.
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'nl-NL', title: 'Nederlands' },
          { value: 'zh-Hant-TW', title: '繁體中文' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    withActions,
    (story, context) => {
      document.documentElement.lang = String(context.globals.locale ?? 'en');
      return story();
    },
  ],
  parameters: {
    docs: manifestArgTypes(manifest as Manifest),
    controls: { expanded: true },
    options: { storySort: { order: ['Introduction', 'Using it', 'Elements', 'Mock endpoint'] } },
  },
};
export default preview;
