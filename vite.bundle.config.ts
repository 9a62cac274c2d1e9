import { defineConfig } from 'vite';

// One self-contained bundle for pages with no build step: every element, with lit inside; the chart
// code stays a separate file that the bundle loads the first time a chart draws.
export default defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production') }, // echarts reads it
  build: {
    target: 'es2022',
    outDir: 'dist/bundle',
    emptyOutDir: true,
    lib: { entry: { 'sspr-insights': 'src/elements/index.ts' }, formats: ['es'] },
    sourcemap: true,
  },
});
