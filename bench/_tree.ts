import { readFileSync } from 'node:fs';
const [file, fnName, depthArg] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file!, 'utf8'));
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + p.timeDeltas[i]));
const incl = (n: any): number => (self.get(n.id) ?? 0) + (n.children ?? []).reduce((s: number, c: number) => s + incl(byId.get(c)), 0);
const agg = new Map<string, number>();
const walk = (n: any, depth: number, prefix: string) => {
  const key = prefix + (n.callFrame.functionName || '(anon)') + ' ' + n.callFrame.url.replace(/.*\/work\/main\//, '').replace(/.*node_modules\//, 'nm:');
  agg.set(key, (agg.get(key) ?? 0) + incl(n));
  if (depth > 0) for (const c of n.children ?? []) walk(byId.get(c), depth - 1, prefix + '  ');
};
for (const n of p.nodes) if (n.callFrame.functionName === fnName) { agg.set('SELF ' + fnName, (agg.get('SELF ' + fnName) ?? 0) + (self.get(n.id) ?? 0)); walk(n, Number(depthArg ?? 2), ''); }
for (const [k, v] of [...agg].filter(([, v]) => v > 5000).slice(0, 80)) console.log((v / 1000).toFixed(0).padStart(7), 'ms', k);
