/**
 * Concatenation builds ropes (a tree of pieces, ~400 bytes for a UUID-sized string in V8). Reading a
 * character flattens the rope into one compact string and the garbage collector then drops the tree,
 * which halves the memory of a 500,000-user tenant. Semantically a no-op in every engine.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
