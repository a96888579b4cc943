/**
 * The lines of an item page: status, scores and error first, then gold beside the parsed answer,
 * the raw output, the thinking, and the prompt messages. Long text is wrapped by display width
 * (Hangul is two columns), between words where possible and never inside a character.
 */
import { displayWidth, wrapDisplay } from '../text/width.ts';
import { full } from './brief.ts';
import { pct } from './format.ts';
import { STATUS_COLOR, type Segment } from './segments.ts';
import type { ItemEntry } from './task-detail.ts';


function section(title: string, text: string, width: number, out: Segment[][]): void {
  out.push([]);
  out.push([{ text: `── ${title} `, color: 'cyan', bold: true }, { text: '─'.repeat(Math.max(0, Math.min(40, width - title.length - 4))), color: 'cyan', dim: true }]);
  for (const l of wrapDisplay(text === '' ? '(empty)' : text, Math.max(10, width - 2))) out.push([{ text: `  ${l}` }]);
}

export function itemLines(entry: ItemEntry, width: number): Segment[][] {
  const out: Segment[][] = [];
  const r = entry.record;
  const head: Segment[] = [{ text: 'status ', dim: true }, { text: entry.status, color: STATUS_COLOR[entry.status], bold: true }, { text: '   score ', dim: true }, { text: entry.score === undefined ? '—' : pct(entry.score), bold: true }];
  if (r) {
    head.push({ text: `   attempts ${r.attempts}   finish ${r.finish_reason ?? '—'}`, dim: true });
    if (r.latency_ms !== null) head.push({ text: `   latency ${Math.round(r.latency_ms)} ms`, dim: true });
    if (r.usage) head.push({ text: `   tokens ${r.usage.input_tokens} in / ${r.usage.output_tokens} out${r.usage.reasoning_tokens ? ` (${r.usage.reasoning_tokens} thinking)` : ''}`, dim: true });
  }
  for (const l of wrapSegments(head, width)) out.push(l);
  if (r && Object.keys(r.scores).length > 0) {
    const text = Object.entries(r.scores)
      .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(3)}`)
      .join(', ');
    for (const l of wrapDisplay(`scores: ${text}`, width)) out.push([{ text: l, dim: true }]);
  }
  if (r?.error) for (const l of wrapDisplay(`error: ${r.error.code}${r.error.status ? ` (${r.error.status})` : ''}: ${r.error.message}`, width)) out.push([{ text: l, color: 'red' }]);
  if (r && r.warnings.length > 0) for (const l of wrapDisplay(`warnings: ${r.warnings.join('; ')}`, width)) out.push([{ text: l, color: 'yellow' }]);
  if (!r) out.push([{ text: 'no record: this item never finished (resume the run to ask it)', color: 'yellow' }]);
  section('gold', full(entry.gold), width, out);
  if (r) {
    section('parsed answer', r.status === 'ok' || r.parsed !== null ? full(r.parsed) : r.status === 'unparsed' ? '(the output could not be read as an answer)' : `(no answer: ${r.status})`, width, out);
    section('output', r.output ?? '(no output)', width, out);
    if (r.reasoning) section('thinking', r.reasoning, width, out);
    r.messages.forEach((m, i) => section(`prompt ${i + 1} · ${m.role}`, m.content, width, out));
  }
  return out;
}

/** Packs segments into lines of at most `width` columns, breaking only between segments. */
function wrapSegments(segments: Segment[], width: number): Segment[][] {
  const lines: Segment[][] = [[]];
  let used = 0;
  for (const s of segments) {
    const w = displayWidth(s.text);
    if (used + w > width && lines[lines.length - 1]!.length > 0) {
      lines.push([{ ...s, text: s.text.replace(/^ +/u, '') }]);
      used = displayWidth(s.text.replace(/^ +/u, ''));
      continue;
    }
    lines[lines.length - 1]!.push(s);
    used += w;
  }
  return lines;
}
