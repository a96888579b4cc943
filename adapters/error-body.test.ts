import { describe, expect, it } from 'vitest';
import { readErrorBody, readErrorText } from './error-body.ts';

describe('readErrorBody: every envelope of protocols.md §5.5.3', () => {
  it.each([
    ['OpenAI object', { error: { message: '한도를 초과했습니다', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }, '한도를 초과했습니다', ['insufficient_quota']],
    ['vLLM ≥ 0.10.1 (numeric code last)', { error: { message: 'too long', type: 'BadRequestError', param: null, code: 400 } }, 'too long', ['BadRequestError', '400']],
    ['vLLM < 0.10.1 flat', { object: 'error', message: 'too long', type: 'BadRequestError', param: null, code: 400 }, 'too long', ['BadRequestError', '400']],
    ['TGI / Ollama string', { error: 'Model is overloaded', error_type: 'overloaded' }, 'Model is overloaded', ['overloaded']],
    ['Ollama native string without type', { error: 'model not found' }, 'model not found', []],
    ['CLOVA status', { status: { code: '42901', message: 'Too many requests' } }, 'Too many requests', ['42901']],
    ['Gemini array', [{ error: { code: 400, message: 'API key not valid', status: 'INVALID_ARGUMENT' } }], 'API key not valid', ['INVALID_ARGUMENT', '400']],
    ['Anthropic with details', { type: 'error', error: { type: 'rate_limit_error', message: 'spend', details: { error_code: 'enforced_spend_limit_reached' } }, request_id: 'req_1' }, 'spend', ['enforced_spend_limit_reached', 'rate_limit_error']],
    ['llama.cpp loading', { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } }, 'Loading model', ['unavailable_error', '503']],
    ['unknown shape', { weird: true }, undefined, []],
    ['empty array', [], undefined, []],
  ])('%s', (_name, body, message, codes) => {
    const info = readErrorBody(body);
    expect(info.message).toBe(message);
    expect(info.codes).toEqual(codes);
  });

  it('reads non-JSON text as the message', () => {
    expect(readErrorText('<html>502 Bad Gateway</html>')).toEqual({ message: '<html>502 Bad Gateway</html>', codes: [] });
    expect(readErrorText('   ')).toEqual({ codes: [] });
  });
});
