/**
 * manifest.json: what a run was — harness version, git commit, Node version, every model spec
 * (no keys: specs only name env vars), every pack id + version + sha256, seed, parameters,
 * start/end times. Read back with zod when a run is resumed or viewed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../core/errors.ts';
import { ModelSpecSchema } from '../core/model.ts';
import { writeFileAtomic } from './atomic.ts';

export const MANIFEST_FILE = 'manifest.json';

export const ManifestSchema = z.object({
  schema_version: z.literal(1),
  run_id: z.string(),
  harness: z.object({ name: z.literal('kseval'), version: z.string(), git_commit: z.string().nullable(), node: z.string() }),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  status: z.enum(['running', 'finished', 'interrupted']),
  seed: z.number().int(),
  bootstrap: z.number().int(),
  options: z.object({
    concurrency: z.number().int(),
    limit: z.number().int().nullable(),
    timeout_ms: z.number().int(),
    retries: z.object({ max: z.number(), baseDelayMs: z.number(), maxDelayMs: z.number(), deadlineMs: z.number() }),
    config_file: z.string().nullable(),
    task_ids: z.array(z.string()),
    pack_dirs: z.array(z.string()),
  }),
  models: z.array(ModelSpecSchema),
  skipped_models: z.array(z.object({ id: z.string(), reason: z.string() })),
  packs: z.array(z.object({ id: z.string(), version: z.string(), sha256: z.string(), kind: z.string(), items: z.number().int(), dir: z.string() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function harnessVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: path.dirname(new URL(import.meta.url).pathname), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export function writeManifest(runDir: string, manifest: Manifest): void {
  writeFileAtomic(path.join(runDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

export function readManifest(runDir: string): Manifest {
  const file = path.join(runDir, MANIFEST_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError('no readable manifest.json', { file, hint: 'pass a run directory written by `kseval run`' });
  }
  const parsed = ManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`manifest.json: ${issue.path.join('.')}: ${issue.message}`, { file, hint: 'the run directory is damaged or from another tool' });
  }
  return parsed.data;
}
