/**
 * Per-row counts, open weights, run date and cost.
 *
 * - Items, errors and unparsed answers are summed over the row's task results (summary.csv `n`,
 *   `n_error`, `n_unparsed`: planned test items, failures counted as wrong).
 * - Open weights come from the manifest.json of the row's latest run that lists the model (run
 *   directories only); otherwise unknown (null).
 * - Cost per 1,000 items = (input tokens × input price + output tokens × output price) / 10⁶,
 *   divided by the items that report token usage, × 1,000. Tokens come from items.csv, prices
 *   from the run's manifest (`models[].pricing`, per million tokens). Known only when every task
 *   result of the row has both, in one currency; otherwise null with the reason.
 */
import type { Cost, Inputs, MergedRow } from './board.ts';
import type { ItemBootstrap } from './item-bootstrap.ts';
import { laterFirst } from './merge.ts';
import { tokenCost } from '../core/model.ts';

export interface RowFacts {
  items: number;
  nError: number;
  nUnparsed: number;
  openWeights: boolean | null;
  runDate: string;
  cost: Cost | null;
  costNote?: string;
}

export function rowFacts(row: MergedRow, inputs: Inputs, boot: ItemBootstrap): RowFacts {
  const items = row.tasks.reduce((s, t) => s + t.n, 0);
  const nError = row.tasks.reduce((s, t) => s + t.nError, 0);
  const nUnparsed = row.tasks.reduce((s, t) => s + t.nUnparsed, 0);
  const runs = row.runIds.map((id) => inputs.runs.get(id)!).sort(laterFirst);
  const openWeights = runs.map((r) => r.models.get(row.model)?.openWeights).find((v) => v !== undefined) ?? null;
  const runDate = runs[0]!.createdAt;
  const { cost, note } = rowCost(row, inputs, boot);
  return { items, nError, nUnparsed, openWeights, runDate, cost, ...(note ? { costNote: note } : {}) };
}

function rowCost(row: MergedRow, inputs: Inputs, boot: ItemBootstrap): { cost: Cost | null; note?: string } {
  let amount = 0;
  let withUsage = 0;
  let inTok = 0;
  let outTok = 0;
  let currency: Cost['currency'] | undefined;
  for (const t of row.tasks) {
    const pricing = inputs.runs.get(t.runId)!.models.get(row.model)?.pricing;
    if (!pricing) return { cost: null, note: `no price for ${row.model} in run ${t.runId} (prices come from a run directory's manifest.json)` };
    const set = boot.set(t);
    if (!set || set.withUsage === 0) return { cost: null, note: `no token usage for ${t.task} in run ${t.runId} (tokens come from items.csv)` };
    if (currency && currency !== pricing.currency) return { cost: null, note: `prices in both ${currency} and ${pricing.currency}` };
    currency = pricing.currency;
    amount += tokenCost(pricing, set.inputTokens, set.outputTokens);
    withUsage += set.withUsage;
    inTok += set.inputTokens;
    outTok += set.outputTokens;
  }
  if (!currency) return { cost: null, note: 'no task results' };
  return { cost: { currency, per1000Items: (amount / withUsage) * 1000, itemsWithUsage: withUsage, inputTokens: inTok, outputTokens: outTok } };
}
