/**
 * The `anthropic` adapter: Claude through the Messages API with plain fetch.
 *
 * Not the SDK: newer `@anthropic-ai/sdk` releases were seen sending `Authorization: Bearer` with a
 * newer `anthropic-version` (protocols.md §6.3), and the wire format here is small and stable.
 * `x-api-key` + `anthropic-version` (default `2023-06-01`, `options.version` to change), system
 * prompt as the top-level `system`, `max_tokens` always sent (required; default 1024).
 *
 * Options: version, beta (→ anthropic-beta), defaultMaxTokens, dropParams, headers.
 * Extended thinking is a pass-through: `params.extra.thinking: {type: enabled, budget_tokens: N}`.
 */
import { z } from 'zod';
import type { Adapter, ChatMessage, GenerateRequest, Generation, GenerationParams } from '../harness/core/adapter.ts';
import type { ModelSpec } from '../harness/core/model.ts';
import { anthropicUsage, MessageSchema, readBlocks, type Blocks } from './anthropic-schema.ts';
import { readAnthropicStream } from './anthropic-stream.ts';
import { startDeadline } from './deadline.ts';
import { finishOrRefuse, toGeneration } from './finish.ts';
import { postJSON, readJSON, type PostContext } from './http.ts';
import { parseOptions } from './options.ts';
import { dropParams, mergeParams, unsupportedWarnings } from './params.ts';
import { lazyRaw } from './redact.ts';
import type { AdapterKeys } from './registry-types.ts';

export const AnthropicOptionsSchema = z.object({
  version: z.string().default('2023-06-01'),
  beta: z.string().optional(),
  defaultMaxTokens: z.number().int().positive().default(1024),
  dropParams: z.array(z.string()).default([]),
  headers: z.record(z.string(), z.string()).default({}),
});
type AnthropicOptions = z.infer<typeof AnthropicOptionsSchema>;

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export function messagesURL(baseURL: string | undefined): string {
  const base = (baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  return base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
}

function buildBody(model: string, messages: ChatMessage[], p: GenerationParams, o: AnthropicOptions, stream: boolean): Record<string, unknown> {
  // There is no system role in `messages`; all system text goes to the top-level field.
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
  const body: Record<string, unknown> = { ...(p.extra ?? {}) };
  body['model'] = model;
  body['max_tokens'] = p.max_tokens ?? o.defaultMaxTokens;
  if (system !== '') body['system'] = system;
  body['messages'] = messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content }));
  if (p.temperature !== undefined) body['temperature'] = p.temperature;
  if (p.top_p !== undefined) body['top_p'] = p.top_p;
  if (p.top_k !== undefined) body['top_k'] = p.top_k;
  if (p.stop !== undefined) body['stop_sequences'] = p.stop;
  if (stream) body['stream'] = true;
  return body;
}

export class AnthropicAdapter implements Adapter {
  readonly id: string;
  readonly model: string;
  private readonly options: AnthropicOptions;
  private readonly secrets: readonly (string | undefined)[];
  private readonly label: string;

  constructor(
    private readonly spec: ModelSpec,
    private readonly keys: AdapterKeys,
  ) {
    this.id = spec.id;
    this.model = spec.model;
    this.options = parseOptions(AnthropicOptionsSchema, spec);
    this.secrets = [keys.apiKey, keys.apiKey2];
    this.label = `${spec.id} (anthropic)`;
  }

  async generate(request: GenerateRequest, signal: AbortSignal): Promise<Generation> {
    const stream = this.spec.stream === true;
    const dropped = dropParams(mergeParams(this.spec, request.params), this.options.dropParams, this.label);
    const warnings = [...dropped.warnings, ...unsupportedWarnings(dropped.params, ['seed', 'repetition_penalty'], 'the Anthropic Messages API')];
    const body = buildBody(this.model, request.messages, dropped.params, this.options, stream);
    const headers: Record<string, string> = {
      ...this.options.headers,
      'x-api-key': this.keys.apiKey ?? '',
      'anthropic-version': this.options.version,
      accept: stream ? 'text/event-stream' : 'application/json',
      ...(this.options.beta ? { 'anthropic-beta': this.options.beta } : {}),
    };
    const url = messagesURL(this.spec.baseURL);
    const timeoutMs = request.timeoutMs ?? this.spec.timeoutMs;
    const deadline = startDeadline(signal, timeoutMs);
    const ctx: PostContext = { provider: this.label, deadline, timeoutMs, secrets: this.secrets };
    const startedAt = performance.now();
    const rawRequest = { url, headers, body }; // redacted lazily (lazyRaw)
    try {
      const response = await postJSON(url, headers, body, ctx);
      if (stream) {
        const s = await readAnthropicStream(response, { ...ctx, startedAt });
        const rawResponse = { stream: true, frames: s.frames, stop_reason: s.stopReason ?? null, usage: s.usage };
        return this.finish(s, s.stopReason, anthropicUsage(s.usage), { warnings, startedAt, ttftMs: s.ttftMs, rawRequest, rawResponse });
      }
      const { value, json } = await readJSON(response, MessageSchema, ctx);
      return this.finish(readBlocks(value.content), value.stop_reason ?? undefined, anthropicUsage(value.usage), { warnings, startedAt, rawRequest, rawResponse: json });
    } finally {
      deadline.dispose();
    }
  }

  private finish(
    blocks: Blocks,
    stopReason: string | undefined,
    usage: Generation['usage'],
    r: { warnings: string[]; startedAt: number; ttftMs?: number; rawRequest: unknown; rawResponse: unknown },
  ): Generation {
    const warnings = [...r.warnings];
    const finishReason = finishOrRefuse(stopReason, warnings, this.label, 'stop_reason');
    if (blocks.redacted > 0) warnings.push(`${blocks.redacted} redacted_thinking block(s): thinking encrypted by the provider, not recorded`);
    const reasoning = blocks.thinking.join('\n\n');
    return toGeneration({ text: blocks.text, reasoning: reasoning !== '' ? reasoning : undefined, finishReason, usage, startedAt: r.startedAt, ttftMs: r.ttftMs, warnings, raw: lazyRaw(r.rawRequest, r.rawResponse, this.secrets) });
  }
}
