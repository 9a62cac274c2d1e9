// Tests run against the source in Debian's Chromium (no browser download), with the mock Graph
// endpoint mounted as dev-server middleware under /graph and /mock/<scenario>/, and the reporting
// endpoint (synced from the mock) under /endpoint/.
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { importForNode } from './scripts/build-node.mjs';
import { summaryReporter } from './scripts/wtr/summary-reporter.mjs';
import { echartsPrebundle } from './scripts/wtr/echarts-prebundle.mjs';
import { jsonModules } from './scripts/wtr/json-modules.mjs';
import { startTestEndpoint } from './scripts/wtr/test-endpoint.mjs';

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

const { createMockListener } = await importForNode('src/mock/node/listener.ts', 'mock-listener');
const listener = createMockListener();
const testEndpoint = await startTestEndpoint(listener);

/** Koa adapter: hand mock routes to the Node listener, everything else to the dev server. */
async function mockMiddleware(ctx, next) {
  if (!listener.handles(ctx.path)) return next();
  ctx.respond = false;
  await listener(ctx.req, ctx.res);
}

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  concurrency: 2,
  middleware: [mockMiddleware, testEndpoint.middleware],
  // tsconfig carries experimentalDecorators / useDefineForClassFields to esbuild
  plugins: [echartsPrebundle, jsonModules, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
