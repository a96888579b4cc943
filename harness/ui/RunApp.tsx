/**
 * The live run screen: reads snapshots published by the run's timer (never per event) and
 * turns Ctrl-C into a clean stop; a second Ctrl-C asks the caller to quit at once.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { useInput } from 'ink';
import { useRef, useSyncExternalStore } from 'react';
import { RunScreen } from './RunScreen.tsx';
import type { RunView } from './run-view.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { useTerminalSize, type Size } from './use-terminal-size.ts';

export interface RunAppProps {
  store: SnapshotStore<RunView>;
  /** First Ctrl-C: stop the run cleanly. */
  onStop: () => void;
  /** Second Ctrl-C: give up waiting. */
  onForceQuit: () => void;
  size?: Partial<Size>;
}

export function RunApp({ store, onStop, onForceQuit, size }: RunAppProps) {
  const view = useSyncExternalStore(store.subscribe, store.get);
  const { columns, rows } = useTerminalSize(size);
  const presses = useRef(0);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      presses.current++;
      if (presses.current === 1) onStop();
      else onForceQuit();
    }
  });
  return <RunScreen view={view} width={columns} height={rows} />;
}
