/** Korean text utilities: one import for parsers, metrics, packs and the UI. */
export { nfc, foldSpaces, halfwidth, stripWrapping, normalizeLabel, labelKey } from './normalize.ts';
export { splitSentences } from './sentences.ts';
export { parseMoney, parseNumber } from './money.ts';
export { normalizeDate, normalizeDatetime, type DateOptions } from './dates.ts';
export {
  normalizeKcd,
  normalizeStatute,
  normalizeCode,
  type CodeFormat,
  type StatuteOptions,
} from './codes.ts';
export { koreanRatio, isHangul } from './hangul.ts';
export { korquadNormalize, charF1, exactMatch, bestOver } from './korquad.ts';
export { splitThinking, type ThinkingSplit } from './thinking.ts';
export { displayWidth, padDisplay, truncateDisplay, wrapDisplay } from './width.ts';
