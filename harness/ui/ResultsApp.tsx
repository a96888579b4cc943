/**
 * The results screen and its drill-down: overview (domain tabs) → a domain's tasks → a task for
 * one model (per-label F1 and items) → one item. Esc or Backspace goes back; q quits.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedRun } from '../results/load-run.ts';
import { DomainView, domainPicks, type TaskInfo } from './DomainView.tsx';
import { itemLines } from './item-lines.ts';
import { ItemView, itemRoom } from './ItemView.tsx';
import { isBack, isDown, isQuit, isUp } from './keys.ts';
import type { ModelUsage } from './results-columns.ts';
import { indexResults } from './results-data.ts';
import { ResultsOverview, tabNames } from './ResultsOverview.tsx';
import { usageByModel } from './run-records.ts';
import { loadTaskDetail, PackCache, type TaskDetail } from './task-detail.ts';
import { TaskView, type TaskPane } from './TaskView.tsx';
import { useTerminalSize, type Size } from './use-terminal-size.ts';
import { moveCursor } from './viewport.ts';
import { useRefState } from './use-ref-state.ts';
import { tokenCost } from '../core/model.ts';

export type ResultsExit = 'quit' | 'back';

type Screen =
  | { kind: 'domain'; domain: string; cursor: number }
  | { kind: 'task'; model: string; task: string; focus: TaskPane; labelCursor: number; itemCursor: number }
  | { kind: 'item'; model: string; task: string; index: number; scroll: number };

interface Nav {
  tab: number;
  cursor: number;
  stack: Screen[];
}

export interface ResultsAppProps {
  run: LoadedRun;
  onExit: (how: ResultsExit) => void;
  /** Esc on the first page goes back (to home) instead of quitting. */
  canGoBack?: boolean;
  size?: Partial<Size>;
  packs?: PackCache;
}

const detailKey = (model: string, task: string) => `${model}\u0000${task}`;

export function ResultsApp({ run, onExit, canGoBack, size, packs: givenPacks }: ResultsAppProps) {
  const data = useMemo(() => indexResults(run), [run]);
  const packs = useMemo(() => givenPacks ?? new PackCache(), [givenPacks]);
  const { columns, rows } = useTerminalSize(size);
  const width = Math.max(20, columns - 1);
  const height = Math.max(10, rows - 1);
  const [nav, getNav, setNav] = useRefState<Nav>({ tab: 0, cursor: 0, stack: [] });
  const { tab, cursor, stack } = nav;
  const [details, setDetails] = useState<ReadonlyMap<string, TaskDetail | { error: string }>>(new Map());
  const [titles, setTitles] = useState<ReadonlyMap<string, TaskInfo>>(new Map());
  const [usage, setUsage] = useState<ReadonlyMap<string, ModelUsage> | undefined>(undefined);
  const screen = stack[stack.length - 1];

  // Titles of the tasks (from the packs) and token usage (from the records), in the background.
  useEffect(() => {
    let live = true;
    void Promise.all(run.manifest.packs.map(async (p) => [p.id, await packs.load(p.dir)] as const)).then((loaded) => {
      if (live) setTitles(new Map(loaded.map(([id, l]) => [id, { title: l.pack?.title.ko, kind: l.pack?.kind }])));
    });
    usageByModel(run.dir).then(
      (u) => {
        if (!live) return;
        const out = new Map<string, ModelUsage>();
        for (const [model, t] of u) {
          const price = run.manifest.models.find((m) => m.id === model)?.pricing;
          out.set(model, { tokens: t.input + t.output, cost: price ? { amount: tokenCost(price, t.input, t.output), currency: price.currency } : undefined });
        }
        setUsage(out);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [run, packs]);

  // Records of the task being looked at, read once per (model, task) and kept.
  const wanted = screen && screen.kind !== 'domain' ? detailKey(screen.model, screen.task) : undefined;
  const inflight = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (!wanted || details.has(wanted) || inflight.current.has(wanted)) return;
    inflight.current.add(wanted);
    const [model, task] = wanted.split('\u0000') as [string, string];
    const settle = (v: TaskDetail | { error: string }) => {
      inflight.current.delete(wanted);
      if (mounted.current) setDetails((m) => new Map(m).set(wanted, v));
    };
    loadTaskDetail(run.dir, run.manifest, model, task, packs).then(settle, (e: unknown) => settle({ error: e instanceof Error ? e.message : String(e) }));
  }, [wanted, details, run, packs]);

  // Key handlers can run before React re-subscribes them after a render: read loaded data from a ref.
  const detailsRef = useRef(details);
  detailsRef.current = details;
  const loaded = wanted ? details.get(wanted) : undefined;
  const detail = loaded && !('error' in loaded) ? loaded : undefined;
  const loadError = loaded && 'error' in loaded ? loaded.error : undefined;
  const replace = (s: Screen) => setNav((n) => ({ ...n, stack: [...n.stack.slice(0, -1), s] }));
  const push = (s: Screen) => setNav((n) => ({ ...n, stack: [...n.stack, s] }));
  const pop = () => setNav((n) => ({ ...n, stack: n.stack.slice(0, -1) }));
  const tabs = tabNames(data);
  const lines = screen?.kind === 'item' && detail?.items[screen.index] ? itemLines(detail.items[screen.index]!, width) : [];

  useInput((input, key) => {
    if (isQuit(input, key)) return onExit('quit');
    const { tab, cursor, stack } = getNav();
    const screen = stack[stack.length - 1];
    if (!screen) {
      if (isBack(input, key)) return onExit(canGoBack ? 'back' : 'quit');
      if (key.leftArrow || (key.tab && key.shift) || input === 'h') setNav((n) => ({ ...n, tab: (n.tab + tabs.length - 1) % tabs.length }));
      else if (key.rightArrow || key.tab || input === 'l') setNav((n) => ({ ...n, tab: (n.tab + 1) % tabs.length }));
      else if (isUp(input, key)) setNav((n) => ({ ...n, cursor: moveCursor(n.cursor, -1, data.models.length) }));
      else if (isDown(input, key)) setNav((n) => ({ ...n, cursor: moveCursor(n.cursor, 1, data.models.length) }));
      else if (key.return && tab < data.domains.length) {
        const domain = data.domains[tab]!;
        const picks = domainPicks(data, domain);
        const model = data.models[cursor]?.id;
        push({ kind: 'domain', domain, cursor: Math.max(0, picks.findIndex((p) => p.model === model)) });
      }
      return;
    }
    if (isBack(input, key)) return pop();
    if (screen.kind === 'domain') {
      const picks = domainPicks(data, screen.domain);
      if (isUp(input, key)) replace({ ...screen, cursor: moveCursor(screen.cursor, -1, picks.length) });
      else if (isDown(input, key)) replace({ ...screen, cursor: moveCursor(screen.cursor, 1, picks.length) });
      else if (key.pageUp) replace({ ...screen, cursor: moveCursor(screen.cursor, -10, picks.length) });
      else if (key.pageDown) replace({ ...screen, cursor: moveCursor(screen.cursor, 10, picks.length) });
      else if (key.return && picks[screen.cursor]) push({ kind: 'task', ...picks[screen.cursor]!, focus: 'items', labelCursor: 0, itemCursor: 0 });
      return;
    }
    const found = detailsRef.current.get(detailKey(screen.model, screen.task));
    const detail = found && !('error' in found) ? found : undefined;
    if (screen.kind === 'task') {
      if (key.tab) return replace({ ...screen, focus: screen.focus === 'items' ? 'labels' : 'items' });
      if (!detail) return;
      const n = screen.focus === 'items' ? detail.items.length : detail.breakdown.length;
      const delta = isUp(input, key) ? -1 : isDown(input, key) ? 1 : key.pageUp ? -10 : key.pageDown ? 10 : key.home ? -n : key.end ? n : 0;
      if (delta !== 0) {
        if (screen.focus === 'items') replace({ ...screen, itemCursor: moveCursor(screen.itemCursor, delta, n) });
        else replace({ ...screen, labelCursor: moveCursor(screen.labelCursor, delta, n) });
      } else if (key.return && screen.focus === 'items' && detail.items.length > 0) push({ kind: 'item', model: screen.model, task: screen.task, index: screen.itemCursor, scroll: 0 });
      return;
    }
    // item page
    if (!detail || !detail.items[screen.index]) return;
    const lines = itemLines(detail.items[screen.index]!, width);
    const room = itemRoom(height);
    const maxScroll = Math.max(0, lines.length - room);
    const scrollBy = (d: number) => replace({ ...screen, scroll: Math.max(0, Math.min(maxScroll, screen.scroll + d)) });
    if (isUp(input, key)) scrollBy(-1);
    else if (isDown(input, key)) scrollBy(1);
    else if (key.pageUp) scrollBy(-room);
    else if (key.pageDown || input === ' ') scrollBy(room);
    else if (key.home || input === 'g') scrollBy(-lines.length);
    else if (key.end || input === 'G') scrollBy(lines.length);
    else if (key.leftArrow || key.rightArrow) {
      const index = moveCursor(screen.index, key.leftArrow ? -1 : 1, detail.items.length);
      // Keep the task page's cursor on the item being read.
      setNav((n) => ({ ...n, stack: n.stack.map((s, i) => (i === n.stack.length - 1 ? { ...screen, index, scroll: 0 } : s.kind === 'task' && i === n.stack.length - 2 ? { ...s, itemCursor: index } : s)) }));
    }
  });

  if (!screen) return <ResultsOverview data={data} tab={tab} cursor={cursor} width={width} height={height} usage={usage} canGoBack={canGoBack} />;
  if (screen.kind === 'domain') return <DomainView data={data} domain={screen.domain} cursor={screen.cursor} titles={titles} width={width} height={height} />;
  if (screen.kind === 'task') return <TaskView data={data} model={screen.model} task={screen.task} detail={detail} error={loadError} focus={screen.focus} labelCursor={screen.labelCursor} itemCursor={screen.itemCursor} width={width} height={height} />;
  const entry = detail?.items[screen.index];
  return <ItemView data={data} task={screen.task} model={screen.model} itemId={entry?.id ?? '…'} index={screen.index} count={detail?.items.length ?? 0} lines={lines} scroll={screen.scroll} width={width} height={height} />;
}
