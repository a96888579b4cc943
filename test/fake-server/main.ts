/**
 * Serves the fake provider from the command line, for offline end-to-end runs:
 *
 *   node bin/run-ts.js test/fake-server/main.ts --dialect openai --port 0 --latency 50 [--fail-rate 0.1]
 *
 * The first stdout line is the base URL to put in `kseval.config.yaml`; it serves until killed.
 * `--fail-rate` injects a seeded (repeatable) mix of 429 / 500 / reset faults.
 */
import { parseArgs } from 'node:util';
import { startFakeServer } from './index.ts';
import type { Dialect, ErrorEnvelope, Fault, ReasoningField } from './types.ts';
import { createPrng } from '../../harness/scoring/prng.ts';

const DIALECTS: readonly Dialect[] = ['openai', 'vllm', 'vllm-legacy', 'ollama', 'llamacpp', 'upstage', 'clova-openai', 'tgi', 'gemini', 'sktax', 'clova-v1', 'clova-v3', 'anthropic'];
const REASONING: readonly ReasoningField[] = ['reasoning', 'reasoning_content', 'thinking_content', 'inline', 'inline-no-open', 'inline-thought-no-open', 'none'];
const ENVELOPES: readonly ErrorEnvelope[] = ['openai', 'flat', 'string', 'status', 'array'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    process.stderr.write(`--${flag} must be one of: ${allowed.join(', ')}\n`);
    process.exit(2);
  }
  return found;
}

/** The harness's seeded PRNG: repeatable draws for the same seed. */
function prng(seed: number): () => number {
  const g = createPrng(seed, 'test');
  return () => g.next();
}

const FAILURES: readonly Fault[] = [{ status: 429, retryAfter: '1' }, { status: 500 }, { status: 503 }, { kind: 'reset' }];

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'openai' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
    'fail-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'api-key': { type: 'string' },
    'reasoning-field': { type: 'string' },
    'error-envelope': { type: 'string' },
  },
});

const failRate = Number(values['fail-rate']);
const random = prng(Number(values.seed));
const reasoningField = oneOf(values['reasoning-field'], REASONING, 'reasoning-field');
const errorEnvelope = oneOf(values['error-envelope'], ENVELOPES, 'error-envelope');
const server = await startFakeServer({
  dialect: oneOf(values.dialect, DIALECTS, 'dialect'),
  host: values.host,
  port: Number(values.port),
  latencyMs: Number(values.latency),
  apiKey: values['api-key'] ?? process.env['FAKE_API_KEY'],
  openai: { ...(reasoningField ? { reasoningField } : {}), ...(errorEnvelope ? { errorEnvelope } : {}) },
  faults: failRate > 0 ? () => (random() < failRate ? FAILURES[Math.floor(random() * FAILURES.length)] : undefined) : undefined,
});

process.stdout.write(`${server.url}\n`);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
