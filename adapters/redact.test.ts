import { describe, expect, it } from 'vitest';
import { REDACTED, redactDeep, redactText } from './redact.ts';

describe('redactText', () => {
  it.each([
    ['a known key anywhere', 'Incorrect API key provided: my-very-secret-key-123.', ['my-very-secret-key-123'], 'Incorrect API key provided: [redacted].'],
    ['OpenAI-shaped key not given to us', 'key sk-proj-abcdefghijklmnop was wrong', [], 'key [redacted] was wrong'],
    ['Anthropic key', 'x-api-key sk-ant-api03-abcdefghij', [], 'x-api-key [redacted]'],
    ['CLOVA key', '잘못된 키: nv-0123456789abcdef', [], '잘못된 키: [redacted]'],
    ['Google key', 'AIzaSyA1234567890abcdefghijkLMNOP', [], '[redacted]'],
    ['Bearer header keeps the scheme', 'Authorization: Bearer abc.def.ghi-123', [], 'Authorization: Bearer [redacted]'],
    ['labelled value', 'api_key=hunter2hunter2 rest', [], `api_key=${REDACTED} rest`],
    ['short dummy keys are left alone', 'the key abc is short', ['abc'], 'the key abc is short'],
    ['Korean text untouched', '대한민국의 수도는 서울입니다', ['secret-key-999'], '대한민국의 수도는 서울입니다'],
  ])('%s', (_name, input, secrets, expected) => {
    expect(redactText(input, secrets)).toBe(expected);
  });
});

describe('redactDeep', () => {
  it('blanks credential headers and redacts strings at any depth', () => {
    const out = redactDeep(
      { headers: { Authorization: 'Bearer x', 'X-NCP-APIGW-API-KEY': 'k2', 'x-api-key': 'k' }, body: { messages: [{ content: '키는 secret-key-999 입니다' }] }, n: 3 },
      ['secret-key-999'],
    );
    expect(out).toEqual({ headers: { Authorization: REDACTED, 'X-NCP-APIGW-API-KEY': REDACTED, 'x-api-key': REDACTED }, body: { messages: [{ content: `키는 ${REDACTED} 입니다` }] }, n: 3 });
  });
});
