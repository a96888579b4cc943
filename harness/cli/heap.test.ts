import { describe, expect, it } from 'vitest';
import { boundHeapGrowth } from './heap.ts';

describe('boundHeapGrowth', () => {
  it.each([
    ['NODE_OPTIONS max-old-space-size', { NODE_OPTIONS: '--max-old-space-size=4096' }, []],
    ['NODE_OPTIONS with underscores', { NODE_OPTIONS: '--enable-source-maps --max_old_space_size=2048' }, []],
    ['node command line', {}, ['--heap-growing-percent=100']],
  ])('leaves the heap alone when the user set it (%s)', (_name, env, execArgv) => {
    expect(boundHeapGrowth(env, execArgv)).toBe(false);
  });
  it('bounds growth otherwise', () => {
    expect(boundHeapGrowth({ NODE_OPTIONS: '--enable-source-maps' }, ['--expose-gc'])).toBe(true);
  });
});
