/** `checkModel` (kseval models check) against the fake servers. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkModel } from '../adapters/check.ts';
import { startFakeServer, type FakeServer } from './fake-server/index.ts';
import { CLOVA_KEY, expectNoKey, KEY, spec, WRONG_KEY } from './adapters-support.ts';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const signal = () => AbortSignal.timeout(10_000);

describe('checkModel', () => {
  it('reachable: one tiny Korean request with max_tokens 8, spec params left out', async () => {
    server = await startFakeServer({ dialect: 'vllm', apiKey: KEY });
    const s = spec({ id: 'solar', adapter: 'openai-compatible', baseURL: server.url, apiKeyEnv: 'UPSTAGE_API_KEY', stream: true, params: { temperature: 0.7, extra: { thinking: { budget_tokens: 4096 } } } });
    const r = await checkModel(s, { apiKey: KEY }, signal());
    expect(r).toMatchObject({ id: 'solar', result: 'reachable', envVar: 'UPSTAGE_API_KEY' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    const body = server.requests[0]?.body;
    expect(body).toMatchObject({ max_tokens: 8, stream: false });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('thinking');
    expect(JSON.stringify(body)).toMatch(/[가-힣]/);
  });

  it.each([
    ['auth-failed', 'vllm', { apiKey: WRONG_KEY }, undefined],
    ['not-found', 'vllm', { apiKey: KEY }, { status: 404, code: 'model_not_found' }],
    ['rate-limited', 'vllm', { apiKey: KEY }, { status: 429 }],
    ['rate-limited', 'clova-v3', { apiKey: KEY }, { status: 429, code: '42901' }],
    ['not-found', 'clova-v3', { apiKey: KEY }, { status: 400, code: '40082' }],
    ['error', 'vllm', { apiKey: KEY }, { status: 400 }],
  ] as const)('%s (%s)', async (result, dialect, keys, fault) => {
    server = await startFakeServer({ dialect, apiKey: KEY, faults: fault ? [fault] : [] });
    const s = dialect === 'vllm'
      ? spec({ id: 'm', adapter: 'openai-compatible', baseURL: server.url, apiKeyEnv: 'SOME_KEY' })
      : spec({ id: 'm', adapter: 'clova-studio', model: 'HCX-005', baseURL: server.origin, apiKeyEnv: 'CLOVA_STUDIO_API_KEY' });
    const r = await checkModel(s, keys, signal());
    expect(r.result).toBe(result);
    if (result === 'auth-failed') expect(r.detail).toContain('SOME_KEY');
    expectNoKey(r);
  });

  it('unreachable when nothing listens', async () => {
    server = await startFakeServer({ dialect: 'anthropic' });
    const s = spec({ id: 'claude', adapter: 'anthropic', baseURL: server.origin, apiKeyEnv: 'ANTHROPIC_API_KEY' });
    await server.close();
    server = undefined;
    expect((await checkModel(s, { apiKey: KEY }, signal())).result).toBe('unreachable');
  });

  it('no-key without a request when the env var is empty', async () => {
    const s = spec({ id: 'hcx', adapter: 'clova-studio', model: 'HCX-007', apiKeyEnv: 'CLOVA_STUDIO_API_KEY' });
    expect(await checkModel(s, {}, signal())).toEqual({ id: 'hcx', result: 'no-key', detail: 'set CLOVA_STUDIO_API_KEY to use this model', envVar: 'CLOVA_STUDIO_API_KEY' });
    const legacy = spec({ id: 'hcx3', adapter: 'clova-studio', model: 'HCX-003', apiKeyEnv: 'CLOVA_STUDIO_API_KEY', apiKeyEnv2: 'CLOVA_APIGW_KEY', options: { authStyle: 'legacy' } });
    expect((await checkModel(legacy, { apiKey: CLOVA_KEY }, signal())).envVar).toBe('CLOVA_APIGW_KEY');
  });

  it('an unknown adapter is an error, not a crash', async () => {
    const r = await checkModel(spec({ id: 'x', adapter: 'nope' }), {}, signal());
    expect(r.result).toBe('error');
    expect(r.detail).toMatch(/unknown adapter/);
  });
});
