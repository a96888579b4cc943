/** Columns of the results overview: a domain tab and the overall tab. */
import type { ScoreRow } from '../core/summary.ts';
import { scoreBar } from './bars.ts';
import { compact, excludesZero, money, pct, pctInterval, ratePct, signedInterval } from './format.ts';
import type { ResultModel, ResultsData } from './results-data.ts';
import type { Segment, SegmentLike } from './segments.ts';
import type { Column } from './table.ts';

export interface OverviewRow {
  model: ResultModel;
  selected: boolean;
}

export interface ModelUsage {
  tokens: number;
  cost?: { amount: number; currency: string };
}

const NONE: Segment = { text: '—', dim: true };

const interval = (r: ScoreRow | undefined): SegmentLike => (r ? pctInterval(r.value, r.ci_low, r.ci_high) : NONE);
const errRate = (r: ScoreRow | undefined): SegmentLike => (r ? { text: ratePct(r.n_error, r.n), color: r.n_error > 0 ? 'red' : undefined, dim: r.n_error === 0 } : NONE);
const unpRate = (r: ScoreRow | undefined): SegmentLike => (r ? { text: ratePct(r.n_unparsed, r.n), color: r.n_unparsed > 0 ? 'yellow' : undefined, dim: r.n_unparsed === 0 } : NONE);
const widest = (texts: string[], min: number) => Math.max(min, ...texts.map((t) => t.length));

function leading(data: ResultsData): Column<OverviewRow>[] {
  const modelWidth = widest(data.models.map((m) => m.id), 5);
  return [
    { id: 'mark', header: ' ', width: 1, priority: 0, cell: ({ selected }) => (selected ? { text: '›', color: 'cyan', bold: true } : ' ') },
    { id: 'model', header: 'model', width: Math.min(12, modelWidth), maxWidth: Math.min(32, modelWidth), priority: 0, cell: ({ model, selected }) => ({ text: model.id, bold: selected }) },
  ];
}

function trailing(pick: (m: string) => ScoreRow | undefined): Column<OverviewRow>[] {
  return [
    { id: 'err', header: 'err%', width: 5, align: 'right', priority: 2, cell: ({ model }) => errRate(pick(model.id)) },
    { id: 'unp', header: 'unp%', width: 5, align: 'right', priority: 2, cell: ({ model }) => unpRate(pick(model.id)) },
    { id: 'n', header: 'n', width: 5, align: 'right', priority: 5, cell: ({ model }) => String(pick(model.id)?.n ?? '—') },
    { id: 'where', header: 'where', width: 6, priority: 6, cell: ({ model }) => ({ text: model.residency, dim: true }) },
  ];
}

/** One domain: score with interval, bar, difference from the best global baseline, error and unparsed rates. */
export function domainColumns(data: ResultsData, domain: string): Column<OverviewRow>[] {
  const pick = (m: string) => data.domainRow(m, domain);
  const texts = data.models.map((m) => pick(m.id)).filter((r): r is ScoreRow => r !== undefined).map((r) => pctInterval(r.value, r.ci_low, r.ci_high));
  const cols: Column<OverviewRow>[] = [
    ...leading(data),
    { id: 'bar', header: '', width: 6, maxWidth: 20, priority: 3, cell: ({ model }, w) => ({ text: scoreBar(pick(model.id)?.value ?? 0, w), color: 'blue' }) },
    { id: 'f1', header: 'F1 [95% CI]', width: widest(texts, 11), priority: 0, cell: ({ model }) => interval(pick(model.id)) },
  ];
  if (data.baseline(domain)) {
    const deltas = data.models.map((m) => data.comparison(m.id, domain)).filter((c) => c !== undefined).map((c) => signedInterval(c.delta, c.ci_low, c.ci_high));
    cols.push({
      id: 'delta',
      header: 'Δ vs global',
      width: widest(deltas, 11),
      priority: 1,
      cell: ({ model }) => {
        const c = data.comparison(model.id, domain);
        if (!c) return '';
        const sig = excludesZero(c.ci_low, c.ci_high);
        return { text: signedInterval(c.delta, c.ci_low, c.ci_high), color: sig ? (c.delta > 0 ? 'green' : 'red') : undefined, bold: sig };
      },
    });
  }
  return [...cols, ...trailing(pick)];
}

/** Overall: the mean over domains with its interval, each domain's point score, tokens and cost. */
export function overallColumns(data: ResultsData, usage?: ReadonlyMap<string, ModelUsage>): Column<OverviewRow>[] {
  const pick = (m: string) => data.overallRow(m);
  const texts = data.models.map((m) => pick(m.id)).filter((r): r is ScoreRow => r !== undefined).map((r) => pctInterval(r.value, r.ci_low, r.ci_high));
  const cols: Column<OverviewRow>[] = [
    ...leading(data),
    { id: 'bar', header: '', width: 6, maxWidth: 20, priority: 4, cell: ({ model }, w) => ({ text: scoreBar(pick(model.id)?.value ?? 0, w), color: 'blue' }) },
    { id: 'f1', header: 'overall [95% CI]', width: widest(texts, 16), priority: 0, cell: ({ model }) => interval(pick(model.id)) },
    ...data.domains.map(
      (d, i): Column<OverviewRow> => ({ id: `d:${d}`, header: d, width: Math.max(5, d.length), align: 'right', priority: 3 + i / 100, cell: ({ model }) => {
        const r = data.domainRow(model.id, d);
        return r ? pct(r.value) : NONE;
      } }),
    ),
    ...trailing(pick),
  ];
  if (usage) {
    cols.push({ id: 'tokens', header: 'tokens', width: 6, align: 'right', priority: 6, cell: ({ model }) => {
      const u = usage.get(model.id);
      return u && u.tokens > 0 ? compact(u.tokens) : NONE;
    } });
    if ([...usage.values()].some((u) => u.cost)) {
      cols.push({ id: 'cost', header: 'cost', width: 8, align: 'right', priority: 4, cell: ({ model }) => {
        const c = usage.get(model.id)?.cost;
        return c ? money(c.amount, c.currency) : NONE;
      } });
    }
  }
  return cols;
}
