/**
 * An error the mock handler turns into a Graph-shaped error response
 * (`{"error":{"code","message","innerError":{…}}}`) with the given status.
 */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra `innerError` members (Graph's 429 body carries code, message and status there). */
    readonly innerError: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'MockHttpError';
  }
}

/**
 * A query the mock cannot run: bad syntax, unknown property, unsupported operator or function.
 * Code "BadRequest": that is what the reporting and audit-log services answer for invalid `$filter`
 * text (e.g. microsoftgraph/microsoft-graph-docs#3648); "Request_UnsupportedQuery" is the directory
 * service's code for directory objects (users, groups), which these routes are not.
 */
export class ODataQueryError extends MockHttpError {
  constructor(message: string) {
    super(400, 'BadRequest', message);
    this.name = 'ODataQueryError';
  }
}
