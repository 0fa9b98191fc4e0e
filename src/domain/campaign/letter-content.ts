// The text of one wave's letter to one recipient: award numbers, provisions cited, documents asked for,
// the deadline and how it was computed, the consequences named (BRIEF §2.4, C4).
import type { IsoDate } from '../shared/brand.ts';
import type { Grant } from '../law/grant.ts';
import type { Requirement } from '../law/requirement.ts';
import type { Jurisdiction } from '../jurisdictions/jurisdiction.ts';
import type { Request, Wave } from './campaign.ts';

export type LetterContent = {
  readonly date: IsoDate;
  readonly to: string;
  readonly toId: string;
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly requested: readonly string[];
  readonly deadline: { readonly due: IsoDate; readonly rule: string; readonly trace: readonly string[] };
  readonly consequences: readonly string[];
  readonly awards: readonly string[];
  readonly citations: readonly string[];
};

const longDate = (d: IsoDate) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

export function letterContent(input: {
  wave: Wave;
  request: Request;
  jurisdiction: Jurisdiction;
  grants: readonly Grant[];
  requirements: readonly Requirement[];
}): LetterContent {
  const { wave, request, jurisdiction: j } = input;
  const awards = input.grants
    // Only awards that existed on the letter's date (Denver's FY2017 award came on 2018-10-10).
    .filter(
      (g) =>
        g.jurisdiction === j.id &&
        g.role !== 'applicant' &&
        (g.awarded === undefined || g.awarded <= wave.sent),
    )
    .map(
      (g) =>
        `FY${g.fiscalYear} Byrne JAG ${g.role === 'subgrantee' ? `subaward${g.via ? ` (through ${g.via.split('/').pop()})` : ''}` : 'award'} (record ${g.id})`,
    );
  const cited = input.requirements.filter(
    (r) => r.kind !== 'executive-order' && (r.id === 'usc-8-1373' || (wave.legalBasis ?? '').includes(r.id)),
  );
  const requested = wave.demand
    .split(/;\s+/)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter(Boolean);
  return {
    date: wave.sent,
    to: j.name,
    toId: j.id,
    subject: wave.name,
    paragraphs: [
      `This letter concerns ${awards.length > 0 ? awards.join('; ') : 'your jurisdiction’s Edward Byrne Memorial Justice Assistance Grant funds'}.`,
      wave.legalBasis ? `It is sent under ${wave.legalBasis}.` : 'It is sent under the terms of your award.',
      `Please provide the following by ${longDate(request.deadline.due)}:`,
    ],
    requested,
    deadline: {
      due: request.deadline.due,
      rule: request.deadline.ruleText,
      trace: request.deadline.trace.map((t) => `${t.date}: ${t.note}`),
    },
    consequences: wave.consequences,
    awards,
    citations: cited.map((r) => `${r.title}: ${r.summary}`),
  };
}

export const letterDateText = longDate;
