/**
 * `kseval packs new DOMAIN/NAME --kind K`: a valid pack to start from — pack.yaml with the
 * kind's keys, two example items, and a datasheet README with the sections to fill in.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../core/errors.ts';
import { METRICS_BY_KIND, type Kind } from '../core/pack.ts';

interface Starter {
  extra: Record<string, unknown>;
  template: string;
  items: Array<{ input: Record<string, string>; gold: unknown }>;
}

const doc1 = '계약상대자 김하늘(연락처 010-2233-4455)은 2026. 3. 2.까지 서류를 제출한다.';
const doc2 = '담당자 박서준에게 010-9876-5432로 연락 바랍니다.';

const STARTERS: Record<Kind, Starter> = {
  classification: {
    extra: { labels: ['긍정', '부정'] },
    template: '다음 문장의 평가가 긍정인지 부정인지 고르세요.\n\n{{text}}\n\n라벨 하나만 답하세요.\n{{labels}}',
    items: [
      { input: { text: '담당 공무원의 안내가 친절하고 빨랐습니다.' }, gold: '긍정' },
      { input: { text: '접수 후 두 달이 지나도록 아무 연락이 없었습니다.' }, gold: '부정' },
    ],
  },
  multilabel: {
    extra: { labels: ['형법 제329조', '형법 제260조'], label_format: 'statute' },
    template: '다음 사실관계에 적용되는 법조를 모두 고르세요.\n\n{{facts}}\n\n후보:\n{{labels}}\n한 줄에 하나씩 답하세요. 없으면 `해당 없음`.',
    items: [
      { input: { facts: '피고인은 피해자의 지갑을 몰래 가져갔다.' }, gold: ['형법 제329조'] },
      { input: { facts: '피고인은 말다툼 끝에 피해자의 뺨을 한 차례 때렸다.' }, gold: ['형법 제260조'] },
    ],
  },
  extraction: {
    extra: { source_field: 'notice', fields: [{ name: '공고번호', type: 'code', in_source: true }, { name: '추정가격', type: 'money' }] },
    template: '다음 공고문에서 항목을 추출해 JSON 객체 하나로 답하세요. 금액은 원 단위 숫자, 없으면 null.\n\n{{notice}}',
    items: [
      { input: { notice: '공고번호: 2026-0101\n추정가격: 금 오천만원정' }, gold: { 공고번호: '2026-0101', 추정가격: 50000000 } },
      { input: { notice: '공고번호: 2026-0202\n추정가격: 미정' }, gold: { 공고번호: '2026-0202', 추정가격: null } },
    ],
  },
  spans: {
    extra: { source_field: 'doc', entity_types: ['성명', '전화번호'] },
    template: '다음 문서에서 개인정보를 찾아 [{"type": "...", "text": "..."}] 형식의 JSON 배열로 답하세요. text는 문서에서 그대로 복사하세요.\n\n{{doc}}',
    items: [
      { input: { doc: doc1 }, gold: [{ type: '성명', text: '김하늘', start: 6, end: 9 }, { type: '전화번호', text: '010-2233-4455', start: 14, end: 27 }] },
      { input: { doc: doc2 }, gold: [{ type: '성명', text: '박서준', start: 4, end: 7 }, { type: '전화번호', text: '010-9876-5432', start: 10, end: 23 }] },
    ],
  },
  'short-answer': {
    extra: {},
    template: '기록을 읽고 질문에 답하세요. 답만 한 줄로 쓰세요.\n\n{{note}}\n\n질문: {{question}}',
    items: [
      { input: { note: '2026-03-05 HbA1c 8.4%, 2026-06-04 HbA1c 7.1%.', question: '가장 최근 당화혈색소 수치는?' }, gold: ['7.1%', '7.1'] },
      { input: { note: '2026. 4. 2. 충수절제술 시행. 4. 5. 퇴원.', question: '수술일은?' }, gold: ['2026. 4. 2.'] },
    ],
  },
  'sentence-select': {
    extra: { source_field: 'text' },
    template: '다음 판결 이유에서 법원의 판단이 담긴 문장 번호를 고르세요. [2, 3]처럼 JSON 배열로 답하세요.\n\n{{sentences}}',
    items: [
      { input: { text: '원고는 대여금의 반환을 구한다. 피고는 변제하였다고 주장한다. 그러나 변제 사실을 인정할 증거가 없다. 따라서 피고의 항변은 이유 없다.' }, gold: [3, 4] },
      { input: { text: '원고는 손해배상을 청구한다. 피고는 과실이 없다고 다툰다. 살피건대 피고에게 주의의무 위반이 인정된다.' }, gold: [3] },
    ],
  },
};

export async function scaffoldPack(root: string, id: string, kind: Kind): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new UserError(`pack id '${id}' must look like domain/name`, { hint: 'use lower case letters, digits and hyphens, e.g. legal/my-task' });
  }
  const dir = path.join(root, ...id.split('/'));
  if (existsSync(dir)) throw new UserError('a pack already exists here', { file: dir, hint: 'choose another name' });
  const starter = STARTERS[kind];
  const canary = `kseval-canary-${id.replace('/', '-')}-${randomBytes(4).toString('hex')}`;
  const spec = {
    id,
    version: '0.1.0',
    domain: id.split('/')[0],
    title: { ko: '제목을 쓰세요', en: 'Write a title' },
    description: '이 과제가 무엇을 측정하는지 한두 문장으로 쓰세요.',
    license: 'CC-BY-4.0',
    source: '문항을 누가 어떻게 작성·검수했는지 쓰세요.',
    canary,
    kind,
    ...starter.extra,
    prompt: { system: '당신은 한국어 문서를 정확하게 분석하는 전문가입니다.', template: starter.template, fewshot: 1 },
    metrics: [...METRICS_BY_KIND[kind]],
  };
  const [shot, test] = starter.items;
  const lines = [
    { id: `${id.split('/')[1]}-fs-001`, split: 'fewshot', input: shot!.input, gold: shot!.gold, meta: { difficulty: 'easy', rationale: '근거를 쓰세요.' } },
    { id: `${id.split('/')[1]}-001`, split: 'test', input: test!.input, gold: test!.gold, meta: { difficulty: 'easy', rationale: '근거를 쓰세요.' } },
  ];
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'pack.yaml'), stringify(spec, { lineWidth: 0 }));
  writeFileSync(path.join(dir, 'items.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(
    path.join(dir, 'README.md'),
    `# ${id} — datasheet\n\n## What it measures and why it matters\n\n(fill in)\n\n## Labels / fields / entity types\n\n(define each one)\n\n## How items were written and checked\n\n(who wrote them, from what kind of documents, how the gold was checked)\n\n## Difficulty mix\n\n(easy / medium / hard counts)\n\n## Known limits\n\n(fill in)\n\n## License\n\nCC-BY-4.0\n\n## Canary\n\n\`${canary}\` — a string for detecting this pack in training data. Do not remove it.\n`,
  );
  return dir;
}
