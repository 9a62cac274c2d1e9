// Migrations are bundled as text (esbuild's text loader), so the endpoint never looks for files at run time.
declare module '*.sql' {
  const sql: string;
  export default sql;
}
