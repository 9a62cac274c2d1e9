// Analyzer plugin: the analyzer reads src/*.ts, but the package ships dist/*.js (the library build
// mirrors src/ file for file), so every module reference is rewritten to the file a user has.
const toDist = (path) => path?.replace(/^\/?src\/(.*)\.(ts|js)$/, 'dist/$1.js');

function rewrite(value) {
  if (Array.isArray(value)) return value.forEach(rewrite);
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'module' || key === 'path') && typeof child === 'string') value[key] = toDist(child);
    else rewrite(child);
  }
}

export function distPaths() {
  return {
    name: 'sspr-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest.modules);
    },
  };
}
