const base = () => ({ schema_version: 1, run_id: 'r', key: 'k', model: 'm', task: 't', task_version: '1', domain: 'd', item_id: 'i', messages: [], params: {}, gold: 'g', attempts: 1, started_at: 's', finished_at: new Date().toISOString() });
function a() { const b = base(); return { ...b, output: 'x', reasoning: null, finish_reason: 'stop', parsed: 'p', status: 'ok', error: null, scores: { score: 1, correct: 1 }, korean_ratio: 1, latency_ms: 1, ttft_ms: null, usage: null, warnings: [] }; }
function t(name: string, f: () => unknown) { for (let r = 0; r < 3; r++) { const t0 = performance.now(); for (let i = 0; i < 100000; i++) f(); if (r === 2) console.log(name, ((performance.now() - t0) / 100).toFixed(2), 'µs'); } }
t('spread', a);
t('date', () => new Date().toISOString());
t('base', base);
