/**
 * `kseval` in a terminal: the home screen, then a run (run screen → results) or a past run's
 * results; Esc on the results goes back home with the same choices. Off a terminal it prints a
 * hint instead (never escape codes).
 */
import { render } from 'ink';
import { createElement } from 'react';
import type { HomeDeps } from './deps.ts';
import { HomeApp, type HomeChoice } from './HomeApp.tsx';
import type { HomeSelection } from './home-state.ts';
import { showResults } from './results-flow.ts';
import { runFlow } from './run-flow.ts';
import { canDrawUi, inkOptions } from './terminal.ts';

async function showHome(deps: HomeDeps, initial: HomeSelection | undefined): Promise<{ choice: HomeChoice; selection?: HomeSelection }> {
  let out: { choice: HomeChoice; selection?: HomeSelection } = { choice: { kind: 'quit' } };
  let instance: ReturnType<typeof render> | undefined;
  const onDone = (choice: HomeChoice, selection: HomeSelection | undefined) => {
    out = { choice, selection };
    instance?.clear(); // the menu has done its job: leave the screen to the run or results
    instance?.unmount();
  };
  instance = render(createElement(HomeApp, { deps, initial, onDone }), inkOptions());
  await instance.waitUntilExit();
  return out;
}

export async function openHome(deps: HomeDeps): Promise<number> {
  if (!canDrawUi()) {
    process.stdout.write('kseval: the home screen needs a terminal; see kseval --help\n');
    return 0;
  }
  let code = 0;
  let selection: HomeSelection | undefined;
  for (;;) {
    const next = await showHome(deps, selection);
    selection = next.selection ?? selection;
    const choice = next.choice;
    if (choice.kind === 'quit') return code;
    if (choice.kind === 'view') {
      if ((await showResults(choice.run, { canGoBack: true })) === 'quit') return code;
      continue;
    }
    const controller = new AbortController();
    const onSignal = () => controller.abort(new Error('interrupted'));
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const result = await runFlow(choice.plan, controller, { canGoBack: true });
      code = result.code;
      if (result.next === 'quit') return code;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
