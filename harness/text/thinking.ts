/**
 * Separating a reasoning model's thinking from its answer when the thinking arrives inline.
 *
 * Servers without a reasoning parser pass the raw template text through: Qwen/EXAONE/DeepSeek
 * write `<think>…</think>`, Gemma-style and some CLOVA outputs use `<thought>…</thought>`.
 * EXAONE 4.0 (and DeepSeek-R1 templates) open the block in the *prompt*, so the generated text has
 * only the closing tag. Scoring the thinking as if it were the answer would reward or punish the
 * wrong text, so parsers call this first.
 */

export interface ThinkingSplit {
  /** The text outside every thinking block, trimmed. */
  answer: string;
  /** The thinking text (blocks joined by a blank line), or null when there was none. */
  reasoning: string | null;
  /** An opening tag was never closed: the output stopped while thinking (no real answer). */
  unterminated: boolean;
}

/** Opening or closing think/thought tag; attributes and inner spaces tolerated, any case. */
const TAG = /<\s*(\/?)\s*(think|thought)\b[^>]*>/giu;

/**
 * Split `text` into answer and reasoning.
 * - `<think>…</think>` / `<thought>…</thought>` blocks anywhere, any number → reasoning.
 * - A closing tag with no open block: everything written since the previous block is reasoning
 *   (the opening tag was in the prompt). This also absorbs a stray second `</think>`.
 * - An opening tag never closed: the rest is reasoning and `unterminated` is true.
 */
export function splitThinking(text: string): ThinkingSplit {
  const answerParts: string[] = [];
  const reasoningParts: string[] = [];
  let sawTag = false;
  let open = false;
  let cursor = 0;
  // Answer text since the last tag, which a stray closing tag turns into reasoning.
  let pending = '';

  for (const m of text.matchAll(TAG)) {
    const at = m.index;
    const chunk = text.slice(cursor, at);
    cursor = at + m[0].length;
    sawTag = true;
    const closing = m[1] === '/';
    if (open) {
      // Inside a block: only a closing tag ends it; a nested opening tag is part of the thought.
      if (closing) {
        reasoningParts.push(pending + chunk);
        pending = '';
        open = false;
      } else {
        pending += chunk + m[0];
      }
      continue;
    }
    if (closing) {
      // Closing without opening: what came before was thinking.
      reasoningParts.push(pending + chunk);
      pending = '';
    } else {
      answerParts.push(pending + chunk);
      pending = '';
      open = true;
    }
  }

  const tail = text.slice(cursor);
  let unterminated = false;
  if (open) {
    reasoningParts.push(pending + tail);
    unterminated = true;
  } else {
    answerParts.push(pending + tail);
  }

  const reasoning = reasoningParts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
  return {
    answer: answerParts.join('').trim(),
    reasoning: sawTag && reasoning.length > 0 ? reasoning : null,
    unterminated,
  };
}
