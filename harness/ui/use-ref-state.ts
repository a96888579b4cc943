/**
 * State that key handlers read synchronously. Several keys can arrive in one chunk (a paste, a
 * fast typist, tmux send-keys) and are handled before React re-renders; reading the latest value
 * from a ref keeps "Down, Enter" meaning Enter on the row below.
 */
import { useCallback, useRef, useState } from 'react';

export function useRefState<T>(initial: T): [value: T, get: () => T, set: (next: T | ((prev: T) => T)) => void] {
  const ref = useRef(initial);
  const [value, setValue] = useState(initial);
  const get = useCallback(() => ref.current, []);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, get, set];
}
