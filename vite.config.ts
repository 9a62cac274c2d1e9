import { defineConfig } from 'vite';

// Library build: one ES module per public entry; lit and echarts stay external (they are dependencies).
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    lib: {
      entry: {
        index: 'src/index.ts',
        client: 'src/client/index.ts',
        reports: 'src/reports/index.ts',
        mock: 'src/mock/index.ts',
        // one entry per element, so a page can load only the tags it uses
        'sspr-tiles': 'src/elements/sspr-tiles/define.ts',
        'sspr-period-select': 'src/elements/sspr-period-select/define.ts',
        'sspr-registrations-chart': 'src/elements/sspr-registrations-chart/define.ts',
        'sspr-resets-chart': 'src/elements/sspr-resets-chart/define.ts',
        'sspr-audit-table': 'src/elements/sspr-audit-table/define.ts',
        'sspr-dashboard': 'src/elements/sspr-dashboard/define.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//, /^echarts($|\/)/] },
    sourcemap: true,
  },
});
