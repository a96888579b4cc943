/**
 * The adapter contract: the only thing the runner knows about a model.
 *
 * An adapter turns one chat request into one `Generation`, or throws an `AdapterError`.
 * It never retries (the runner does, with a cap), never scores, and never writes files.
 * Everything it returns must be safe to store: no API key may appear in `raw`.
 */
import type { Item, TaskPack } from './pack.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Generation parameters in OpenAI snake_case; each adapter maps them to its wire names. */
export interface GenerationParams {
  temperature?: number;
  top_p?: number;
  top_k?: number;
  max_tokens?: number;
  stop?: string[];
  seed?: number;
  repetition_penalty?: number;
  /** Provider-specific fields passed through as-is (e.g. chat_template_kwargs, reasoning_effort). */
  extra?: Record<string, unknown>;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  params: GenerationParams;
  /**
   * The task and item being answered. Network adapters ignore it; the built-in reference
   * systems (which do not read prompts) use it to answer from the fewshot items.
   */
  task?: { pack: TaskPack; item: Item };
  /**
   * Per-attempt timeout in milliseconds. The adapter must give up by then, reading the body
   * included, and fail with code `timeout`: the runner keeps no timer of its own and passes the
   * smaller of the model's timeout and what is left of the item's deadline.
   */
  timeoutMs?: number;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'unknown';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Thinking tokens, when the provider reports them (included in outputTokens). */
  reasoningTokens?: number;
}

export interface Generation {
  /** The answer text, with thinking removed. This is what gets parsed and scored. */
  text: string;
  /** Thinking text, kept apart from the answer (reasoning fields or inline <think> blocks). */
  reasoning?: string;
  finishReason: FinishReason;
  usage?: Usage;
  latencyMs: number;
  /** Time to first token, for streamed requests. */
  ttftMs?: number;
  /** Settings the endpoint ignored or adjusted, in plain words. */
  warnings: string[];
  /** Redacted raw request/response for debugging; never contains a key. */
  raw?: { request?: unknown; response?: unknown };
}

export interface Adapter {
  /** The catalog id (`solar-pro3`, `builtin/lexical`). */
  readonly id: string;
  /** The provider's model name as sent on the wire. */
  readonly model: string;
  /**
   * `signal` is the run's: it aborts only on cancellation (Ctrl-C), shared by every request in
   * flight, so link to it with `linkAbort` (core/abort-link.ts) rather than a listener each.
   */
  generate(request: GenerateRequest, signal: AbortSignal): Promise<Generation>;
}
