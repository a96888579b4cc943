/** The key legend line at the bottom of every screen, and key-name helpers. */
import type { Key } from 'ink';
import type { Segment } from './segments.ts';

export type KeyHint = [keys: string, action: string];

export function keyLine(hints: KeyHint[]): Segment[] {
  const out: Segment[] = [];
  hints.forEach(([k, action], i) => {
    if (i > 0) out.push({ text: '   ' });
    out.push({ text: k, bold: true, color: 'cyan' }, { text: ` ${action}`, dim: true });
  });
  return out;
}

/** Esc or Backspace (most terminals send DEL, which Ink calls delete): go back one screen. */
export const isBack = (_input: string, key: Key): boolean => key.escape || key.backspace || key.delete;

export const isQuit = (input: string, key: Key): boolean => input === 'q' || (key.ctrl && input === 'c');

export const isUp = (input: string, key: Key): boolean => key.upArrow || input === 'k';
export const isDown = (input: string, key: Key): boolean => key.downArrow || input === 'j';
