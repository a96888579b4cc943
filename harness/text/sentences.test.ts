import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

type Case = readonly [name: string, input: string, expected: readonly string[]];

const legal: readonly Case[] = [
  ['article and clause references do not split', '피고인의 행위는 형법 제329조 제1항에 해당한다. 원심은 이를 인정하였다.', ['피고인의 행위는 형법 제329조 제1항에 해당한다.', '원심은 이를 인정하였다.']],
  ['조의2 and 호 references', '같은 법 제297조의2 제2호를 적용한다. 이유는 다음과 같다.', ['같은 법 제297조의2 제2호를 적용한다.', '이유는 다음과 같다.']],
  ['dotted date as adverbial mid-sentence', '원고는 2025. 3. 4. 피고에게 내용증명을 보냈다. 피고는 이를 수령하였다.', ['원고는 2025. 3. 4. 피고에게 내용증명을 보냈다.', '피고는 이를 수령하였다.']],
  ['date ending a heading, next sentence starts with a topic', '판결선고 2026. 1. 22. 피고는 원고에게 금 1,000만 원을 지급하라.', ['판결선고 2026. 1. 22.', '피고는 원고에게 금 1,000만 원을 지급하라.']],
  ['date after a topic noun, new subject follows', '해지 통보일은 2026. 1. 22. 이 사건 소는 그 뒤에 제기되었다.', ['해지 통보일은 2026. 1. 22.', '이 사건 소는 그 뒤에 제기되었다.']],
  ['date opening a sentence is not a sentence', '2025. 3. 4. 원고는 피고와 임대차계약을 체결하였다.', ['2025. 3. 4. 원고는 피고와 임대차계약을 체결하였다.']],
  ['date after a connective clause stays', '원고는 2025. 3. 4. 계약을 체결하였고, 2026. 1. 22. 피고는 이를 해지하였다.', ['원고는 2025. 3. 4. 계약을 체결하였고, 2026. 1. 22. 피고는 이를 해지하였다.']],
  ['date followed by 선고 in a case citation', '이는 확립된 법리이다(대법원 2019. 3. 14. 선고 2018도12345 판결 참조). 따라서 상고를 기각한다.', ['이는 확립된 법리이다(대법원 2019. 3. 14. 선고 2018도12345 판결 참조).', '따라서 상고를 기각한다.']],
  ['date followed by a time', '피고인은 2025. 11. 3. 23:40경 편의점에서 양주 2병을 절취하였다.', ['피고인은 2025. 11. 3. 23:40경 편의점에서 양주 2병을 절취하였다.']],
  ['date glued to a particle', '원고는 2026. 1. 22.자 준비서면에서 청구를 변경하였다. 피고는 이에 동의하였다.', ['원고는 2026. 1. 22.자 준비서면에서 청구를 변경하였다.', '피고는 이에 동의하였다.']],
  ['same-year month-day dates', '피고는 같은 해 5. 6. 원고에게 통지하였다. 원고는 같은 달 15. 회신하였다.', ['피고는 같은 해 5. 6. 원고에게 통지하였다.', '원고는 같은 달 15. 회신하였다.']],
  ['quoted statute sentence stays whole', '민법 제390조는 "채무자가 채무의 내용에 좇은 이행을 하지 아니한 때에는 채권자는 손해배상을 청구할 수 있다."라고 규정한다. 피고는 이를 다툰다.', ['민법 제390조는 "채무자가 채무의 내용에 좇은 이행을 하지 아니한 때에는 채권자는 손해배상을 청구할 수 있다."라고 규정한다.', '피고는 이를 다툰다.']],
  ['single-quoted sentences inside one sentence', "원고는 '피고가 돈을 갚지 않았다. 그래서 소를 제기했다.'라고 주장한다. 피고는 부인한다.", ["원고는 '피고가 돈을 갚지 않았다. 그래서 소를 제기했다.'라고 주장한다.", '피고는 부인한다.']],
  ['two quoted sentences inside one sentence', '원고는 "피고가 돈을 갚지 않았다. 그래서 소를 제기했다."라고 주장한다.', ['원고는 "피고가 돈을 갚지 않았다. 그래서 소를 제기했다."라고 주장한다.']],
  ['corner-bracket quotation', '같은 조는 「이 법은 공포한 날부터 시행한다. 다만, 제5조는 예외로 한다.」고 정한다. 그러므로 부칙이 적용된다.', ['같은 조는 「이 법은 공포한 날부터 시행한다. 다만, 제5조는 예외로 한다.」고 정한다.', '그러므로 부칙이 적용된다.']],
  ['circled paragraphs after a period', '제3조(정의) ① 이 법은 공포한 날부터 시행한다. ② 제5조는 2026. 7. 1.부터 시행한다.', ['제3조(정의) ① 이 법은 공포한 날부터 시행한다.', '② 제5조는 2026. 7. 1.부터 시행한다.']],
  ['circled paragraph after an unpunctuated ending', '① 사업자는 약관을 명시하여야 한다 ② 사업자는 고객에게 설명하여야 한다', ['① 사업자는 약관을 명시하여야 한다', '② 사업자는 고객에게 설명하여야 한다']],
  ['circled items inside one sentence', '다음 각 호의 자는 제외한다: ① 미성년자 ② 피성년후견인', ['다음 각 호의 자는 제외한다: ① 미성년자 ② 피성년후견인']],
  ['amendment tag after an article', '제1조(목적) 이 법은 국민의 권리를 보호함을 목적으로 한다. <개정 2020. 1. 22.>', ['제1조(목적) 이 법은 국민의 권리를 보호함을 목적으로 한다.', '<개정 2020. 1. 22.>']],
  ['numbered section after a sentence on the same line', '원심판결 이유를 살펴본다. 2. 피고의 주장에 관한 판단', ['원심판결 이유를 살펴본다.', '2. 피고의 주장에 관한 판단']],
  ['주문 items on one line', '주문 1. 피고는 원고에게 100,000,000원을 지급하라. 2. 소송비용은 피고가 부담한다.', ['주문 1. 피고는 원고에게 100,000,000원을 지급하라.', '2. 소송비용은 피고가 부담한다.']],
  ['parenthetical sentence inside a sentence', '피고는(이 점은 다툼이 없다.) 원고에게 돈을 지급하였다.', ['피고는(이 점은 다툼이 없다.) 원고에게 돈을 지급하였다.']],
  ['year-month date before a verb modifier', '원고가 2022. 7. 받은 대출은 별도의 신용대출이다. 피고는 이를 다툰다.', ['원고가 2022. 7. 받은 대출은 별도의 신용대출이다.', '피고는 이를 다툰다.']],
  ['bare year as an adverbial', '지적도상의 경계는 2023. 측량으로 처음 확인되었다. 원고는 이를 몰랐다.', ['지적도상의 경계는 2023. 측량으로 처음 확인되었다.', '원고는 이를 몰랐다.']],
  ['constitutional court case number after date', '헌법재판소 2020. 3. 26. 2017헌마1281 결정을 참조하였다. 청구를 기각한다.', ['헌법재판소 2020. 3. 26. 2017헌마1281 결정을 참조하였다.', '청구를 기각한다.']],
];

const clinical: readonly Case[] = [
  ['run-on after a nominal ending', '어제부터 복통 호소함.오심 동반됨. 구토 2회.', ['어제부터 복통 호소함.', '오심 동반됨.', '구토 2회.']],
  ['run-on before a Latin word', '흉통 없음.CXR 시행함.', ['흉통 없음.', 'CXR 시행함.']],
  ['run-on after a noun', '오심 동반.구토 2회 있었음.', ['오심 동반.', '구토 2회 있었음.']],
  ['dotted list of short names is not a run-on', '시.군.구 및 읍.면.동 담당자에게 통보함.', ['시.군.구 및 읍.면.동 담당자에게 통보함.']],
  ['dotted list of region names', '서울.경기.인천 지역 업체만 참가 가능함.', ['서울.경기.인천 지역 업체만 참가 가능함.']],
  ['decimals and units', 'Metformin 1.5mg 투여 후 혈당 3.12 mmol/L 감소함. 체온 37.8℃.', ['Metformin 1.5mg 투여 후 혈당 3.12 mmol/L 감소함.', '체온 37.8℃.']],
  ['dotted dosing abbreviations', 'Amoxicillin 500mg p.o. b.i.d. 처방함. 다음 외래에서 재평가 예정.', ['Amoxicillin 500mg p.o. b.i.d. 처방함.', '다음 외래에서 재평가 예정.']],
  ['Dr. and Mr.', 'Dr. Park 회진 시 Mr. Lee에게 설명함. 보호자 동의함.', ['Dr. Park 회진 시 Mr. Lee에게 설명함.', '보호자 동의함.']],
  ['e.g. and vs.', '위험인자(e.g. 흡연, 비만) 확인함. 대조군 vs. 투약군 비교 예정.', ['위험인자(e.g. 흡연, 비만) 확인함.', '대조군 vs. 투약군 비교 예정.']],
  ['No. with a number', 'No. 3 검체는 폐기함. No. 4 검체는 보관함.', ['No. 3 검체는 폐기함.', 'No. 4 검체는 보관함.']],
  ['No. as an answer', 'Allergy: No. 흡연력 없음.', ['Allergy: No.', '흡연력 없음.']],
  ['year-month date in brackets', 's/p PCI(2020.03.) 이후 aspirin 복용 중. 흉통 없음.', ['s/p PCI(2020.03.) 이후 aspirin 복용 중.', '흉통 없음.']],
  ['Rt. and Lt.', 'CXR상 Rt. lower lobe consolidation 확인됨. Lt. side는 정상.', ['CXR상 Rt. lower lobe consolidation 확인됨.', 'Lt. side는 정상.']],
  ['English sentence inside a Korean note', 'Urine culture was negative. 항생제는 7일간 유지함.', ['Urine culture was negative.', '항생제는 7일간 유지함.']],
  ['vital signs with a clinical abbreviation', 'BP 130/85 mmHg. Abd. tenderness (+) RLQ.', ['BP 130/85 mmHg.', 'Abd. tenderness (+) RLQ.']],
  ['compact date in a note', '검체는 2025.3.4. 채취하였다. 결과는 음성이었다.', ['검체는 2025.3.4. 채취하였다.', '결과는 음성이었다.']],
  ['SOAP lines', 'S) 어제부터 두통 호소함.\nO) BT 36.9℃, 의식 명료함.\nA) r/o tension headache.\nP) 진통제 처방함.', ['S) 어제부터 두통 호소함.', 'O) BT 36.9℃, 의식 명료함.', 'A) r/o tension headache.', 'P) 진통제 처방함.']],
  ['percent at sentence end', 'HbA1c 7.2%. 인슐린 증량함.', ['HbA1c 7.2%.', '인슐린 증량함.']],
  ['numbered discharge diagnoses inline', 'Discharge Dx: 1) Pneumonia 2) Essential hypertension 3) Type 2 DM', ['Discharge Dx: 1) Pneumonia 2) Essential hypertension 3) Type 2 DM']],
  ['doubt mark in parentheses', '검사 결과 이상 소견(?) 있음. 추적 관찰.', ['검사 결과 이상 소견(?) 있음.', '추적 관찰.']],
];

const administrative: readonly Case[] = [
  ['weekday after a date, then a time', '입찰서 제출 마감은 2026. 2. 10.(화) 10:00까지입니다. 늦게 제출된 서류는 무효입니다.', ['입찰서 제출 마감은 2026. 2. 10.(화) 10:00까지입니다.', '늦게 제출된 서류는 무효입니다.']],
  ['date range with a month-day end', '접수기간: 2026. 2. 2.(월) ~ 2. 6.(금) 18:00까지. 방문 접수는 받지 않는다.', ['접수기간: 2026. 2. 2.(월) ~ 2. 6.(금) 18:00까지.', '방문 접수는 받지 않는다.']],
  ['labelled date value then the next label', '공고일: 2026. 1. 22. 입찰참가자격: 조달청 등록업체', ['공고일: 2026. 1. 22.', '입찰참가자격: 조달청 등록업체']],
  ['numbered and lettered lines', '1. 입찰에 부치는 사항\n  가. 용역명: 도서관 통합관리시스템 유지관리\n  나. 기간: 계약일로부터 12개월\n2. 입찰참가자격', ['1. 입찰에 부치는 사항', '가. 용역명: 도서관 통합관리시스템 유지관리', '나. 기간: 계약일로부터 12개월', '2. 입찰참가자격']],
  ['bullets and notes', '- 제출서류는 반환하지 않음.\n- 허위 서류 제출 시 낙찰을 취소함.\n※ 기타 사항은 재무과로 문의 바람.', ['- 제출서류는 반환하지 않음.', '- 허위 서류 제출 시 낙찰을 취소함.', '※ 기타 사항은 재무과로 문의 바람.']],
  ['parenthesised list marker lines', '(1) 입찰참가신청서 1부\n(2) 사업자등록증 사본 1부', ['(1) 입찰참가신청서 1부', '(2) 사업자등록증 사본 1부']],
  ['inline numbered list without sentence ends', '제출서류: 1. 입찰참가신청서 2. 사업자등록증 사본 3. 인감증명서', ['제출서류: 1. 입찰참가신청서 2. 사업자등록증 사본 3. 인감증명서']],
  ['a sentence ending in a number', '참가 업체 수: 15. 개찰 결과는 별도로 공지한다.', ['참가 업체 수: 15.', '개찰 결과는 별도로 공지한다.']],
  ['money in words and figures', '추정가격: 금 일억이천만원정(₩120,000,000) (부가가치세 별도). 기초금액은 따로 공개한다.', ['추정가격: 금 일억이천만원정(₩120,000,000) (부가가치세 별도).', '기초금액은 따로 공개한다.']],
  ['telephone in parentheses then the end', '문의는 재무과(☎ 031-123-4567)로 하시기 바랍니다. 끝.', ['문의는 재무과(☎ 031-123-4567)로 하시기 바랍니다.', '끝.']],
  ['단, after a nominal ending', '공동수급은 허용하지 않음. 단, 하도급은 승인을 받아 가능함.', ['공동수급은 허용하지 않음.', '단, 하도급은 승인을 받아 가능함.']],
  ['signature block date on its own line', '위와 같이 공고합니다.\n2026. 1. 22.\n○○광역시 ○○구청장', ['위와 같이 공고합니다.', '2026. 1. 22.', '○○광역시 ○○구청장']],
  ['multi-level heading', '1.1. 사업 개요 본 사업은 노후 장비를 교체한다.', ['1.1. 사업 개요 본 사업은 노후 장비를 교체한다.']],
  ['attachment line with its own marker', '붙임 1. 입찰참가신청서 1부. 끝.', ['붙임 1. 입찰참가신청서 1부.', '끝.']],
  ['enclosed marker glued to a period', '제출은 전자로만 한다.② 우편 제출은 무효로 한다.', ['제출은 전자로만 한다.', '② 우편 제출은 무효로 한다.']],
  ['address and url without splitting', '자세한 내용은 www.g2b.go.kr 에서 확인할 수 있습니다. 전자입찰로만 접수합니다.', ['자세한 내용은 www.g2b.go.kr 에서 확인할 수 있습니다.', '전자입찰로만 접수합니다.']],
];

const punctuation: readonly Case[] = [
  ['question and exclamation', '정말 그럴까? 아니다! 다시 확인하자.', ['정말 그럴까?', '아니다!', '다시 확인하자.']],
  ['ellipsis after an ending splits, after a word does not', '그런데… 잘 모르겠다… 다시 보자.', ['그런데… 잘 모르겠다…', '다시 보자.']],
  ['three dots as an ellipsis', '결과를 기다렸다... 연락은 없었다.', ['결과를 기다렸다...', '연락은 없었다.']],
  ['closing quote stays with its sentence', '그는 "좋다." 그리고 떠났다.', ['그는 "좋다."', '그리고 떠났다.']],
  ['quoted question with a quotative', '"왜 그랬니?"라고 물었다. 대답은 없었다.', ['"왜 그랬니?"라고 물었다.', '대답은 없었다.']],
  ['quotative after a space', '그는 "끝났다." 라고 말했다.', ['그는 "끝났다." 라고 말했다.']],
  ['curly quotes', '그는 “내일 오겠다.”고 말했다. 그러나 오지 않았다.', ['그는 “내일 오겠다.”고 말했다.', '그러나 오지 않았다.']],
  ['two quoted utterances', '"가자." "그래." 둘은 떠났다.', ['"가자."', '"그래."', '둘은 떠났다.']],
  ['blank lines and surrounding spaces', '  첫 문장이다.  \n\n   둘째 문장이다.   ', ['첫 문장이다.', '둘째 문장이다.']],
  ['CRLF line breaks', '첫째 줄.\r\n둘째 줄.', ['첫째 줄.', '둘째 줄.']],
  ['initials before a name', '연구는 J. Kim 교수가 주도하였다. 결과는 좋았다.', ['연구는 J. Kim 교수가 주도하였다.', '결과는 좋았다.']],
  ['a single vitamin letter ends a sentence', '비타민 D. 매일 복용함.', ['비타민 D.', '매일 복용함.']],
  ['an apostrophe is not a quotation', "The patient's BP was high. 투약함.", ["The patient's BP was high.", '투약함.']],
  ['no terminal punctuation', '결론 없음', ['결론 없음']],
  ['empty input', '', []],
];

describe('splitSentences', () => {
  for (const [group, cases] of [
    ['legal', legal],
    ['clinical', clinical],
    ['administrative', administrative],
    ['punctuation', punctuation],
  ] as const) {
    describe(group, () => {
      it.each(cases)('%s', (_name, input, expected) => {
        expect(splitSentences(input)).toEqual(expected);
      });
    });
  }

  it('normalizes decomposed Hangul before deciding (NFD input)', () => {
    expect(splitSentences('복통 호소함.오심 있음.'.normalize('NFD'))).toEqual(['복통 호소함.', '오심 있음.']);
  });

  it('never loses, duplicates or invents text on random mixes of the tricky pieces', () => {
    const pieces = ['다.', '함.', ' ', '2026. 1. 22.', '"', "'", '(', ')', '①', '1.', '가.', 'Dr.', 'e.g.', '…', '?', '!', '\n', '피고는', '3.5', '「', '」', '.', '...', 'b.i.d.', '~', ':'];
    // A fixed linear congruential generator: the same strings on every run.
    let seed = 20260122;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 2000; n += 1) {
      let text = '';
      for (let i = Math.floor(next() * 25); i > 0; i -= 1) text += pieces[Math.floor(next() * pieces.length)];
      const out = splitSentences(text);
      expect(out.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
      for (const sentence of out) expect(sentence).toBe(sentence.trim());
    }
  });

  it('returns every character of the input except whitespace between sentences', () => {
    const text = '피고는 2025. 3. 4. 원고에게 통지하였다. 원고는 이를 거절하였다(갑 제2호증).\n2. 판단\n위 인정사실에 의하면 청구는 이유 있다.';
    expect(splitSentences(text).join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
  });
});
