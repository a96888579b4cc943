/** One item: status, scores, error, gold, parsed answer, raw output, thinking and prompt, scrollable. */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import { keyLine } from './keys.ts';
import { Line } from './Line.tsx';
import type { Segment } from './segments.ts';
import type { ResultsData } from './results-data.ts';
import { ResultsHeader } from './ResultsOverview.tsx';

export interface ItemViewProps {
  data: ResultsData;
  task: string;
  model: string;
  itemId: string;
  index: number;
  count: number;
  lines: Segment[][];
  scroll: number;
  width: number;
  height: number;
}

/** Lines of item text that fit on screen. */
export const itemRoom = (height: number): number => Math.max(3, height - 6);

export function ItemView({ data, task, model, itemId, index, count, lines, scroll, width, height }: ItemViewProps) {
  const room = itemRoom(height);
  const start = Math.max(0, Math.min(scroll, lines.length - room));
  const end = Math.min(lines.length, start + room);
  const position = lines.length > room ? `lines ${start + 1}–${end} of ${lines.length}` : '';
  return (
    <Box flexDirection="column" width={width}>
      <ResultsHeader data={data} width={width} />
      <Line segments={[{ text: task, bold: true, inverse: true }, { text: '  item ', dim: true }, { text: itemId, bold: true }, { text: '  ·  ', dim: true }, { text: model, bold: true }, { text: `   ${index + 1} of ${count}`, dim: true }]} />
      {lines.slice(start, end).map((l, i) => (
        <Line key={start + i} segments={l} />
      ))}
      <Line segments={[{ text: position || ' ', dim: true }]} />
      <Line segments={keyLine([['↑/↓ PgUp/PgDn', 'scroll'], ['←/→', 'previous/next item'], ['Esc', 'back'], ['q', 'quit']])} />
    </Box>
  );
}
