/**
 * The `clova-studio` adapter: HyperCLOVA X through CLOVA Studio's native chat completions,
 * v3 (`/v3/chat-completions/{model}`: HCX-005, HCX-DASH-002, HCX-007) and v1 (`HCX-003`),
 * with the optional `testapp`/`serviceapp` prefix of legacy keys.
 *
 * Plain fetch: the openai SDK cannot speak this protocol (model in the path, camelCase body,
 * `status`/`result` envelope, named SSE events; protocols.md §7.1).
 * Options: see ClovaOptionsSchema in clova-request.ts.
 */
import type { Adapter, GenerateRequest, Generation, Usage } from '../harness/core/adapter.ts';
import type { ModelSpec } from '../harness/core/model.ts';
import { clovaBody, clovaHeaders, clovaURL, ClovaOptionsSchema, type ClovaOptions } from './clova-request.ts';
import { aiFilterWarnings, clovaUsage, EnvelopeSchema, OK_CODES, type ClovaResult } from './clova-schema.ts';
import { readClovaStream } from './clova-stream.ts';
import { startDeadline } from './deadline.ts';
import { errorFromResponse, malformedResponse } from './errors.ts';
import { finishOrRefuse, toGeneration } from './finish.ts';
import { postJSON, readJSON, type PostContext } from './http.ts';
import { parseOptions } from './options.ts';
import { dropParams, mergeParams } from './params.ts';
import { separateThinking } from './reasoning.ts';
import { lazyRaw } from './redact.ts';
import type { AdapterKeys } from './registry-types.ts';

export class ClovaStudioAdapter implements Adapter {
  readonly id: string;
  readonly model: string;
  private readonly options: ClovaOptions;
  private readonly secrets: readonly (string | undefined)[];
  private readonly label: string;

  constructor(
    private readonly spec: ModelSpec,
    private readonly keys: AdapterKeys,
  ) {
    this.id = spec.id;
    this.model = spec.model;
    this.options = parseOptions(ClovaOptionsSchema, spec);
    this.secrets = [keys.apiKey, keys.apiKey2];
    this.label = `${spec.id} (clova-studio ${this.options.apiVersion})`;
  }

  async generate(request: GenerateRequest, signal: AbortSignal): Promise<Generation> {
    const stream = this.spec.stream === true;
    const dropped = dropParams(mergeParams(this.spec, request.params), this.options.dropParams, this.label);
    const { body, warnings: bodyWarnings } = clovaBody(request.messages, dropped.params, this.options);
    const url = clovaURL(this.spec.baseURL, this.options, this.model);
    const headers = clovaHeaders(this.keys, this.options, stream);
    const timeoutMs = request.timeoutMs ?? this.spec.timeoutMs;
    const deadline = startDeadline(signal, timeoutMs);
    const ctx: PostContext = { provider: this.label, deadline, timeoutMs, secrets: this.secrets };
    const startedAt = performance.now();
    const warnings = [...dropped.warnings, ...bodyWarnings];
    const rawRequest = { url, headers, body }; // redacted lazily (lazyRaw)
    try {
      const response = await postJSON(url, headers, body, ctx);
      if (stream) {
        const s = await readClovaStream(response, { ...ctx, startedAt });
        return this.finish(s.result, { warnings, startedAt, ttftMs: s.ttftMs, fallbackContent: s.streamedContent, fallbackThinking: s.streamedThinking, rawRequest, rawResponse: { stream: true, frames: s.frames, result: s.result } });
      }
      const { value, json } = await readJSON(response, EnvelopeSchema, ctx);
      const code = value.status ? String(value.status.code) : '20000';
      if (!OK_CODES.has(code)) {
        throw errorFromResponse({ provider: this.label, status: response.status, headers: response.headers, body: json, secrets: this.secrets });
      }
      if (!value.result) throw malformedResponse(this.label, 'no `result` in the response', false, this.secrets);
      return this.finish(value.result, { warnings, startedAt, rawRequest, rawResponse: json });
    } finally {
      deadline.dispose();
    }
  }

  private finish(
    result: ClovaResult,
    r: { warnings: string[]; startedAt: number; ttftMs?: number; fallbackContent?: string; fallbackThinking?: string; rawRequest: unknown; rawResponse: unknown },
  ): Generation {
    const warnings = [...r.warnings, ...aiFilterWarnings(result)];
    const rawFinish = result.finishReason ?? result.stopReason;
    const finishReason = finishOrRefuse(rawFinish, warnings, this.label, 'finish reason');
    const content = result.message?.content ?? r.fallbackContent ?? '';
    const thinking = result.message?.thinkingContent || r.fallbackThinking || undefined;
    const sep = separateThinking({ content, fieldReasoning: thinking, finishReason, inline: this.options.inlineThinking, promptOpensThinking: false });
    const usage: Usage | undefined = clovaUsage(result);
    return toGeneration({ text: sep.text, reasoning: sep.reasoning, finishReason: sep.finishReason, usage, startedAt: r.startedAt, ttftMs: r.ttftMs, warnings: [...warnings, ...sep.warnings], raw: lazyRaw(r.rawRequest, r.rawResponse, this.secrets) });
  }
}
