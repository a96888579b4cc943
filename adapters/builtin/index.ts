/**
 * The built-in reference systems: no network, no key, deterministic. They make the default
 * `kseval run` work offline and are the floor every model must clear.
 */
import type { Adapter, GenerateRequest, Generation } from '../../harness/core/adapter.ts';
import { AdapterError } from '../../harness/core/errors.ts';
import type { Item, TaskPack } from '../../harness/core/pack.ts';
import type { ModelSpec } from '../../harness/core/model.ts';
import { lexicalAnswer } from './lexical.ts';
import { majorityAnswer } from './majority.ts';

const SYSTEMS: Record<string, (pack: TaskPack, item: Item) => string> = {
  majority: (pack) => majorityAnswer(pack),
  lexical: lexicalAnswer,
};

export const BUILTIN_MODELS: ModelSpec[] = [
  {
    id: 'builtin/majority',
    adapter: 'builtin',
    model: 'majority',
    vendor: 'kseval',
    origin: 'reference',
    residency: 'local',
    openWeights: true,
    params: {},
    notes: 'Most frequent fewshot answer, whatever the input.',
  },
  {
    id: 'builtin/lexical',
    adapter: 'builtin',
    model: 'lexical',
    vendor: 'kseval',
    origin: 'reference',
    residency: 'local',
    openWeights: true,
    params: {},
    notes: 'Character n-gram nearest neighbour over fewshot items; regex patterns for fields and entities.',
  },
];

export function createBuiltinAdapter(spec: ModelSpec): Adapter {
  const system = SYSTEMS[spec.model];
  if (!system) {
    throw new AdapterError({ code: 'not_found', retryable: false, message: `unknown built-in system '${spec.model}' (use ${Object.keys(SYSTEMS).join(' or ')})` });
  }
  return {
    id: spec.id,
    model: spec.model,
    async generate(request: GenerateRequest): Promise<Generation> {
      const started = performance.now();
      if (!request.task) throw new AdapterError({ code: 'bad_request', retryable: false, message: 'built-in systems need the task and item' });
      // Yield to the event loop: answers are instant, and a run of them must still let the
      // terminal UI draw and Ctrl-C be heard.
      await new Promise((resolve) => setImmediate(resolve));
      const text = system(request.task.pack, request.task.item);
      return { text, finishReason: 'stop', latencyMs: performance.now() - started, warnings: [] };
    },
  };
}
