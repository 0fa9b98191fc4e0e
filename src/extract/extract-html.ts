// HTML to text: page chrome (scripts, styles, nav, header, footer) removed, nesting depth checked before parsing.
import { convert } from 'html-to-text';
import type { HtmlToTextOptions } from 'html-to-text';
import { DomainError } from '../domain/shared/domain-error.ts';
import { decodeText } from './decode-text.ts';
import type { ExtractLimits, ParsedText } from './extract-options.ts';

/** Elements that never hold content or whose end tag is optional: they do not deepen the tree in the depth check. */
const FLAT = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup tbody thead tfoot colgroup rt rp'.split(
    ' ',
  ),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/**
 * Deepest element nesting, counted with a tag scanner (no DOM): linear time, so a 100 000-deep document is refused
 * in milliseconds instead of exhausting the stack of a recursive converter.
 */
export function htmlDepth(html: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    const closing = html.charCodeAt(lt + 1) === 47;
    const m = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)));
    i = gt + 1;
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (FLAT.has(name)) continue;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (html.charCodeAt(gt - 1) === 47) continue; // <x/>
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = gt;
      const end = close.exec(html);
      i = end ? end.index : n;
      continue;
    }
    depth++;
    if (depth > max) {
      max = depth;
      if (max > stopAt) return max;
    }
  }
  return max;
}

const SKIP = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'iframe',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
];

const optionsFor = (limits: ExtractLimits): HtmlToTextOptions => ({
  wordwrap: false,
  preserveNewlines: false,
  decodeEntities: true,
  limits: { maxInputLength: limits.maxTextChars * 4, maxDepth: limits.maxHtmlDepth + 10 },
  selectors: [
    ...SKIP.map((selector) => ({ selector, format: 'skip' })),
    { selector: '[role=navigation]', format: 'skip' },
    { selector: '[role=banner]', format: 'skip' },
    { selector: '[role=contentinfo]', format: 'skip' },
    { selector: '[aria-hidden=true]', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'inline' },
    { selector: 'th', format: 'inline' },
  ],
});

/** The charset an HTML document declares in a meta tag, if any (used when the bytes carry no BOM). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function extractHtml(bytes: Uint8Array, limits: ExtractLimits): ParsedText {
  const warnings: string[] = [];
  let decoded = decodeText(bytes);
  const charset = declaredCharset(bytes);
  if (charset && !decoded.encoding.includes('BOM') && decoded.encoding !== charset && charset !== 'utf-8') {
    try {
      const text = new TextDecoder(charset).decode(bytes);
      decoded = { text, encoding: `${charset} (declared)` };
    } catch {
      warnings.push(`declared charset "${charset}" is unknown; read as ${decoded.encoding}`);
    }
  }
  const depth = htmlDepth(decoded.text, limits.maxHtmlDepth);
  if (depth > limits.maxHtmlDepth) {
    throw new DomainError('bad-input', `HTML is nested more than ${limits.maxHtmlDepth} elements deep`, {
      depth,
    });
  }
  let text: string;
  try {
    text = convert(decoded.text, optionsFor(limits));
  } catch (e) {
    if (e instanceof RangeError) throw new DomainError('bad-input', 'HTML is nested too deeply to read');
    throw e;
  }
  return { text: text.replace(/\n{3,}/g, '\n\n').trim(), encoding: decoded.encoding, warnings };
}
