/**
 * Regular expressions the lexical baseline uses for entities, keyed by entity type name.
 * They are deliberately plain: the point is a floor that a language model must clear.
 */
const DATE = /\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?|\d{2}\.\d{2}\.\d{2}/g;

export const ENTITY_PATTERNS: Record<string, RegExp> = {
  전화번호: /0(?:1[016789]|2|[3-6]\d|70)-\d{3,4}-\d{4}/g,
  주민등록번호: /\d{6}\s?-\s?[1-8][\d*]{6}/g,
  이메일: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  날짜: DATE,
  병록번호: /(?<=(?:병록번호|등록번호|MRN|차트번호)\s*[:：]?\s*)[A-Z0-9-]{5,}/g,
  성명: /(?<=(?:성명|대표자|현장대리인|담당자|책임자)\s*[:：]?\s*)[가-힣]{2,4}(?![가-힣])/g,
  환자명: /(?<=(?:환자명?|성명|이름)\s*[:：]?\s*)[가-힣]{2,4}(?![가-힣])/g,
  주소: /(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충청|충북|충남|전라|전북|전남|경상|경북|경남|제주)[가-힣]*\s[가-힣0-9\s-]*?(?:로|길)\s?\d+(?:-\d+)?/g,
  약물: /\b[A-Z][a-z]{3,}(?:\s?[A-Z][a-z]+)?\b/g,
  용량: /\d+(?:\.\d+)?\s?(?:mg|mcg|g|mL|ml|U|IU|정|T|tab)\b/g,
  경로: /\b(?:PO|IV|IM|SC|SL|po|iv|im|sc)\b|경구|정맥|피하|근육/g,
  횟수: /\b(?:qd|bid|tid|qid|q\d+h|prn|hs|QD|BID|TID|QID)\b|1일\s?\d회/g,
};

export function findEntities(source: string, type: string): Array<{ type: string; text: string; start: number }> {
  const re = ENTITY_PATTERNS[type];
  if (!re) return [];
  return [...source.matchAll(new RegExp(re.source, re.flags))].map((m) => ({ type, text: m[0], start: m.index }));
}
