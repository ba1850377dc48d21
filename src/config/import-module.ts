// import() for what a config names as code: JavaScript configs, plugins, TypeScript's compiler.
//
// The CLI's launcher runs the bundled CLI from V8's code cache (cli/launch.cts), and in a script compiled
// that way Node 20 has no loader for import() ("A dynamic import callback was not specified"). The
// launcher, a module Node loaded the usual way, hands in its own import() under this symbol;
// everywhere else (the API, tests) the plain import() below is used.
export const IMPORT_HOOK = Symbol.for('empathy-lint.import');

type Importer = (specifier: string) => Promise<unknown>;

export function importModule(specifier: string): Promise<Record<string, unknown>> {
  const hook = (globalThis as { [IMPORT_HOOK]?: Importer })[IMPORT_HOOK];
  return (hook ? hook(specifier) : import(specifier)) as Promise<Record<string, unknown>>;
}
