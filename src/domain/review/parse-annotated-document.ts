// Reads a corpus document written with gold labels (`@@ topic +modifier` lines or inline ⟪@@ ...⟫ markers) into text and units.
import { DomainError } from '../shared/domain-error.ts';
import { MODIFIERS, TOPICS } from './provision.ts';
import type { Modifier, Topic } from './provision.ts';

/** A stretch of the document with the labels a reviewer gave it. */
export interface GoldUnit {
  readonly start: number;
  readonly end: number;
  readonly topics: readonly Topic[];
  readonly modifiers: readonly Modifier[];
}

export interface AnnotatedDocument {
  readonly meta: Readonly<Record<string, string>>;
  /** The document with every annotation removed; unit offsets point into it. */
  readonly text: string;
  readonly units: readonly GoldUnit[];
}

const TOPIC_SET = new Set<string>(TOPICS);
const MODIFIER_SET = new Set<string>(MODIFIERS);
const INLINE_OPEN = '⟪@@';
const INLINE_CLOSE = '⟫';

function parseLabels(body: string, where: string): { topics: Topic[]; modifiers: Modifier[] } {
  const topics: Topic[] = [];
  const modifiers: Modifier[] = [];
  for (const token of body.split(/[\s,]+/)) {
    if (token === '' || token === '-') continue;
    if (token.startsWith('+')) {
      const m = token.slice(1);
      if (!MODIFIER_SET.has(m)) throw new DomainError('bad-input', `unknown modifier "${m}" at ${where}`);
      modifiers.push(m as Modifier);
    } else {
      if (!TOPIC_SET.has(token)) throw new DomainError('bad-input', `unknown topic "${token}" at ${where}`);
      topics.push(token as Topic);
    }
  }
  return { topics, modifiers };
}

/**
 * Parses the annotated corpus format (docs/review.md "Corpus format"): `#! key: value` header lines, then text in
 * which every unit is followed by its labels, either on a line of its own (`@@ detainer +warrant-exception`, `@@ -`
 * for none) or inline (`⟪@@ detainer⟫`). Every piece of text must belong to a labelled unit.
 */
export function parseAnnotatedDocument(raw: string, name = 'document'): AnnotatedDocument {
  const meta: Record<string, string> = {};
  const units: GoldUnit[] = [];
  let out = '';
  let unitStart = 0;
  let lineNo = 0;
  let inHeader = true;

  const closeUnit = (labels: string, where: string): void => {
    let s = unitStart;
    let e = out.length;
    while (s < e && /\s/.test(out[s]!)) s++;
    while (e > s && /\s/.test(out[e - 1]!)) e--;
    if (e <= s) throw new DomainError('bad-input', `empty unit before the label at ${where}`);
    units.push({ start: s, end: e, ...parseLabels(labels, where) });
    unitStart = out.length;
  };

  for (const line of raw.split('\n')) {
    lineNo++;
    const where = `${name}:${lineNo}`;
    if (inHeader && line.startsWith('#!')) {
      const m = /^#!\s*([\w-]+)\s*:\s*(.*)$/.exec(line);
      if (m) meta[m[1]!] = m[2]!.trim();
      continue;
    }
    inHeader = false;
    const annotation = /^@@(.*)$/.exec(line.trimEnd());
    if (annotation) {
      closeUnit(annotation[1]!, where);
      continue;
    }
    let rest = line;
    let open = rest.indexOf(INLINE_OPEN);
    while (open !== -1) {
      const close = rest.indexOf(INLINE_CLOSE, open);
      if (close === -1) throw new DomainError('bad-input', `unclosed ⟪@@ marker at ${where}`);
      out += rest.slice(0, open);
      closeUnit(rest.slice(open + INLINE_OPEN.length, close), where);
      rest = rest.slice(close + INLINE_CLOSE.length);
      open = rest.indexOf(INLINE_OPEN);
    }
    out += rest + '\n';
  }
  if (out.slice(unitStart).trim() !== '') {
    throw new DomainError('bad-input', `${name}: text after the last label is not labelled`);
  }
  return { meta, text: out, units };
}
