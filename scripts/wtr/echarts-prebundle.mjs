import { build } from 'esbuild';

/**
 * The dev server would serve echarts as ~300 separate modules (seconds per test file on two cores),
 * so bundle the entry points charts use once, at server start.
 */
const ENTRIES = ['core', 'charts', 'components', 'renderers', 'features'];
const OUT = 'node_modules/.cache/wtr-echarts';

export const echartsPrebundle = {
  name: 'echarts-prebundle',
  async serverStart() {
    await build({
      entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, `echarts/${e}`])),
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: OUT,
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"development"' },
    });
  },
  resolveImport({ source }) {
    const m = /^echarts\/(core|charts|components|renderers|features)$/.exec(source);
    if (m) return `/${OUT}/${m[1]}.js`;
  },
};
