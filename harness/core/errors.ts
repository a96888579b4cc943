/**
 * Errors kseval throws on purpose.
 *
 * - `AdapterError`: a model call failed. Decided from HTTP status codes and headers, never
 *   from message text, so that retry decisions do not depend on a provider's wording.
 * - `UserError`: bad input (pack, config, CSV, flag). The CLI prints it as one line
 *   `file:line: what is wrong — what to do` and exits 2, with no stack trace.
 */

export type AdapterErrorCode =
  | 'rate_limited' // 429: retry after the indicated delay
  | 'overloaded' // 529 or TGI "overloaded": retry
  | 'server_error' // 5xx
  | 'timeout' // no answer within the per-attempt timeout, or 408
  | 'network' // connection refused/reset, DNS
  | 'conflict' // 409
  | 'auth' // 401: the key is wrong or missing; stops the model
  | 'forbidden' // 403
  | 'not_found' // 404 or an unknown model
  | 'bad_request' // 400/413/422: our request is wrong; never retried
  | 'context_length' // input too long for the model
  | 'quota' // spend or quota exhausted: retrying cannot help
  | 'content_filter' // the provider refused for content policy
  | 'malformed_response' // 2xx with a body we cannot read
  | 'stream_error' // an error frame or a cut-off inside a stream
  | 'aborted'; // cancelled by us (Ctrl-C, deadline)

export interface AdapterErrorInit {
  code: AdapterErrorCode;
  status?: number;
  retryable: boolean;
  retryAfterMs?: number;
  /** Provider's own error code, if any (e.g. CLOVA `42901`, OpenAI `insufficient_quota`). */
  providerCode?: string;
  message: string;
}

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly providerCode?: string;

  constructor(init: AdapterErrorInit) {
    super(init.message);
    this.name = 'AdapterError';
    this.code = init.code;
    this.status = init.status;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.providerCode = init.providerCode;
  }
}

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

export class UserError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(message: string, where: { file?: string; line?: number; hint?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.file = where.file;
    this.line = where.line;
    this.hint = where.hint;
  }

  /** `file:line: what is wrong — what to do` */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }
}

/** Several problems found at once (e.g. by `packs validate`); each is reported on its own line. */
export class UserErrors extends Error {
  constructor(readonly problems: UserError[]) {
    super(problems.map((p) => p.format()).join('\n'));
    this.name = 'UserErrors';
  }
}
