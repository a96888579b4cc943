/**
 * Finds JSON in a model's answer: a fenced ```json block, or the first balanced object/array
 * in bare text. Models wrap JSON in prose and fences; we read it rather than fail.
 */

/** Returns the first JSON value of the wanted shape, or undefined. */
export function findJson(text: string, want: 'object' | 'array'): unknown {
  const fences = [...text.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)].map((m) => m[1]!);
  for (const candidate of [...fences, text]) {
    const found = scan(candidate, want);
    if (found !== undefined) return found;
  }
  return undefined;
}

function scan(text: string, want: 'object' | 'array'): unknown {
  const open = want === 'object' ? '{' : '[';
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, start + 1)) {
    const end = balancedEnd(text, start);
    if (end === -1) continue;
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (want === 'array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    } catch {
      // not JSON at this bracket; try the next one
    }
  }
  return undefined;
}

/** Index of the bracket closing the one at `start`, honouring strings; -1 if unbalanced. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
