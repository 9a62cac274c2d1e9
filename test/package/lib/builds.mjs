// Builds each fixture the way its kind of project would, from a copy inside the consumer project
// (so `sspr-insights` resolves to the installed tarball). Each build lands in <consumer>/<name>/, served
// under /<name>/.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, createServer as viteServer } from 'vite';

const production = { 'process.env.NODE_ENV': '"production"' };

function copyFixture(root, consumer, name) {
  const dir = path.join(consumer, name);
  cpSync(path.join(root, 'test/package/fixtures', name), dir, { recursive: true });
  return dir;
}

async function vite(dir, name, extra = {}) {
  await viteBuild({
    configFile: false,
    root: dir,
    base: `/${name}/`,
    logLevel: 'error',
    build: { outDir: path.join(dir, 'dist'), emptyOutDir: true, target: 'es2022' },
    ...extra,
  });
  return path.join(dir, 'dist');
}

async function bundle(dir, entry, options = {}) {
  await esbuild({
    entryPoints: [path.join(dir, entry)],
    outdir: path.join(dir, 'out'),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    define: production,
    logLevel: 'error',
    ...options,
  });
  return dir;
}

/** tsc over a fixture's type checks (the root's TypeScript, the consumer's installed types). */
function typecheck(root, dir) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json')], { stdio: 'inherit' });
}

/** name → { folder served, page path }. */
export const FIXTURES = {
  'vite-all': async (root, consumer) => ({ served: await vite(copyFixture(root, consumer, 'vite-all'), 'vite-all'), page: 'index.html' }),
  'vite-entry': async (root, consumer) => ({ served: await vite(copyFixture(root, consumer, 'vite-entry'), 'vite-entry'), page: 'index.html' }),
  esbuild: async (root, consumer) => ({ served: await bundle(copyFixture(root, consumer, 'esbuild'), 'main.js'), page: 'index.html' }),
  react: async (root, consumer) => {
    const dir = copyFixture(root, consumer, 'react');
    typecheck(root, dir);
    return { served: await bundle(dir, 'main.tsx', { jsx: 'automatic' }), page: 'index.html' };
  },
  vue: async (root, consumer) => {
    const dir = copyFixture(root, consumer, 'vue');
    typecheck(root, dir);
    // the full build of Vue, with the template compiler, since the template is a string
    const served = await vite(dir, 'vue', { resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } }, define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' } });
    return { served, page: 'index.html' };
  },
  angular: async (root, consumer) => {
    const dir = copyFixture(root, consumer, 'angular');
    const tsconfigRaw = { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } };
    return { served: await bundle(dir, 'main.ts', { tsconfigRaw }), page: 'index.html' };
  },
  html: async (root, consumer) => {
    const dir = copyFixture(root, consumer, 'html');
    // "copy dist/bundle/ next to the page", as the README says
    cpSync(path.join(consumer, 'node_modules/sspr-insights/dist/bundle'), path.join(dir, 'sspr-insights'), { recursive: true });
    return { served: dir, page: 'index.html' };
  },
};

/** The Vite dev server on the `vite-dev` fixture, with the mock endpoint as middleware. */
export async function startViteDev(root, consumer, mock) {
  const dir = copyFixture(root, consumer, 'vite-dev');
  const server = await viteServer({
    configFile: false,
    root: dir,
    logLevel: 'error',
    cacheDir: path.join(dir, '.vite'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    plugins: [{
      name: 'mock-graph',
      configureServer(s) {
        s.middlewares.use((req, res, next) => (mock.handles(new URL(req.url, 'http://x').pathname) ? mock(req, res) : next()));
      },
    }],
  });
  await server.listen();
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}
