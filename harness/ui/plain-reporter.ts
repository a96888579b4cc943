/**
 * The plain reporter for pipes, CI and --no-tui: a line per model × task as it finishes, lines
 * for skipped and stopped models, and a final table of domain scores with intervals. No escape
 * codes, ever.
 */
import type { RunEvent, RunListener } from '../core/events.ts';
import type { RunSummary } from '../core/summary.ts';
import { AGGREGATE_METRIC } from '../scoring/summarize.ts';
import { padDisplay } from '../text/width.ts';

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '—');

export function createPlainReporter(write: (line: string) => void): RunListener {
  let retries = 0;
  return (e: RunEvent) => {
    switch (e.type) {
      case 'run-start':
        write(`kseval run ${e.runId}: ${e.models.length} model(s) × ${e.tasks.length} task(s), ${e.total} items${e.alreadyDone ? ` (${e.alreadyDone} already done)` : ''}`);
        write(`run directory: ${e.runDir}`);
        break;
      case 'model-skipped':
        write(`skipped ${e.model}: ${e.reason}`);
        break;
      case 'model-failed':
        write(`stopped ${e.model}: ${e.reason}`);
        break;
      case 'retry':
        retries++;
        break;
      case 'task-done':
        write(`${e.model}  ${e.task}  ${e.primary} ${pct(e.value)}  (n=${e.n}, errors ${e.nError}, unparsed ${e.nUnparsed})`);
        break;
      case 'run-end':
        write('');
        for (const line of summaryTable(e.summary)) write(line);
        if (retries) write(`retries: ${retries}`);
        write(e.interrupted ? `interrupted — resume with: kseval run --resume ${e.runDir}` : `results: ${e.runDir}`);
        break;
      default:
        break;
    }
  };
}

/** Domain scores per model with 95% intervals, as aligned plain text. */
export function summaryTable(summary: RunSummary): string[] {
  const rows = summary.rows.filter((r) => r.level !== 'task' && r.metric === AGGREGATE_METRIC);
  const domains = [...new Set(rows.filter((r) => r.level === 'domain').map((r) => r.domain))].sort();
  const models = [...new Set(rows.map((r) => r.model))];
  const cols = [...domains, 'overall'];
  const cell = (model: string, col: string) => {
    const r = rows.find((x) => x.model === model && (col === 'overall' ? x.level === 'overall' : x.level === 'domain' && x.domain === col));
    return r ? `${pct(r.value)} [${pct(r.ci_low)}–${pct(r.ci_high)}]` : '—';
  };
  const width = Math.max(5, ...models.map((m) => m.length));
  const cw = 20;
  const out = [`${padDisplay('model', width)}  ${cols.map((c) => padDisplay(c, cw)).join('  ')}`];
  for (const m of models) out.push(`${padDisplay(m, width)}  ${cols.map((c) => padDisplay(cell(m, c), cw)).join('  ')}`);
  out.push('scores: mean of task primary metrics (×100), 95% bootstrap interval');
  for (const c of summary.comparisons) {
    const sig = c.ci_low > 0 || c.ci_high < 0 ? ' *' : '';
    out.push(`Δ ${c.model} − ${c.baseline} [${c.domain}]: ${pct(c.delta)} [${pct(c.ci_low)}–${pct(c.ci_high)}] p_holm=${c.p_holm.toFixed(3)}${sig}`);
  }
  return out;
}
