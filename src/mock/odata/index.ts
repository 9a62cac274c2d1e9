/** The mock's OData query engine: `$filter` (compiled once per query), `$orderby`, `$select`. */
export { compileFilter } from './compile-filter.js';
export { parseFilter } from './parser.js';
export { tokenize, type Token } from './tokenizer.js';
export { parseOrderBy, sortRows, type OrderByTerm } from './orderby.js';
export { parseSelect, project } from './select.js';
export type { EntitySchema, FieldType, ScalarType } from './schema.js';
export type { FilterNode, CompareOp } from './ast.js';
