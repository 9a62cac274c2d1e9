// Production builds of the bench pages with Vite's JS API: one app-mode build per page, so each page's
// JavaScript is exactly what a real app made of that page would ship (no chunks shared with other pages).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { minifyCssLiterals } from '../../scripts/vite/minify-css-literals.mjs';

export const CHART_MODULE = 'src/controllers/chart/echarts-bundle.ts';

/**
 * Builds `bench/pages/<name>.html` into `<outRoot>/<name>/`, served under `/<name>/`.
 * Returns the page's URL path and its module graph read from Vite's manifest.
 */
export async function buildPage(root, outRoot, name) {
  const outDir = path.join(outRoot, name);
  await build({
    configFile: false,
    plugins: [minifyCssLiterals()], // as the library build ships them
    root: path.join(root, 'bench/pages'),
    base: `/${name}/`,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') }, // echarts reads it
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      manifest: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1000, // kB; the chart chunk is big by nature and measured here anyway
      // Vite's modulepreload polyfill is the app's choice, not the library's cost
      modulePreload: { polyfill: false },
      rolldownOptions: { input: path.join(root, 'bench/pages', `${name}.html`) },
    },
  });
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8'));
  return { name, outDir, url: `/${name}/${name}.html`, graph: moduleGraph(manifest, name) };
}

/** Which files load up front (the HTML entry's static imports) and which make up the chart chunk. */
function moduleGraph(manifest, name) {
  const entries = Object.entries(manifest);
  const entry = entries.find(([, chunk]) => chunk.isEntry && chunk.src?.endsWith(`${name}.html`))?.[1];
  if (!entry) throw new Error(`no entry for ${name}.html in Vite's manifest`);
  const closure = (chunk, seen = new Set()) => {
    if (seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const key of chunk.imports ?? []) closure(manifest[key], seen);
    return seen;
  };
  const initial = closure(entry);
  const chart = entries.find(([key]) => key.replaceAll('\\', '/').endsWith(CHART_MODULE))?.[1];
  const chartFiles = chart ? [...closure(chart)].filter((file) => !initial.has(file)) : [];
  const allJs = new Set(entries.map(([, chunk]) => chunk.file).filter((file) => file.endsWith('.js')));
  // each language's parts, e.g. { 'nl/core': 'assets/core-x1.js' }: chunks loaded on first use
  const locales = Object.fromEntries(
    entries
      .map(([key, chunk]) => [/src\/i18n\/generated\/locales\/([^/]+\/[^/.]+)\.ts$/.exec(key.replaceAll('\\', '/'))?.[1], chunk.file])
      .filter(([part]) => part),
  );
  return { initial: [...initial], chart: chartFiles, all: [...allJs], locales };
}

/** True when the audit table exists in the source, i.e. its pages can be built and measured. */
export function tableExists(root) {
  return existsSync(path.join(root, 'src/elements/sspr-audit-table/define.ts'));
}

/** The self-contained bundle (`dist/bundle/`, as `npm run build` makes it), built into `<outRoot>/bundle/`. */
export async function buildBundle(root, outRoot) {
  const outDir = path.join(outRoot, 'bundle');
  await build({ configFile: path.join(root, 'vite.bundle.config.ts'), root, logLevel: 'warn', build: { outDir, reportCompressedSize: false } });
  const files = (await readdir(outDir)).filter((f) => f.endsWith('.js'));
  return { outDir, entry: 'sspr-insights.js', chart: files.filter((f) => f.startsWith('echarts-bundle')) };
}
