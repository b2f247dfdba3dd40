#!/usr/bin/env node
// The `pathway` command. Runs the compiled copy of the sources (bin/compiled.mjs: built on first
// use, rebuilt when any source changed); where that cannot be had, loads the TypeScript sources
// through tsx, so no build step is ever required.
import { compiledMain } from './compiled.mjs';

const compiled = await compiledMain();
let main;
if (compiled === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../engine/cli/main.ts'));
} else ({ main } = await import(compiled));
process.exitCode = await main(process.argv.slice(2));
