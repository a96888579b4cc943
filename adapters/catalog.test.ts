import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPreset, loadCatalog, loadPresets } from './catalog.ts';
import { NETWORK_ADAPTERS } from './registry.ts';

const catalog = loadCatalog();
const byId = new Map(catalog.map((m) => [m.id, m]));

describe('catalog', () => {
  it('has the models the harness is built around', () => {
    for (const id of ['solar-pro3', 'solar-pro4', 'solar-mini', 'exaone-4.0.1-32b', 'k-exaone', 'exaone-4.0-32b-vllm', 'hcx-007', 'hcx-005', 'hcx-dash-002', 'hcx-003', 'ax-4.0', 'ax-4.0-light', 'ax-k1', 'ax4', 'gpt-4.1', 'gpt-5', 'claude-sonnet-4.5', 'gemini-2.5-flash']) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(catalog.some((m) => m.id.startsWith('hyperclova-x-seed-'))).toBe(true);
  });

  it('gives every model a known family and a network adapter that accepts its options', () => {
    const families = new Set(['exaone', 'hyperclova-x', 'solar', 'ax', 'gpt', 'claude', 'gemini']);
    for (const spec of catalog) {
      expect(families.has(spec.family ?? ''), `${spec.id} family`).toBe(true);
      const factory = (NETWORK_ADAPTERS as Record<string, (s: typeof spec, k: object) => unknown>)[spec.adapter];
      expect(factory, `${spec.id} adapter`).toBeDefined();
      expect(() => factory?.(spec, { apiKey: 'k' }), spec.id).not.toThrow();
    }
  });

  it('keeps residency honest: local means open weights on a loopback URL and no key; kr only for Korean providers', () => {
    for (const spec of catalog) {
      if (spec.residency === 'local') {
        expect(spec.openWeights, spec.id).toBe(true);
        expect(spec.baseURL, spec.id).toMatch(/^http:\/\/(127\.0\.0\.1|localhost)/);
        expect(spec.apiKeyEnv, spec.id).toBeUndefined();
      }
      if (spec.residency === 'kr') expect(['Upstage', 'NAVER Cloud', 'SK Telecom']).toContain(spec.vendor);
      if (spec.origin === 'global') expect(spec.residency).toBe('abroad');
    }
  });

  it('uses the documented env vars and CLOVA API versions', () => {
    expect(byId.get('solar-pro3')?.apiKeyEnv).toBe('UPSTAGE_API_KEY');
    expect(byId.get('k-exaone')?.apiKeyEnv).toBe('FRIENDLI_TOKEN');
    expect(byId.get('hcx-007')?.options).toMatchObject({ apiVersion: 'v3', maxTokensField: 'maxCompletionTokens' });
    expect(byId.get('hcx-003')?.options).toMatchObject({ apiVersion: 'v1' });
    expect(byId.get('ax4')?.apiKeyEnv).toBe('SKTAX_API_KEY');
    expect(byId.get('gpt-5')?.options).toMatchObject({ maxTokensField: 'max_completion_tokens' });
  });

  it('ships no key: nothing in the YAML looks like one', () => {
    const text = readFileSync(new URL('./catalog.yaml', import.meta.url), 'utf8');
    expect(text).not.toMatch(/\b(sk-[A-Za-z0-9]{8,}|nv-[A-Za-z0-9]{8,}|AIza[0-9A-Za-z_-]{20,}|flp_[A-Za-z0-9]{8,}|up_[A-Za-z0-9]{8,})/);
  });

  it('returns copies', () => {
    const a = loadCatalog();
    a[0]!.id = 'changed';
    expect(loadCatalog()[0]!.id).not.toBe('changed');
  });
});

describe('presets', () => {
  it('covers vllm, ollama, llamacpp and tgi as local servers', () => {
    const presets = loadPresets();
    expect(Object.keys(presets).sort()).toEqual(['llamacpp', 'ollama', 'tgi', 'vllm']);
    for (const p of Object.values(presets)) expect(p.residency).toBe('local');
  });

  it('builds a spec from a preset plus what only the user knows', () => {
    const spec = fromPreset('ollama', { id: 'exaone-ollama', model: 'exaone3.5:7.8b', origin: 'sovereign', vendor: 'LG AI Research' });
    expect(spec).toMatchObject({ adapter: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1', residency: 'local', openWeights: true, model: 'exaone3.5:7.8b' });
    expect(() => fromPreset('nope', { id: 'x', model: 'y', origin: 'global' })).toThrow(/unknown preset/);
  });
});
