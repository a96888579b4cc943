/** Mounts the results screen until the user quits (q) or goes back (Esc on the first page). */
import { render } from 'ink';
import { createElement } from 'react';
import type { LoadedRun } from '../results/load-run.ts';
import { ResultsApp, type ResultsExit } from './ResultsApp.tsx';
import { inkOptions } from './terminal.ts';

export async function showResults(run: LoadedRun, opts: { canGoBack?: boolean } = {}): Promise<ResultsExit> {
  let how: ResultsExit = 'quit';
  let instance: ReturnType<typeof render> | undefined;
  const onExit = (h: ResultsExit) => {
    how = h;
    instance?.unmount();
  };
  instance = render(createElement(ResultsApp, { run, onExit, canGoBack: opts.canGoBack }), inkOptions());
  await instance.waitUntilExit();
  return how;
}
