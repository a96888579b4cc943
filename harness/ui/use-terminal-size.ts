/** The terminal's columns and rows, updated on resize. Tests pass explicit sizes instead. */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Size {
  columns: number;
  rows: number;
}

export function useTerminalSize(fixed?: Partial<Size>): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: fixed?.columns ?? (stdout.columns || 80), rows: fixed?.rows ?? (stdout.rows || 24) });
  const [size, setSize] = useState<Size>(read);
  useEffect(() => {
    if (fixed?.columns !== undefined && fixed.rows !== undefined) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed?.columns, fixed?.rows]);
  return fixed?.columns !== undefined && fixed.rows !== undefined ? { columns: fixed.columns, rows: fixed.rows } : size;
}
