// Analyzer plugin: the global theme tokens are documented once, as @cssprop tags on `themeStyles`
// (src/elements/shared/theme.styles.ts), and every element reads them, so every element lists them.
export function themeTokens() {
  const tokens = [];
  return {
    name: 'sspr-theme-tokens',
    analyzePhase({ ts, node }) {
      if (!ts.isVariableStatement(node)) return;
      if (!node.declarationList.declarations.some((d) => d.name.getText() === 'themeStyles')) return;
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.getText() !== 'cssprop') continue;
        const match = /^(--[\w-]+)\s+-\s+(.*)$/s.exec(String(tag.comment ?? '').trim());
        if (match) tokens.push({ name: match[1], description: match[2].replace(/\s+/g, ' ') });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
          declaration.cssProperties = [...(declaration.cssProperties ?? []), ...tokens.filter((t) => !own.has(t.name))];
        }
      }
    },
  };
}
