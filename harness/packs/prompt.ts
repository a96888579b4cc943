/**
 * Prompting: Korean system prompt + `{{field}}` template + k fewshot examples as chat turns.
 * Fewshot answers are written exactly in the format the parser reads, so that the examples
 * teach the format.
 */
import type { ChatMessage } from '../core/adapter.ts';
import type { Gold, Item, Span, TaskPack } from '../core/pack.ts';
import { splitSentences } from '../text/sentences.ts';

export const BUILTIN_PLACEHOLDERS = ['labels', 'sentences'];
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function renderSentences(text: string): string {
  return splitSentences(text)
    .map((s, i) => `[${i + 1}] ${s}`)
    .join('\n');
}

const labelLists = new WeakMap<TaskPack, string>();

function renderLabels(pack: TaskPack): string {
  let text = labelLists.get(pack);
  if (text === undefined) {
    const desc = pack.label_descriptions ?? {};
    text = (pack.labels ?? []).map((l) => (desc[l] ? `- ${l} (${desc[l]})` : `- ${l}`)).join('\n');
    labelLists.set(pack, text);
  }
  return text;
}

export function renderTemplate(pack: TaskPack, item: Item): string {
  return pack.prompt.template.replace(PLACEHOLDER, (_, name: string) => {
    if (name === 'labels') return renderLabels(pack);
    if (name === 'sentences') return renderSentences(item.input[pack.source_field ?? ''] ?? '');
    return item.input[name] ?? '';
  });
}

/** The gold written as the ideal model answer, for fewshot turns. */
export function formatAnswer(pack: TaskPack, gold: Gold): string {
  switch (pack.kind) {
    case 'classification':
      return String(gold);
    case 'multilabel': {
      const labels = gold as string[];
      return labels.length ? labels.join('\n') : '해당 없음';
    }
    case 'extraction':
      return JSON.stringify(gold);
    case 'spans':
      return JSON.stringify((gold as Span[]).map((s) => ({ type: s.type, text: s.text })));
    case 'short-answer':
      return (gold as string[])[0] ?? '';
    case 'sentence-select':
      return JSON.stringify([...(gold as number[])].sort((a, b) => a - b));
  }
}

/**
 * The system prompt and fewshot turns are the same for every item of a pack: rendered once
 * and shared (frozen) by all its requests, so a run renders one template per item, not k+1.
 */
const prefixes = new WeakMap<TaskPack, readonly ChatMessage[]>();

function prefixFor(pack: TaskPack): readonly ChatMessage[] {
  let prefix = prefixes.get(pack);
  if (!prefix) {
    const messages: ChatMessage[] = [];
    if (pack.prompt.system.trim()) messages.push({ role: 'system', content: pack.prompt.system.trim() });
    for (const shot of pack.fewshotItems.slice(0, pack.prompt.fewshot)) {
      messages.push({ role: 'user', content: renderTemplate(pack, shot) });
      messages.push({ role: 'assistant', content: formatAnswer(pack, shot.gold) });
    }
    prefix = Object.freeze(messages.map((m) => Object.freeze(m)));
    prefixes.set(pack, prefix);
  }
  return prefix;
}

export function buildMessages(pack: TaskPack, item: Item): ChatMessage[] {
  return [...prefixFor(pack), { role: 'user', content: renderTemplate(pack, item) }];
}
