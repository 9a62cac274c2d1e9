import type { FilterNode } from '../../../src/mock/odata/ast.js';

/** True when the filter reads top-level property `name` anywhere (then it, not a default window, bounds the rows). */
export function filterMentions(node: FilterNode, name: string): boolean {
  switch (node.kind) {
    case 'path':
      return node.segments.length === 1 && node.segments[0] === name;
    case 'compare':
    case 'logical':
      return filterMentions(node.left, name) || filterMentions(node.right, name);
    case 'not':
      return filterMentions(node.operand, name);
    case 'call':
      return node.args.some((arg) => filterMentions(arg, name));
    case 'lambda':
    case 'literal':
      return false;
  }
}
