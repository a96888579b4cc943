/**
 * What the fake model says, and how much of it fits in the token budget.
 *
 * Tokens are counted as one per two characters (code points), deterministic and easy to assert.
 * Thinking comes first, then the answer, as real reasoning models produce them; a budget that
 * runs out inside the thinking leaves an empty answer — the case adapters must report as `length`.
 */
import type { ChatInput, Responder } from './types.ts';

export function fakeTokens(text: string): number {
  return Math.ceil([...text].length / 2);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function lastUser(messages: ChatInput['messages']): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.role === 'user') return m.content;
  }
  return '';
}

/** Deterministic answer from the last user message, so repeated runs are byte-identical. */
export const defaultRespond: Responder = ({ messages }) => {
  const question = lastUser(messages);
  const tag = fnv1a(question).toString(16).padStart(8, '0').slice(0, 6);
  const firstLine = (question.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const snippet = [...firstLine].slice(0, 24).join('');
  return {
    content: `모의 응답 ${tag}: ${snippet}`,
    reasoning: `질문을 검토합니다 (${tag}).`,
  };
};

export interface Plan {
  reasoning: string;
  content: string;
  finish: 'stop' | 'length';
  /** True when the budget ran out before the thinking ended. */
  cutInReasoning: boolean;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

export function plan(input: ChatInput, respond: Responder, maxTokens: number | undefined, withReasoning: boolean): Plan {
  const answer = respond(input);
  const full = typeof answer === 'string' ? { content: answer, reasoning: '' } : { content: answer.content, reasoning: answer.reasoning ?? '' };
  const reasoningFull = withReasoning ? full.reasoning : '';
  const inputTokens = fakeTokens(input.messages.map((m) => m.content).join(''));
  let reasoning = reasoningFull;
  let content = full.content;
  let finish: Plan['finish'] = 'stop';
  let cutInReasoning = false;
  if (maxTokens !== undefined) {
    const budget = maxTokens * 2;
    const r = [...reasoningFull];
    const c = [...full.content];
    if (r.length > budget) {
      reasoning = r.slice(0, budget).join('');
      content = '';
      finish = 'length';
      cutInReasoning = true;
    } else if (r.length + c.length > budget) {
      content = c.slice(0, budget - r.length).join('');
      finish = 'length';
    }
  }
  const reasoningTokens = fakeTokens(reasoning);
  return { reasoning, content, finish, cutInReasoning, inputTokens, outputTokens: reasoningTokens + fakeTokens(content), reasoningTokens };
}

/** Splits text into small deltas (three code points each), as a token stream would. */
export function deltas(text: string, size = 3): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}
