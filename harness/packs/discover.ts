/** Finds pack directories (those holding a pack.yaml) under a root, sorted by id. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function discoverPacks(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === 'pack.yaml')) {
      out.push(dir);
      return;
    }
    if (depth >= 3) return;
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await walk(path.join(dir, e.name), depth + 1);
  }
  try {
    if (!(await stat(root)).isDirectory()) return [];
  } catch {
    return [];
  }
  await walk(root, 0);
  return out.sort();
}
