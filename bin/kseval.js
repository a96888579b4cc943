#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx kseval` works right after `npm ci`
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
