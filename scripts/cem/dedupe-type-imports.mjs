// Analyzer plugin, placed after the JSX and Vue generators: they import an event type once per element
// that fires it, and TypeScript rejects a name imported twice. Keep each name once.
import { readFileSync, writeFileSync } from 'node:fs';

export function dedupeTypeImports(files) {
  return {
    name: 'sspr-dedupe-type-imports',
    packageLinkPhase() {
      for (const file of files) {
        const text = readFileSync(file, 'utf8').replace(/import type \{([^}]*)\}/g, (_all, names) => {
          const unique = [...new Set(names.split(',').map((n) => n.trim()).filter(Boolean))];
          return `import type {\n  ${unique.join(',\n  ')},\n}`;
        });
        writeFileSync(file, text);
      }
    },
  };
}
