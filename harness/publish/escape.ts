/**
 * Escaping for every text that comes from a CSV (model ids, vendors, task ids, run ids, file
 * names): they can hold `<script>`, `|`, backticks, quotes and newlines.
 *
 * - HTML: `& < > " '` become entities, so the result is safe both as element text and inside a
 *   double- or single-quoted attribute value. CSV text never goes into a script or style block.
 * - Markdown (GitHub): one line, table-safe, and inert — newlines become spaces, `|` and the
 *   characters that start emphasis, code, links or images are backslash-escaped, and `< > &`
 *   become entities so that no raw HTML reaches the renderer.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Control characters (except tab and newline, handled by callers) never belong in published text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g;

export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => HTML[c]!);
}

export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
