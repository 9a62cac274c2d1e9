import { defineConfig } from 'vite';
import { minifyCssLiterals } from './scripts/vite/minify-css-literals.mjs';

// Library build: one ES module per source module (dist/ mirrors src/), so a consumer's bundler sees
// exactly the files package.json's `sideEffects` names (the define modules) and tree-shakes the rest.
// lit and echarts stay external (they are dependencies); consumers minify.
export default defineConfig({
  plugins: [minifyCssLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    minify: false,
    lib: {
      entry: [
        'src/index.ts',
        'src/client/index.ts',
        'src/reports/index.ts',
        'src/mock/index.ts',
        'src/elements/index.ts',
        // one entry per element, so a page can load only the tags it uses
        'src/elements/sspr-tiles/define.ts',
        'src/elements/sspr-period-select/define.ts',
        'src/elements/sspr-registrations-chart/define.ts',
        'src/elements/sspr-resets-chart/define.ts',
        'src/elements/sspr-audit-table/define.ts',
        'src/elements/sspr-insights/define.ts',
        'src/elements/sspr-methods-chart/define.ts',
        'src/elements/sspr-trend-chart/define.ts',
        'src/elements/sspr-dashboard/define.ts',
      ],
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^echarts($|\/)/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
    sourcemap: true,
  },
});
