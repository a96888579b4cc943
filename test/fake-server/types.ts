/**
 * Public types of the fake provider server (one process, selectable dialects).
 * See index.ts for the entry point and README-style notes on each option.
 */

/**
 * Wire dialects. `clova-v1`, `clova-v3` and `anthropic` are native protocols; every other name is
 * the OpenAI chat protocol with a preset of the quirks of that server (protocols.md §5.5).
 */
export type Dialect =
  | 'openai'
  | 'vllm'
  | 'vllm-legacy'
  | 'ollama'
  | 'llamacpp'
  | 'upstage'
  | 'clova-openai'
  | 'tgi'
  | 'gemini'
  | 'sktax'
  | 'clova-v1'
  | 'clova-v3'
  | 'anthropic';

/** Where the OpenAI dialects put thinking text. */
export type ReasoningField =
  | 'reasoning' // vLLM ≥ late 2025, Ollama, Upstage
  | 'reasoning_content' // llama.cpp, older vLLM, SKT guest API
  | 'thinking_content' // CLOVA OpenAI-compatible layer
  | 'inline' // `<think>…</think>answer` in content
  | 'inline-no-open' // `…</think>answer`: EXAONE 4.0 / DeepSeek-R1 templates open the tag in the prompt
  | 'inline-thought-no-open' // `…</thought>answer`: EXAONE Deep
  | 'none'; // thinking text is not returned (counted in usage only)

export type ErrorEnvelope = 'openai' | 'flat' | 'string' | 'status' | 'array';

export interface OpenAIVariant {
  reasoningField: ReasoningField;
  errorEnvelope: ErrorEnvelope;
  /** `auto` honours `stream_options.include_usage`; `never` ignores it (older servers). */
  usageInStream: 'auto' | 'always' | 'never';
  /** vLLM `stop_reason` per choice, llama.cpp `timings`, `prompt_logprobs`: extra keys strict parsers choke on. */
  extras: boolean;
  /** `: ping` SSE comment lines between frames (llama.cpp). */
  pings: boolean;
  /** Send `data: [DONE]` at the end of a stream. */
  done: boolean;
}

export interface StatusFault {
  status: number;
  /** `retry-after` header value (seconds or an HTTP date). */
  retryAfter?: string;
  /** `retry-after-ms` header value. */
  retryAfterMs?: string;
  headers?: Record<string, string>;
  /** Provider code in the error body (e.g. `insufficient_quota`, `42901`, `enforced_spend_limit_reached`). */
  code?: string;
  message?: string;
}

export type Fault =
  | StatusFault
  /** Destroy the socket: before answering, or after `after` deltas of a stream. */
  | { kind: 'reset'; after?: number }
  /** Never answer. */
  | { kind: 'hang' }
  /** 200 with broken JSON (or a broken frame in a stream). */
  | { kind: 'malformed' }
  /** End the stream after `after` deltas (default 2) without any terminator. */
  | { kind: 'truncate'; after?: number }
  /** An error frame inside a 200 stream after `after` deltas (non-streamed requests get a 500). */
  | { kind: 'error-frame'; after: number }
  /** The dialect's content-policy refusal. */
  | { kind: 'content-filter' };

export interface ChatInput {
  model: string;
  messages: { role: string; content: string }[];
}

export type RespondResult = string | { content: string; reasoning?: string };
export type Responder = (req: ChatInput) => RespondResult;

export interface RecordedRequest {
  /** 0-based index among all requests this server received. */
  n: number;
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** Attempt header: `x-stainless-retry-count` (openai SDK) or `x-kseval-attempt`. */
  attempt?: string;
}

/** `faults[n]` for request n; holes (`undefined`) are requests answered normally. */
export type FaultPlan = (Fault | undefined)[] | ((n: number, req: RecordedRequest) => Fault | undefined);

export interface FakeServerOptions {
  dialect?: Dialect;
  /** Delay before the response headers. */
  latencyMs?: number;
  /** Delay between stream frames (default 2 ms), so frames reach the client in separate reads. */
  chunkDelayMs?: number;
  /** Answer for each request; default: deterministic text derived from the last user message. */
  respond?: Responder;
  /** Per-request faults: `faults[n]` for request n (0-based), or a function of (n, request). */
  faults?: FaultPlan;
  /** Expected key: anything else gets a 401 whose body echoes the key it got. */
  apiKey?: string;
  /** CLOVA legacy pair: expected `X-NCP-APIGW-API-KEY`. */
  apiKey2?: string;
  host?: string;
  port?: number;
  /** Overrides of the OpenAI dialect preset. */
  openai?: Partial<OpenAIVariant>;
  /** CLOVA: send `event: signal` `[DONE]` after `result` (default true; real v3 behaviour is [U]). */
  clovaSignal?: boolean;
  /** Anthropic: add a `redacted_thinking` block. */
  redactedThinking?: boolean;
}

export interface FakeServer {
  /** Base URL to put in a config: `http://127.0.0.1:PORT/v1` for OpenAI dialects, the origin for CLOVA and Anthropic. */
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Generation requests answered in full with a 2xx. */
  completed(): number;
  setFaults(faults: FaultPlan | undefined): void;
  setRespond(respond: Responder | undefined): void;
  close(): Promise<void>;
}
