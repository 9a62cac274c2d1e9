// Analyzer plugin: the manifest documents what a page author can use, nothing else. Private and
// protected members (TypeScript keywords or #names) and anything tagged @internal are dropped.
const isInternal = (item) =>
  item.privacy === 'private' || item.privacy === 'protected' || item.name?.startsWith('#') || /@internal\b/.test(item.description ?? '');

export function publicApiOnly() {
  return {
    name: 'sspr-public-api-only',
    analyzePhase({ ts, node, moduleDoc }) {
      // remember members whose JSDoc says @internal (the analyzer does not carry the tag itself)
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      for (const member of node.members) {
        const internal = ts.getJSDocTags(member).some((tag) => tag.tagName.getText() === 'internal');
        const name = member.name?.getText();
        if (internal && name) {
          const doc = declaration.members?.find((m) => m.name === name);
          if (doc) doc.description = `${doc.description ?? ''} @internal`.trim();
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      // a module of types alone compiles to nothing: it has no file in the package to name
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.declarations?.length || m.exports?.length);
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !isInternal(m));
          // `lang` is HTMLElement's own property: name it so generated types read `Element["lang"]`
          for (const attribute of declaration.attributes ?? []) if (attribute.name === 'lang') attribute.fieldName ??= 'lang';
        }
      }
    },
  };
}
