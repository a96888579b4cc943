/**
 * Collects every input problem before failing, so that one run of `kseval leaderboard` lists
 * all of them (`file:line: column — problem — what to do`), then throws them together as
 * `UserErrors` (the CLI prints each and exits 2). Nothing is written while problems exist.
 */
import { UserError, UserErrors } from '../core/errors.ts';

/** After this many, the rest are counted, not listed. */
const MAX_LISTED = 50;

/** Shows a cell's text safely on a terminal: quoted, control characters escaped, cut short. */
export function quoteCell(value: unknown, max = 40): string {
  const s = typeof value === 'string' ? value : String(value);
  const cut = [...s].length > max ? `${[...s].slice(0, max).join('')}…` : s;
  return JSON.stringify(cut);
}

export class Problems {
  private readonly list: UserError[] = [];
  private extra = 0;

  add(file: string, line: number | undefined, what: string, hint: string): void {
    if (this.list.length >= MAX_LISTED) {
      this.extra++;
      return;
    }
    this.list.push(new UserError(what, { file, line, hint }));
  }

  /** `column — problem` at a row. */
  cell(file: string, line: number, column: string, problem: string, hint: string): void {
    this.add(file, line, `${column} — ${problem}`, hint);
  }

  get count(): number {
    return this.list.length + this.extra;
  }

  /** Throws when anything was found; the last line says how many were not listed. */
  throwIfAny(): void {
    if (this.count === 0) return;
    const problems = [...this.list];
    if (this.extra > 0) problems.push(new UserError(`… and ${this.extra} more problem(s) not listed`, { hint: 'fix the ones above and run again' }));
    if (problems.length === 1) throw problems[0]!;
    throw new UserErrors(problems);
  }
}
