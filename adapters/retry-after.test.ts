import { describe, expect, it } from 'vitest';
import { parseDuration, retryAfterMs } from './retry-after.ts';

const NOW = Date.parse('2026-10-01T00:00:00Z');
const h = (o: Record<string, string>): Headers => new Headers(o);

describe('parseDuration', () => {
  it.each([
    ['6m0s', 360_000],
    ['12ms', 12],
    ['12s', 12_000],
    ['1h2m3.5s', 3_723_500],
    ['0.5s', 500],
    ['2', 2_000],
    ['1m30s', 90_000],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '2026-10-01T00:00:10Z', '5 minutes'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('retryAfterMs', () => {
  it.each([
    ['retry-after seconds', { 'retry-after': '20' }, 429, 20_000],
    ['retry-after fractional seconds', { 'retry-after': '1.5' }, 503, 1_500],
    ['retry-after HTTP date', { 'retry-after': 'Thu, 01 Oct 2026 00:00:30 GMT' }, 429, 30_000],
    ['retry-after date in the past', { 'retry-after': 'Thu, 01 Oct 2026 00:00:00 GMT' }, 429, 0],
    ['retry-after-ms wins over retry-after', { 'retry-after-ms': '1500', 'retry-after': '20' }, 429, 1_500],
    ['openai reset, requests exhausted', { 'x-ratelimit-reset-requests': '6m0s', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-tokens': '12ms', 'x-ratelimit-remaining-tokens': '500' }, 429, 360_000],
    ['openai reset, tokens exhausted', { 'x-ratelimit-reset-requests': '6m0s', 'x-ratelimit-remaining-requests': '3', 'x-ratelimit-reset-tokens': '12s', 'x-ratelimit-remaining-tokens': '0' }, 429, 12_000],
    ['openai reset, none marked: the longest', { 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '12s' }, 429, 12_000],
    ['anthropic RFC 3339 reset', { 'anthropic-ratelimit-requests-reset': '2026-10-01T00:00:45Z', 'anthropic-ratelimit-requests-remaining': '0' }, 429, 45_000],
    ['anthropic output-tokens reset', { 'anthropic-ratelimit-output-tokens-reset': '2026-10-01T00:00:05Z' }, 429, 5_000],
    ['reset headers ignored on a 5xx', { 'x-ratelimit-reset-requests': '6m0s' }, 503, undefined],
    ['nothing', {}, 429, undefined],
    ['unreadable retry-after falls through to resets', { 'retry-after': 'later', 'x-ratelimit-reset-tokens': '3s' }, 429, 3_000],
  ])('%s', (_name, headers, status, expected) => {
    expect(retryAfterMs(h(headers), status, NOW)).toBe(expected);
  });
});
