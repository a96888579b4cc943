import { readFileSync } from 'node:fs';
const [file, fn] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file!, 'utf8'));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + p.timeDeltas[i]));
const agg = new Map<string, number>();
for (const n of p.nodes) if (n.callFrame.functionName === fn) {
  let chain: string[] = []; let cur = parent.get(n.id);
  for (let d = 0; d < 6 && cur !== undefined; d++) { const c = byId.get(cur); chain.push(c.callFrame.functionName + '@' + c.callFrame.url.replace(/.*\/work\/main\//, '').replace(/.*node_modules\//,'nm:')); cur = parent.get(cur); }
  const k = chain.join(' < '); agg.set(k, (agg.get(k) ?? 0) + (self.get(n.id) ?? 0));
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log((v / 1000).toFixed(0), 'ms', k);
