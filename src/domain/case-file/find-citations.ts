// Reads statute and order citations (8 U.S.C. § 1373, EO 13768, SB 54) and grant programs (Byrne JAG, COPS).
import type { ProgramId } from './case-facts.ts';

export type FoundStatute = {
  readonly start: number;
  readonly end: number;
  readonly citation: string;
  readonly subsection?: string;
};

export type FoundProgram = {
  readonly start: number;
  readonly end: number;
  readonly id: ProgramId;
  readonly name: string;
};

// The two immigration-information statutes are in Title 8; a bare "Section 1373" means them.
const TITLE_8_SECTIONS = new Set(['1373', '1644', '1357', '1226', '1324']);
const SUBSECTION = '((?:\\([a-z0-9]{1,4}\\)){0,3})';
const USC = new RegExp(
  `\\b(\\d{1,2})[ \\t]*U\\.?[ \\t]?S\\.?[ \\t]?C\\.?(?:[ \\t]?A\\.)?[ \\t]*(?:§§?|[Ss]ec(?:tion|\\.)?|[Ss]ections)?[ \\t]*(\\d{2,5}[a-z]?)${SUBSECTION}(?:[ \\t]*(?:and|or|,|&)[ \\t]*(?:§[ \\t]*)?(\\d{3,5})${SUBSECTION})?`,
  'g',
);
const SECTION = new RegExp(
  `(?:§§?|\\b[Ss]ections?|\\bSec\\.)[ \\t]*(\\d{3,5}[a-z]?)${SUBSECTION}(?:[ \\t]*(?:and|or|,|&)[ \\t]*(?:§[ \\t]*)?(\\d{3,5})${SUBSECTION})?`,
  'g',
);
const EXECUTIVE_ORDER = /\b(?:Executive[ \t]+Order|EO|E\.O\.)[ \t]*(?:No\.[ \t]*)?(\d{5})\b/g;
const EO_SECTION =
  /\b[Ss]ection[ \t]+(\d{1,2}\([a-z]\))[ \t]+of[ \t]+(?:the[ \t]+)?(?:Executive[ \t]+Order|EO|E\.O\.)[ \t]*(?:No\.[ \t]*)?(\d{5})\b/g;
const STATE_BILL = /\b(?:SB|S\.B\.|Senate[ \t]+Bill)[ \t]*(\d{1,4})\b/g;
const VALUES_ACT = /\bCalifornia[ \t]+Values[ \t]+Act\b/g;

const PROGRAMS: readonly { readonly id: ProgramId; readonly name: string; readonly pattern: RegExp }[] = [
  {
    id: 'byrne-jag',
    name: 'Edward Byrne Memorial Justice Assistance Grant',
    pattern:
      /\b(?:(?:Edward[ \t]+)?Byrne[ \t]+(?:Memorial[ \t]+)?(?:Justice[ \t]+Assistance[ \t]+Grants?(?:[ \t]+\(JAG\))?(?:[ \t]+[Pp]rogram)?|JAG(?:[ \t]+[Pp]rogram|[ \t]+grants?)?|grants?|funds|funding|money|program)|Justice[ \t]+Assistance[ \t]+Grants?(?:[ \t]+\(JAG\))?(?:[ \t]+[Pp]rogram)?|JAG(?:[ \t]+[Pp]rogram|[ \t]+grants?|[ \t]+funds|[ \t]+funding)?)\b/g,
  },
  {
    id: 'cops',
    name: 'Community Oriented Policing Services',
    pattern:
      /\b(?:Community[ \t]+Oriented[ \t]+Policing[ \t]+Services(?:[ \t]+\(COPS\))?(?:[ \t]+(?:grants?|program|hiring program))?|COPS(?:[ \t]+(?:grants?|program|Hiring Program))?)\b/g,
  },
  {
    id: 'scaap',
    name: 'State Criminal Alien Assistance Program',
    pattern: /\b(?:State[ \t]+Criminal[ \t]+Alien[ \t]+Assistance[ \t]+Program(?:[ \t]+\(SCAAP\))?|SCAAP)\b/g,
  },
];

/** Citations in `text`; a pair ("§§ 1373 and 1644") gives two items, each with its own span. */
export function findStatutes(text: string): FoundStatute[] {
  const out: FoundStatute[] = [];
  const occupied = new Uint8Array(text.length + 1);
  const overlaps = (s: number, e: number): boolean => occupied[s] === 1 || occupied[e - 1] === 1;
  const take = (s: number, e: number): void => {
    occupied.fill(1, s, e);
  };
  const push = (start: number, end: number, citation: string, subsection?: string): void => {
    out.push({ start, end, citation, ...(subsection ? { subsection } : {}) });
  };
  const pair = (m: RegExpMatchArray, title: string | undefined, base: number): void => {
    const first = m[base] as string;
    const firstSub = m[base + 1] || undefined;
    const second = m[base + 2];
    const start = m.index as number;
    const end = start + m[0].length;
    const cite = (section: string): string =>
      title
        ? `${title} U.S.C. § ${section}`
        : TITLE_8_SECTIONS.has(section)
          ? `8 U.S.C. § ${section}`
          : `§ ${section}`;
    if (second) {
      // Each section of a pair gets its own span: the first from the match start, the second its own digits.
      const secondAt = start + m[0].lastIndexOf(second);
      push(
        start,
        start + m[0].indexOf(first) + first.length + (firstSub?.length ?? 0),
        cite(first),
        firstSub,
      );
      push(secondAt, end, cite(second), m[base + 3] || undefined);
    } else push(start, end, cite(first), firstSub);
    take(start, end);
  };
  for (const m of text.matchAll(USC)) pair(m, m[1], 2);
  for (const m of text.matchAll(SECTION)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    // "Section 9(a) of Executive Order 13768" is the order's section, read below.
    if (
      /^[ \t]+of[ \t]+(?:the[ \t]+)?(?:Executive|EO|executive)/.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 20),
      )
    )
      continue;
    pair(m, undefined, 1);
  }
  for (const m of text.matchAll(EO_SECTION)) {
    push(m.index, m.index + m[0].length, `Executive Order ${m[2]}`, m[1]);
    take(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(EXECUTIVE_ORDER)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    push(m.index, m.index + m[0].length, `Executive Order ${m[1]}`);
  }
  for (const m of text.matchAll(STATE_BILL)) {
    // A bill number means nothing without its state; name California only when the text does nearby.
    const isCalifornia = /California|Calif\./.test(text.slice(Math.max(0, m.index - 60), m.index + 80));
    push(m.index, m.index + m[0].length, `${isCalifornia ? 'California ' : ''}SB ${m[1]}`);
  }
  for (const m of text.matchAll(VALUES_ACT)) push(m.index, m.index + m[0].length, 'California SB 54');
  return out.sort((a, b) => a.start - b.start);
}

/** Grant programs named in `text`. */
export function findPrograms(text: string): FoundProgram[] {
  const out: FoundProgram[] = [];
  for (const p of PROGRAMS) {
    for (const m of text.matchAll(p.pattern)) {
      out.push({ start: m.index, end: m.index + m[0].length, id: p.id, name: p.name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
