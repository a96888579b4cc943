/**
 * The home screen's keys: choose suites and models, start a run (planned through the CLI's
 * deps, errors shown in place), or open a past run. It ends by handing a choice to home-entry.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { UserError, UserErrors } from '../core/errors.ts';
import type { TaskPack } from '../core/pack.ts';
import { loadRun, type LoadedRun } from '../results/load-run.ts';
import type { RunPlan } from '../runner/plan.ts';
import type { HomeDeps, ModelEntry } from './deps.ts';
import { defaultSelection, modelEntries, nextLimit, runRequest, SECTIONS, suiteEntries, toggleAllModels, toggleAllTasks, toggleModelEntry, toggleSuiteEntry, type HomeSelection } from './home-state.ts';
import { HomeScreen, sectionLength, type HomeMessage } from './HomeScreen.tsx';
import { isDown, isQuit, isUp } from './keys.ts';
import { describeRun, type PastRun } from './run-list.ts';
import { useTerminalSize, type Size } from './use-terminal-size.ts';
import { moveCursor } from './viewport.ts';
import { useRefState } from './use-ref-state.ts';

export type HomeChoice = { kind: 'quit' } | { kind: 'run'; plan: RunPlan } | { kind: 'view'; run: LoadedRun };

export interface HomeAppProps {
  deps: HomeDeps;
  /** The selection to start from (kept when coming back from a run). */
  initial?: HomeSelection;
  onDone: (choice: HomeChoice, selection: HomeSelection | undefined) => void;
  size?: Partial<Size>;
}

function describeError(e: unknown): string {
  if (e instanceof UserErrors) return e.problems.map((p) => p.format()).join('; ');
  if (e instanceof UserError) return e.format();
  return e instanceof Error ? e.message : String(e);
}

export function HomeApp({ deps, initial, onDone, size }: HomeAppProps) {
  const { columns, rows } = useTerminalSize(size);
  const width = Math.max(20, columns - 1);
  const height = Math.max(10, rows - 1);
  const [lists, getLists, setLists] = useRefState<{ packs?: TaskPack[]; models?: ModelEntry[] }>({});
  const { packs, models } = lists;
  const runs = useMemo<PastRun[]>(() => deps.listRuns().map(describeRun), [deps]);
  const [sel, getSel, setSel] = useRefState<HomeSelection | undefined>(initial);
  const [message, setMessage] = useState<HomeMessage | undefined>(undefined);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    Promise.all([deps.listPacks(), deps.listModels()]).then(
      ([p, m]) => {
        if (!live) return;
        setLists({ packs: p, models: m });
        setSel((s) => s ?? { ...defaultSelection(p, m), section: p.length === 0 ? 'runs' : 'suites' });
      },
      (e: unknown) => live && setMessage({ text: describeError(e), tone: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [deps]);

  const start = (current: HomeSelection) => {
    const { packs, models } = getLists();
    if (!packs || !models) return;
    const req = runRequest(current, packs, models);
    if (typeof req === 'string') return setMessage({ text: req, tone: 'error' });
    busy.current = true;
    setMessage({ text: 'planning the run…', tone: 'info' });
    deps.plan(req).then(
      (plan) => onDone({ kind: 'run', plan }, current),
      (e: unknown) => {
        busy.current = false;
        setMessage({ text: describeError(e), tone: 'error' });
      },
    );
  };

  useInput((input, key) => {
    const sel = getSel();
    const { packs, models } = getLists();
    if (isQuit(input, key) || key.escape) return onDone({ kind: 'quit' }, sel);
    if (!sel || !packs || !models || busy.current) return;
    const section = sel.section;
    const count = sectionLength(section, packs, models, runs);
    const cursor = sel.cursor[section];
    const move = (d: number) => setSel({ ...sel, cursor: { ...sel.cursor, [section]: moveCursor(cursor, d, count) } });
    if (key.tab || key.rightArrow || key.leftArrow) {
      const step = key.leftArrow || (key.tab && key.shift) ? -1 : 1;
      const i = SECTIONS.indexOf(section);
      setSel({ ...sel, section: SECTIONS[(i + step + SECTIONS.length) % SECTIONS.length]! });
      setMessage(undefined);
    } else if (isUp(input, key)) move(-1);
    else if (isDown(input, key)) move(1);
    else if (key.pageUp) move(-10);
    else if (key.pageDown) move(10);
    else if (input === ' ' && section === 'suites') {
      const e = suiteEntries(packs)[cursor];
      if (e) setSel(toggleSuiteEntry(sel, e));
    } else if (input === ' ' && section === 'models') {
      const e = modelEntries(models)[cursor];
      if (e) setSel(toggleModelEntry(sel, e));
    } else if (input === 'a' && section === 'suites') setSel(toggleAllTasks(sel, packs));
    else if (input === 'a' && section === 'models') setSel(toggleAllModels(sel, models));
    else if (input === 'l') setSel(nextLimit(sel));
    else if (key.return && section === 'runs') {
      const run = runs[cursor];
      if (!run) return;
      try {
        onDone({ kind: 'view', run: loadRun(run.dir) }, sel);
      } catch (e) {
        setMessage({ text: describeError(e), tone: 'error' });
      }
    } else if (input === 'r' || key.return) start(sel);
  });

  if (!packs || !models || !sel) {
    return <HomeScreen packs={[]} models={[]} runs={runs} sel={sel ?? { section: 'suites', tasks: new Set(), models: new Set(), limit: undefined, cursor: { suites: 0, models: 0, runs: 0 } }} width={width} height={height} message={message ?? { text: 'reading packs and models…', tone: 'info' }} />;
  }
  return <HomeScreen packs={packs} models={models} runs={runs} sel={sel} width={width} height={height} message={message} />;
}
