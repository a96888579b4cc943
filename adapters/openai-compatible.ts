/**
 * The `openai-compatible` adapter: one wire protocol, many servers (Upstage Solar, EXAONE on
 * FriendliAI, SKT A.X, vLLM, Ollama, llama.cpp, TGI, OpenAI, Gemini's compatible layer).
 *
 * Built on the official `openai` SDK for URL, auth and status handling, with `maxRetries: 0`
 * because the runner owns retries (one policy, visible in the run's events), and kseval's own
 * `fetch` (transport.ts: half the CPU per request of the global one). Bodies are read
 * as raw responses and parsed with zod here, because the SDK's types do not know the fields
 * that differ between servers (reasoning under three names, usage-only chunks, error frames).
 *
 * Options (`spec.options`, all optional; facts tagged [U]/[T] in protocols.md live here so a
 * config can override them):
 *   maxTokensField      'max_tokens' | 'max_completion_tokens' (OpenAI reasoning models)
 *   dropParams          parameter names the endpoint rejects; dropped with a warning
 *   streamUsage         send stream_options.include_usage (default true)
 *   inlineThinking      read <think>/<thought> tags in the content (default true)
 *   promptOpensThinking the template opens <think> in the prompt (default: when
 *                       extra.chat_template_kwargs.enable_thinking is true)
 *   headers             extra request headers
 */
import OpenAI from 'openai';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Adapter, GenerateRequest, Generation, GenerationParams } from '../harness/core/adapter.ts';
import type { ModelSpec } from '../harness/core/model.ts';
import { startDeadline } from './deadline.ts';
import { finishOrRefuse, toGeneration } from './finish.ts';
import { parseOptions } from './options.ts';
import { parseJSON } from './http.ts';
import { capturingFetch, fromSdkError, type ErrorBodies } from './openai-errors.ts';
import { CompletionSchema, pickReasoning, toUsage } from './openai-schema.ts';
import { readChatStream } from './openai-stream.ts';
import { dropParams, mergeParams } from './params.ts';
import { separateThinking } from './reasoning.ts';
import { lazyRaw } from './redact.ts';
import type { AdapterKeys } from './registry-types.ts';

export const OpenAICompatibleOptionsSchema = z.object({
  maxTokensField: z.enum(['max_tokens', 'max_completion_tokens']).default('max_tokens'),
  dropParams: z.array(z.string()).default([]),
  streamUsage: z.boolean().default(true),
  inlineThinking: z.boolean().default(true),
  promptOpensThinking: z.boolean().optional(),
  headers: z.record(z.string(), z.string()).default({}),
});
type Options = z.infer<typeof OpenAICompatibleOptionsSchema>;

/** Local servers ignore the key but the SDK refuses to start without one. */
const DUMMY_KEY = 'kseval-no-key';
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const EnableThinking = z.object({ chat_template_kwargs: z.object({ enable_thinking: z.literal(true) }) });

function buildBody(model: string, request: GenerateRequest, p: GenerationParams, o: Options, stream: boolean): ChatCompletionCreateParams {
  const standard: Record<string, unknown> = {};
  if (p.max_tokens !== undefined) standard[o.maxTokensField] = p.max_tokens;
  if (p.temperature !== undefined) standard['temperature'] = p.temperature;
  if (p.top_p !== undefined) standard['top_p'] = p.top_p;
  if (p.top_k !== undefined) standard['top_k'] = p.top_k;
  if (p.stop !== undefined) standard['stop'] = p.stop;
  if (p.seed !== undefined) standard['seed'] = p.seed;
  if (p.repetition_penalty !== undefined) standard['repetition_penalty'] = p.repetition_penalty;
  if (stream && o.streamUsage) standard['stream_options'] = { include_usage: true };
  // `extra` first so a pass-through can never replace the model, the messages or the stream flag.
  return { ...(p.extra ?? {}), ...standard, model, messages: request.messages, stream };
}

export class OpenAICompatibleAdapter implements Adapter {
  readonly id: string;
  readonly model: string;
  private readonly client: OpenAI;
  private readonly options: Options;
  private readonly bodies: ErrorBodies = new WeakMap();
  private readonly secrets: readonly (string | undefined)[];
  private readonly baseURL: string;
  /** The completions URL, as the raw request records it. */
  private readonly endpoint: string;
  private readonly label: string;

  constructor(
    private readonly spec: ModelSpec,
    keys: AdapterKeys,
  ) {
    this.id = spec.id;
    this.model = spec.model;
    this.options = parseOptions(OpenAICompatibleOptionsSchema, spec);
    this.secrets = [keys.apiKey, keys.apiKey2];
    this.baseURL = spec.baseURL ?? DEFAULT_BASE_URL;
    this.endpoint = `${this.baseURL.replace(/\/+$/, '')}/chat/completions`;
    this.label = `${spec.id} (openai-compatible)`;
    this.client = new OpenAI({
      apiKey: keys.apiKey || DUMMY_KEY,
      baseURL: this.baseURL,
      maxRetries: 0,
      defaultHeaders: this.options.headers,
      fetch: capturingFetch(this.bodies),
      logLevel: 'off',
    });
  }

  async generate(request: GenerateRequest, signal: AbortSignal): Promise<Generation> {
    const stream = this.spec.stream === true;
    const dropped = dropParams(mergeParams(this.spec, request.params), this.options.dropParams, this.label);
    const params = dropped.params;
    const body = buildBody(this.model, request, params, this.options, stream);
    const timeoutMs = request.timeoutMs ?? this.spec.timeoutMs;
    const deadline = startDeadline(signal, timeoutMs);
    const ctx = { provider: this.label, deadline, timeoutMs, secrets: this.secrets, bodies: this.bodies };
    const startedAt = performance.now();
    const rawRequest = { url: this.endpoint, body }; // redacted lazily (lazyRaw)
    try {
      let response: Response;
      try {
        response = await this.client.chat.completions
          .create(body, { signal: deadline.signal, maxRetries: 0, ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}) })
          .asResponse();
      } catch (err) {
        throw fromSdkError(err, ctx);
      }
      const promptOpensThinking = this.options.promptOpensThinking ?? EnableThinking.safeParse(params.extra ?? {}).success;
      const warnings = [...dropped.warnings];
      if (stream) {
        const s = await readChatStream(response, { ...ctx, startedAt });
        if (!s.sawDone) warnings.push('the stream ended without [DONE] after its finish_reason');
        return this.finish({ content: s.content, fieldReasoning: s.reasoning, finish: s.finishReason, usage: toUsage(s.usage), warnings, startedAt, promptOpensThinking, ttftMs: s.ttftMs, rawRequest, rawResponse: { stream: true, frames: s.frames, finish_reason: s.finishReason, usage: s.usage ?? null } });
      }
      let text: string;
      try {
        text = await response.text();
      } catch (err) {
        throw fromSdkError(err, ctx);
      }
      const { value, json } = parseJSON(text, CompletionSchema, { provider: this.label, secrets: this.secrets });
      const choice = value.choices[0];
      return this.finish({ content: choice?.message?.content ?? '', fieldReasoning: pickReasoning(choice?.message), finish: choice?.finish_reason ?? undefined, usage: toUsage(value.usage), warnings, startedAt, promptOpensThinking, rawRequest, rawResponse: json });
    } finally {
      deadline.dispose();
    }
  }

  private finish(r: {
    content: string;
    fieldReasoning?: string;
    finish?: string;
    usage: Generation['usage'];
    warnings: string[];
    startedAt: number;
    promptOpensThinking: boolean;
    ttftMs?: number;
    rawRequest: unknown;
    rawResponse: unknown;
  }): Generation {
    const finishReason = finishOrRefuse(r.finish, r.warnings, this.label, 'finish_reason');
    const sep = separateThinking({ content: r.content, fieldReasoning: r.fieldReasoning, finishReason, inline: this.options.inlineThinking, promptOpensThinking: r.promptOpensThinking });
    return toGeneration({ text: sep.text, reasoning: sep.reasoning, finishReason: sep.finishReason, usage: r.usage, startedAt: r.startedAt, ttftMs: r.ttftMs, warnings: [...r.warnings, ...sep.warnings], raw: lazyRaw(r.rawRequest, r.rawResponse, this.secrets) });
  }
}
