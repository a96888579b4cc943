/**
 * The home screen: packs by domain with item counts, models by origin with residency and key
 * status, past runs; the current choice and the keys. One section is shown at a time (Tab).
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import type { TaskPack } from '../core/pack.ts';
import type { ModelEntry } from './deps.ts';
import { modelLines, runLines, suiteLines } from './home-lines.ts';
import { modelEntries, selectedItems, suiteEntries, SECTIONS, type HomeSelection, type Section } from './home-state.ts';
import { keyLine, type KeyHint } from './keys.ts';
import { Line } from './Line.tsx';
import type { PastRun } from './run-list.ts';
import type { Segment } from './segments.ts';
import { windowAround } from './viewport.ts';
import { truncateDisplay } from '../text/width.ts';

export interface HomeMessage {
  text: string;
  tone: 'info' | 'error';
}

export interface HomeScreenProps {
  packs: TaskPack[];
  models: ModelEntry[];
  runs: PastRun[];
  sel: HomeSelection;
  width: number;
  height: number;
  message?: HomeMessage;
}

const TITLES: Record<Section, string> = { suites: 'Suites', models: 'Models', runs: 'Runs' };
const ABOUT: Record<Section, string> = {
  suites: 'Choose domains and tasks to run (Space toggles a task or a whole domain).',
  models: 'Choose models (Space toggles a model or a whole group). Models without a key are skipped.',
  runs: 'Past runs, newest first. Enter opens the results.',
};

export function sectionLength(section: Section, packs: TaskPack[], models: ModelEntry[], runs: PastRun[]): number {
  return section === 'suites' ? suiteEntries(packs).length : section === 'models' ? modelEntries(models).length : runs.length;
}

export function HomeScreen({ packs, models, runs, sel, width, height, message }: HomeScreenProps) {
  const counts: Record<Section, string> = {
    suites: `${sel.tasks.size}/${packs.length}`,
    models: `${sel.models.size}/${models.length}`,
    runs: String(runs.length),
  };
  const tabs: Segment[] = [];
  for (const s of SECTIONS) {
    const label = `${TITLES[s]} ${counts[s]}`;
    tabs.push({ text: ' ' }, s === sel.section ? { text: `[${label}]`, inverse: true, bold: true } : { text: ` ${label} `, dim: true });
  }
  const cursor = sel.cursor[sel.section];
  const lines = sel.section === 'suites' ? suiteLines(suiteEntries(packs), sel, cursor, width) : sel.section === 'models' ? modelLines(modelEntries(models), sel, cursor, width) : runLines(runs, cursor, width);
  const room = Math.max(3, height - 9);
  const { start, end } = windowAround(cursor, lines.length, room);
  const items = selectedItems(sel, packs);
  const summary: Segment[] = [
    { text: 'run ', dim: true },
    { text: `${sel.tasks.size} task${sel.tasks.size === 1 ? '' : 's'}`, bold: true },
    { text: ` (${items} items per model)`, dim: true },
    { text: ' × ', dim: true },
    { text: `${sel.models.size} model${sel.models.size === 1 ? '' : 's'}`, bold: true },
    { text: '   limit ', dim: true },
    { text: sel.limit === undefined ? 'all items' : `first ${sel.limit} per task`, bold: true },
  ];
  const hints: KeyHint[] = [['Tab', 'section'], ['↑/↓', 'move'], ['Space', 'toggle'], ['a', 'all'], ['l', 'limit'], [sel.section === 'runs' ? 'Enter' : 'r', sel.section === 'runs' ? 'open run' : 'run'], ['q', 'quit']];
  return (
    <Box flexDirection="column" width={width}>
      <Line segments={[{ text: 'kseval', bold: true, color: 'cyan' }, { text: '  Korean sovereign LLMs beside global baselines', dim: true }]} />
      <Line segments={tabs} />
      <Line segments={[{ text: truncateDisplay(ABOUT[sel.section], width), dim: true }]} />
      {lines.length === 0 ? <Line segments={[{ text: sel.section === 'runs' ? '  no runs yet: start one with r' : '  nothing here', dim: true }]} /> : null}
      {lines.slice(start, end).map((l, i) => (
        <Line key={start + i} segments={l} />
      ))}
      <Line segments={[{ text: start > 0 || end < lines.length ? `  ${start + 1}–${end} of ${lines.length}` : ' ', dim: true }]} />
      <Line segments={summary} />
      <Line segments={message ? [{ text: truncateDisplay(message.text, width), color: message.tone === 'error' ? 'red' : 'cyan' }] : []} />
      <Line segments={keyLine(hints)} />
    </Box>
  );
}
