/**
 * Comments and indentation inside Lit `css` templates survive every JavaScript minifier (they are string
 * content), so the style modules lose them at build time: the comments stay in the source, next to the
 * rules they explain, and pages do not download them. Only `*.styles.ts` files, only `css` templates.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals() {
  return {
    name: 'sspr-minify-css-literals',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id.split('?')[0])) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``);
      return out === code ? null : { code: out, map: null };
    },
  };
}
