// What every endpoint build shares: one ESM file per entry for Node 20, the package's own dependencies
// left to npm, and the modules shared with the widgets (wire shapes, the OData parser, the Graph client)
// bundled in from ../src, so the published package never depends on the widgets package.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const endpointRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(path.join(endpointRoot, 'package.json'), 'utf8'));

export const nodeBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  external: [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})],
  tsconfig: path.join(endpointRoot, 'tsconfig.json'),
};
