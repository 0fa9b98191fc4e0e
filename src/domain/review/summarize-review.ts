// Document-level summary of a review: counts by topic and modifier, and the worst verdict per requirement and reading.
import { INTERPRETATIONS, MODIFIERS, REVIEW_REQUIREMENTS, TOPICS } from './provision.ts';
import type {
  Interpretation,
  Modifier,
  Provision,
  ReviewRequirement,
  ReviewSummary,
  Topic,
  WorstFinding,
} from './provision.ts';
import { worseVerdict } from './judge-provision.ts';

export function summarizeReview(provisions: readonly Provision[]): ReviewSummary {
  const topics = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>;
  const modifiers = Object.fromEntries(MODIFIERS.map((m) => [m, 0])) as Record<Modifier, number>;
  const worst = {} as Record<
    ReviewRequirement,
    Record<Interpretation, { verdict: WorstFinding['verdict']; provisions: string[] }>
  >;
  for (const r of REVIEW_REQUIREMENTS) {
    worst[r] = {
      agency: { verdict: 'no-conflict', provisions: [] },
      judicial: { verdict: 'no-conflict', provisions: [] },
    };
  }
  let tagged = 0;
  for (const p of provisions) {
    if (p.topics.length > 0) tagged++;
    for (const t of p.topics) topics[t]++;
    for (const m of p.modifiers) modifiers[m]++;
    for (const f of p.findings) {
      const slot = worst[f.requirement as string as ReviewRequirement]?.[f.interpretation];
      if (!slot) continue;
      const next = worseVerdict(slot.verdict, f.verdict);
      if (next !== slot.verdict) {
        slot.verdict = next;
        slot.provisions = [];
      }
      if (f.verdict === slot.verdict && f.verdict !== 'no-conflict') slot.provisions.push(p.id);
    }
  }
  for (const r of REVIEW_REQUIREMENTS) for (const i of INTERPRETATIONS) worst[r][i] = { ...worst[r][i] };
  return { provisions: provisions.length, tagged, topics, modifiers, worst };
}
