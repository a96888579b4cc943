#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx kseval` works right after `npm ci`
// with no build step. The project's tsconfig is named explicitly: tsx would otherwise look in
// the current directory, and JSX would compile the wrong way when kseval runs from elsewhere.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

// `kseval view | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const { boundHeapGrowth } = await import('../harness/cli/heap.ts');
boundHeapGrowth();
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
