import OpenAI from 'openai';
import { startFakeProcess } from './setup.ts';
const fake = await startFakeProcess(0);
const client = new OpenAI({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 });
for (const c of [1, 8, 32]) {
  const t0 = performance.now();
  let i = 0;
  await Promise.all(Array.from({ length: c }, async () => { while (i++ < 400) await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: '안녕 ' + i }] }); }));
  console.log(c, (performance.now() - t0).toFixed(0), 'ms for 400');
}
const t0 = performance.now();
for (let j = 0; j < 200; j++) await fetch(fake.url + '/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }), headers: { 'content-type': 'application/json' } }).then((r) => r.text());
console.log('raw fetch seq 200', (performance.now() - t0).toFixed(0));
await fake.stop();
