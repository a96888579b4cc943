/**
 * The request key identifies one unit of work completely: the model spec fields that change
 * the answer, the rendered messages and the generation parameters. Same key → same unit, so
 * records from several files (resumes, workers) merge without duplicates.
 */
import * as crypto from 'node:crypto';
import type { ChatMessage, GenerationParams } from '../core/adapter.ts';
import type { ModelSpec } from '../core/model.ts';

/**
 * JSON with object keys sorted, so that key order never changes a hash. Byte for byte what
 * `JSON.stringify` with a key-sorting replacer gives (keys of earlier records depend on it),
 * written out because the replacer copied every object and cost ~20 µs per request.
 */
export function stableJson(value: unknown): string {
  return encode(value) ?? 'null';
}

function encode(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return encode((v as { toJSON(): unknown }).toJSON());
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (encode(v[i]) ?? 'null');
    return out + ']';
  }
  const obj = v as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const k of Object.keys(obj).sort()) {
    const s = encode(obj[k]);
    if (s === undefined) continue; // undefined, functions and symbols are left out, as JSON.stringify does
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + s;
    first = false;
  }
  return out + '}';
}

/** The model's part of the key, the same for all its requests. */
const modelParts = new WeakMap<ModelSpec, WeakMap<GenerationParams, { identity: string; params: string }>>();

function partsFor(spec: ModelSpec, params: GenerationParams): { identity: string; params: string } {
  let byParams = modelParts.get(spec);
  if (!byParams) modelParts.set(spec, (byParams = new WeakMap()));
  let parts = byParams.get(params);
  if (!parts) {
    const identity = { adapter: spec.adapter, model: spec.model, baseURL: spec.baseURL ?? null, options: spec.options ?? null };
    byParams.set(params, (parts = { identity: stableJson(identity), params: stableJson(params) }));
  }
  return parts;
}

/** Encodings of frozen messages (a pack's shared system and fewshot turns): they cannot change. */
const frozenMessages = new WeakMap<ChatMessage, string>();

function encodeMessage(m: ChatMessage): string {
  if (!Object.isFrozen(m)) return stableJson(m);
  let json = frozenMessages.get(m);
  if (json === undefined) frozenMessages.set(m, (json = stableJson(m)));
  return json;
}

/**
 * sha256 in hex. `crypto.hash` (Node ≥ 20.12) is the one-shot form, ~4× faster than a Hash
 * object for a short input; older Node 20 releases do not have it.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** sha256 of `stableJson({ identity, messages, params })`, its first 32 hex digits. */
export function requestKey(spec: ModelSpec, messages: readonly ChatMessage[], params: GenerationParams): string {
  const parts = partsFor(spec, params);
  const json = `{"identity":${parts.identity},"messages":[${messages.map(encodeMessage).join(',')}],"params":${parts.params}}`;
  return sha256Hex(json).slice(0, 32);
}
