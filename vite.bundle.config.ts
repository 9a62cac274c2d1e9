import { defineConfig } from 'vite';
import { minifyCssLiterals } from './scripts/vite/minify-css-literals.mjs';

// One self-contained bundle for pages with no build step: every element, with lit inside; the chart
// code stays a separate file that the bundle loads the first time a chart draws. An application-style
// build rather than library mode, because library mode leaves ES output unminified and this file is
// served to browsers as it is.
export default defineConfig({
  plugins: [minifyCssLiterals()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') }, // echarts reads it
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist/bundle',
    emptyOutDir: true,
    minify: true,
    modulePreload: false, // no HTML page here: the bundle imports its chart chunk itself
    copyPublicDir: false,
    sourcemap: true,
    rolldownOptions: {
      input: { 'sspr-insights': 'src/elements/index.ts' },
      preserveEntrySignatures: 'strict', // keep the element classes exported
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
