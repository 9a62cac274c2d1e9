// The Custom Elements Manifest (custom-elements.json) and what is generated from it: JSX and Vue
// types, VS Code custom data and JetBrains web-types, all written to dist/integrations/.
import { writeFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { publicApiOnly } from './scripts/cem/public-api.mjs';
import { distPaths } from './scripts/cem/dist-paths.mjs';
import { themeTokens } from './scripts/cem/theme-tokens.mjs';
import { dedupeTypeImports } from './scripts/cem/dedupe-type-imports.mjs';

const outdir = 'dist/integrations';

/** React 19 reads JSX element types from `React.JSX`, not the global namespace the generator fills. */
function reactJsxTypes() {
  return {
    name: 'sspr-react-jsx-types',
    packageLinkPhase() {
      writeFileSync(`${outdir}/react.d.ts`, [
        '// `import type {} from "sspr-insights/react"` (or list it in tsconfig "types"): the tags in React\'s JSX.',
        "import type { CustomElements } from './jsx.js';",
        '',
        "declare module 'react' {",
        '  namespace JSX {',
        '    interface IntrinsicElements extends CustomElements {}',
        '  }',
        '}',
        '',
      ].join('\n'));
    },
  };
}
// the generated types import every class and event type from the package's type entry
const globalTypePath = '../types/index.js';

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/shared/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    publicApiOnly(),
    themeTokens(),
    distPaths(),
    customElementJsxPlugin({ outdir, fileName: 'jsx.d.ts', globalTypePath, hideLogs: true }),
    customElementVuejsPlugin({ outdir, fileName: 'vue.d.ts', globalTypePath, hideLogs: true }),
    customElementVsCodePlugin({ outdir, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir, webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
    reactJsxTypes(),
    dedupeTypeImports([`${outdir}/jsx.d.ts`, `${outdir}/vue.d.ts`]),
  ],
};
