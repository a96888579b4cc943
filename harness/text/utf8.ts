/** Strict UTF-8 for the files kseval reads whole (pack.yaml, prediction files, result CSVs). */
import { UserError } from '../core/errors.ts';

/** Decodes bytes as strict UTF-8 without a leading BOM, reporting the line of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; problem?: UserError } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Find the first byte that breaks UTF-8 to report its line.
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    let line = 1;
    for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
    return { problem: new UserError('invalid UTF-8 byte sequence', { file, line, hint: 'save the file as UTF-8' }) };
  }
}
