/** Dispatches a task to its kind's scorer (a literal map, one file per kind). */
import type { Kind } from '../core/pack.ts';
import type { KindScorer } from './task-scoring.ts';
import { scoreClassification } from './metrics/classification.ts';
import { scoreExtraction } from './metrics/extraction.ts';
import { scoreMultilabel } from './metrics/multilabel.ts';
import { scoreSentenceSelect } from './metrics/sentence-select.ts';
import { scoreShortAnswer } from './metrics/short-answer.ts';
import { scoreSpans } from './metrics/spans.ts';

export const SCORERS: Record<Kind, KindScorer> = {
  classification: scoreClassification,
  multilabel: scoreMultilabel,
  extraction: scoreExtraction,
  spans: scoreSpans,
  'short-answer': scoreShortAnswer,
  'sentence-select': scoreSentenceSelect,
};
