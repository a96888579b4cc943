/**
 * Keeps thinking out of the answer, whichever way a server delivers it: a separate field
 * (`reasoning`, `reasoning_content`, `thinking_content`, `thinkingContent`) or inline tags in the
 * content (`<think>…</think>`, or only `…</think>` when the template opened the block in the prompt).
 *
 * The case that matters most for scoring: the token budget ran out while the model was still
 * thinking. Then there is no answer at all, and the runner must see `finishReason: 'length'`
 * with the partial thinking in `reasoning` and an empty `text` (it marks the record
 * `incomplete`), rather than a "short answer" that is really half a thought.
 */
import type { FinishReason } from '../harness/core/adapter.ts';
import { splitThinking } from '../harness/text/thinking.ts';

const ANY_TAG = /<\s*\/?\s*(?:think|thought)\b/i;

export interface ThinkingInput {
  content: string;
  /** Thinking delivered in a separate field, if any. */
  fieldReasoning?: string | null;
  finishReason: FinishReason;
  /** Look for inline tags in the content (on by default; `options.inlineThinking: false` turns it off). */
  inline: boolean;
  /**
   * The chat template opens the thinking block in the prompt (EXAONE 4.0 with
   * `enable_thinking`), so an output cut off before `</think>` carries no tag at all.
   */
  promptOpensThinking: boolean;
}

export interface Separated {
  text: string;
  reasoning?: string;
  finishReason: FinishReason;
  warnings: string[];
}

export function separateThinking(input: ThinkingInput): Separated {
  const warnings: string[] = [];
  const field = input.fieldReasoning ?? undefined;
  let content = input.content;
  let inlineReasoning: string | undefined;
  let unterminated = false;

  if (input.inline) {
    // Only when nothing else could explain a tagless cut-off: no separate reasoning field, and
    // the budget (not the model) ended the output. A finished tagless answer stays an answer.
    if (input.promptOpensThinking && input.finishReason === 'length' && !field && !ANY_TAG.test(content)) {
      content = `<think>${content}`;
    }
    if (ANY_TAG.test(content)) {
      const split = splitThinking(content);
      content = split.answer;
      inlineReasoning = split.reasoning ?? undefined;
      unterminated = split.unterminated;
    }
  }

  const parts = [field, inlineReasoning].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const reasoning = parts.length > 0 ? parts.join('\n\n') : undefined;
  if (unterminated && input.finishReason !== 'length') {
    warnings.push(`the output ended inside a thinking block (finish: ${input.finishReason}); no answer after it`);
  }
  return { text: unterminated ? '' : content, reasoning, finishReason: input.finishReason, warnings };
}
