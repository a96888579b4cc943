/**
 * Every planned unit's outcome and where its record sits in records.jsonl, indexed by plan
 * position (model, pack, item). No string key per unit and one small object per finished unit:
 * what a 100,000-item run holds between its requests and its end-of-run files.
 */
import type { RecordStatus } from '../core/record.ts';
import type { RecordAt } from '../results/records-file.ts';
import type { Outcome } from '../scoring/summarize.ts';

/** A finished unit: its outcome (for scores) and its record's byte range (for items.csv). */
export interface Stored extends Outcome, RecordAt {}

export function stored(status: RecordStatus, parsed: unknown, at: RecordAt): Stored {
  return { status, parsed, offset: at.offset, length: at.length, line: at.line };
}

export class OutcomeTable {
  private readonly cells: Array<Array<Array<Stored | undefined>>>;

  /** `sizes[p]`: the number of test items of pack p, the same for every model. */
  constructor(models: number, sizes: number[]) {
    this.cells = Array.from({ length: models }, () => sizes.map((n) => new Array<Stored | undefined>(n).fill(undefined)));
  }

  get(model: number, pack: number, item: number): Stored | undefined {
    return this.cells[model]![pack]![item];
  }

  set(model: number, pack: number, item: number, s: Stored | undefined): void {
    this.cells[model]![pack]![item] = s;
  }
}
