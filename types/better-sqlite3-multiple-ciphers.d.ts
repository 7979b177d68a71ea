// better-sqlite3-multiple-ciphers 13.0.3 ships index.d.ts, but its package.json "exports" has
// no "types" condition, so TypeScript's bundler resolution does not find it (13.0.4-beta.0 adds
// one; drop this file once a release with it is pinned). The alias in tsconfig.json's paths
// leads to the shipped file under a name no code imports, so tsx, which reads paths too, never
// remaps a real import.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the shipped types use export =
  import Database = require('better-sqlite3-multiple-ciphers:shipped-types');
  export = Database;
}
