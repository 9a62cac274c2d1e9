/**
 * `import data from './x.json'` (the stories use it, as Vite allows) as an ES module in the test
 * browser. The import is rewritten to `x.json?module`, so a test's own `fetch('x.json')` still gets
 * plain JSON.
 */
export const jsonModules = {
  name: 'json-modules',
  resolveImport({ source }) {
    if (source.endsWith('.json') && !source.startsWith('node:')) return `${source}?module`;
  },
  resolveMimeType(context) {
    if (context.path.endsWith('.json') && context.URL.searchParams.has('module')) return 'js';
  },
  transform(context) {
    if (context.path.endsWith('.json') && context.URL.searchParams.has('module')) {
      return { body: `export default ${context.body};` };
    }
  },
};
