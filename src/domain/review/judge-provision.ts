// Judges one tagged provision against § 1373 and the FY2017 JAG conditions under the agency and judicial readings (BRIEF §2.1–2.2).
import type { RequirementId } from '../shared/brand.ts';
import { INTERPRETATIONS, REVIEW_REQUIREMENTS, TOPICS } from './provision.ts';
import type {
  AppliedModifier,
  Finding,
  Interpretation,
  ReviewRequirement,
  Span,
  TagEvidence,
  Topic,
  Verdict,
} from './provision.ts';
import { REVIEW_RULES } from './review-rules.ts';
import type { ReviewRuleId } from './review-rules.ts';

export interface JudgeInput {
  readonly topics: readonly Topic[];
  readonly tagEvidence: readonly TagEvidence[];
  readonly appliedModifiers: readonly AppliedModifier[];
  readonly facts: {
    readonly correctionalAccess: boolean;
    readonly consentAccess: boolean;
    readonly releaseSpecificNotice: boolean;
  };
}

/** Which spans a verdict rests on: the topic's own evidence, or the modifiers that changed it. */
type Use = Topic | 'savings' | 'warrant' | 'carve-out';

interface Part {
  verdict: Verdict;
  rules: ReviewRuleId[];
  uses: Use[];
}

const RANK: Record<Verdict, number> = { 'no-conflict': 0, 'possible-conflict': 1, conflict: 2 };
export const worseVerdict = (a: Verdict, b: Verdict): Verdict => (RANK[a] >= RANK[b] ? a : b);

type Savings = 'explicit' | 'generic' | null;

interface Governing {
  savings: Savings;
  hasWarrant: boolean;
  hasCarveOut: boolean;
  spans: Record<'savings' | 'warrant' | 'carve-out', Span[]>;
}

/** The modifiers that govern the provision: its own (and its lead-in's), and those applied from elsewhere in the document. */
function governing(input: JudgeInput): Governing {
  const g: Governing = {
    savings: null,
    hasWarrant: false,
    hasCarveOut: false,
    spans: { savings: [], warrant: [], 'carve-out': [] },
  };
  const take = (modifier: string, spans: readonly Span[], strength?: 'explicit' | 'generic'): void => {
    if (modifier === 'savings-clause') {
      if (strength === 'explicit') g.savings = 'explicit';
      else if (g.savings === null) g.savings = 'generic';
      g.spans.savings.push(...spans);
    } else if (modifier === 'warrant-exception') {
      g.hasWarrant = true;
      g.spans.warrant.push(...spans);
    } else if (modifier === 'serious-crime-carve-out') {
      g.hasCarveOut = true;
      g.spans['carve-out'].push(...spans);
    }
  };
  for (const e of input.tagEvidence) take(e.tag, e.spans, e.strength);
  for (const a of input.appliedModifiers) take(a.modifier, a.spans, a.strength);
  return g;
}

function assess1373(topic: Topic, reading: Interpretation, g: Governing): Part {
  const part = (verdict: Verdict, rules: ReviewRuleId[], uses: Use[] = []): Part => ({
    verdict,
    rules,
    uses: [topic, ...uses],
  });
  const carve: ReviewRuleId[] = g.hasWarrant || g.hasCarveOut ? ['carve-out-any-way'] : [];
  const carveUses: Use[] = ['warrant', 'carve-out'];
  switch (topic) {
    case 'info-sharing':
      if (reading === 'agency') {
        if (g.savings === 'explicit')
          return part(
            'possible-conflict',
            ['usc1373-status-exchange', 'savings-explicit-agency'],
            ['savings'],
          );
        if (g.savings === 'generic')
          return part(
            'conflict',
            ['usc1373-status-exchange', 'savings-generic-agency', ...carve],
            ['savings', ...carveUses],
          );
        return part('conflict', ['usc1373-status-exchange', ...carve], carveUses);
      }
      if (g.savings === 'explicit')
        return part('no-conflict', ['judicial-status-conflict', 'savings-explicit-judicial'], ['savings']);
      if (g.savings === 'generic')
        return part(
          'possible-conflict',
          ['judicial-status-conflict', 'savings-generic-judicial'],
          ['savings'],
        );
      return part('conflict', ['judicial-status-conflict', ...carve], carveUses);
    case 'release-notification':
      if (reading === 'agency') {
        return part(
          'conflict',
          [
            'agency-broad-reading',
            ...(g.savings ? (['savings-no-reach-release'] as ReviewRuleId[]) : []),
            ...carve,
          ],
          ['savings', ...carveUses],
        );
      }
      return part('no-conflict', ['judicial-narrow-reading']);
    case 'status-inquiry':
      if (reading === 'agency') {
        if (g.savings === 'explicit')
          return part('possible-conflict', ['status-inquiry-agency', 'savings-explicit-agency'], ['savings']);
        if (g.savings === 'generic')
          return part('conflict', ['status-inquiry-agency', 'savings-generic-agency'], ['savings']);
        return part('conflict', ['status-inquiry-agency']);
      }
      return part('no-conflict', ['status-inquiry-judicial']);
    case 'detainer':
      return part('no-conflict', ['detainer-request']);
    case 'facility-access':
      return reading === 'agency'
        ? part('possible-conflict', ['access-agency-1373'])
        : part('no-conflict', ['access-judicial-1373']);
    case 'civil-enforcement':
      if (reading === 'agency') {
        return g.savings === 'explicit'
          ? part('no-conflict', ['enforcement-agency-1373', 'enforcement-savings-agency'], ['savings'])
          : part('possible-conflict', ['enforcement-agency-1373']);
      }
      return part('no-conflict', ['enforcement-judicial-1373']);
  }
}

function assessAccess(topic: Topic, g: Governing, facts: JudgeInput['facts']): Part {
  if (topic !== 'facility-access') return { verdict: 'no-conflict', rules: ['not-concerned'], uses: [] };
  const rules: ReviewRuleId[] = ['jag-2017-access'];
  let verdict: Verdict = 'conflict';
  const uses: Use[] = [topic];
  if (!facts.correctionalAccess) {
    verdict = 'possible-conflict';
    rules.push('jag-2017-access-noncorrectional');
  } else if (facts.consentAccess) {
    verdict = 'possible-conflict';
    rules.push('jag-2017-access-consent');
  } else if (g.hasCarveOut) {
    verdict = 'possible-conflict';
    rules.push('jag-2017-access-carve-out');
    uses.push('carve-out');
  }
  if (g.hasWarrant) {
    rules.push('jag-2017-warrant-no-cure');
    uses.push('warrant');
  }
  rules.push('conditions-own-text');
  return { verdict, rules, uses };
}

function assessNotice(topic: Topic, g: Governing, facts: JudgeInput['facts']): Part {
  if (topic !== 'release-notification') return { verdict: 'no-conflict', rules: ['not-concerned'], uses: [] };
  if (!facts.releaseSpecificNotice) {
    return {
      verdict: 'no-conflict',
      rules: ['jag-2017-notice-not-release', 'conditions-own-text'],
      uses: [topic],
    };
  }
  const rules: ReviewRuleId[] = ['jag-2017-notice'];
  let verdict: Verdict = 'conflict';
  const uses: Use[] = [topic];
  if (g.hasCarveOut) {
    verdict = 'possible-conflict';
    rules.push('jag-2017-notice-carve-out');
    uses.push('carve-out');
  }
  if (g.hasWarrant) {
    rules.push('jag-2017-warrant-no-cure');
    uses.push('warrant');
  }
  rules.push('conditions-own-text');
  return { verdict, rules, uses };
}

/** Reason texts are built once: a finding quotes its rule and names it. */
const REASON_TEXT = Object.fromEntries(
  Object.entries(REVIEW_RULES).map(([id, rule]) => [id, `${rule.reason} [${id}]`]),
) as Record<ReviewRuleId, string>;

const dedupeSpans = (spans: readonly Span[]): Span[] => {
  const out: Span[] = [];
  for (const s of spans) {
    let seen = false;
    for (const o of out) if (o.start === s.start && o.end === s.end) seen = true;
    if (!seen) out.push(s);
  }
  // By start, keeping the order of equal starts (as the stable Array#sort would); an insertion sort, because the
  // lists are a few spans long and Array#sort allocates a work copy for every call.
  for (let i = 1; i < out.length; i++) {
    const s = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.start > s.start) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = s;
  }
  return out;
};

/** The verdicts, rules and reasons for one combination of topics, modifiers and facts; shared by every provision with it. */
interface Plan {
  readonly requirement: RequirementId;
  readonly interpretation: Interpretation;
  readonly verdict: Verdict;
  readonly rules: readonly ReviewRuleId[];
  readonly reasons: readonly string[];
  readonly uses: readonly Use[];
}

const PLANS = new Map<number, readonly Plan[]>();

/** 1-based topic numbers, for plan keys. */
const TOPIC_NUMBER = new Map<Topic, number>(TOPICS.map((t, i) => [t, i + 1]));

/**
 * The plan cache key as a number: seven flag bits, then each topic in order in three bits (topics are distinct and
 * fewer than eight, so the sequence is unambiguous). A string key had to be built and hashed for every provision.
 */
function planKey(topics: readonly Topic[], g: Governing, facts: JudgeInput['facts']): number {
  let key = 0;
  for (const t of topics) key = key * 8 + TOPIC_NUMBER.get(t)!;
  const savings = g.savings === 'explicit' ? 1 : g.savings === 'generic' ? 2 : 0;
  return (
    key * 128 +
    savings * 32 +
    (g.hasWarrant ? 16 : 0) +
    (g.hasCarveOut ? 8 : 0) +
    (facts.correctionalAccess ? 4 : 0) +
    (facts.consentAccess ? 2 : 0) +
    (facts.releaseSpecificNotice ? 1 : 0)
  );
}

function planFor(topics: readonly Topic[], g: Governing, facts: JudgeInput['facts']): readonly Plan[] {
  const key = planKey(topics, g, facts);
  const cached = PLANS.get(key);
  if (cached) return cached;
  const plans: Plan[] = [];
  for (const requirement of REVIEW_REQUIREMENTS as readonly ReviewRequirement[]) {
    for (const interpretation of INTERPRETATIONS) {
      const parts: Part[] = topics.map((topic) => {
        switch (requirement) {
          case 'usc-8-1373':
            return assess1373(topic, interpretation, g);
          case 'jag-fy2017-1373-compliance': {
            const p = assess1373(topic, interpretation, g);
            return { ...p, rules: ['jag-2017-1373-condition', ...p.rules] };
          }
          case 'jag-fy2017-access':
            return assessAccess(topic, g, facts);
          case 'jag-fy2017-notice':
            return assessNotice(topic, g, facts);
        }
      });
      parts.sort((a, b) => RANK[b.verdict] - RANK[a.verdict]);
      const verdict = parts.reduce<Verdict>((w, p) => worseVerdict(w, p.verdict), 'no-conflict');
      const rules: ReviewRuleId[] = [];
      for (const p of parts) for (const r of p.rules) if (!rules.includes(r)) rules.push(r);
      // A requirement no topic concerns gets one plain reason, not one per topic.
      const concerned = rules.filter((r) => r !== 'not-concerned');
      const finalRules = concerned.length > 0 ? concerned : (['not-concerned'] as ReviewRuleId[]);
      let uses: Use[] = [];
      for (const p of parts) for (const u of p.uses) if (!uses.includes(u)) uses.push(u);
      // Plans with the same uses share the array, so a provision collects their evidence once (judgeProvision).
      const same = plans.find((p) => p.uses.length === uses.length && p.uses.every((u, i) => u === uses[i]));
      if (same) uses = same.uses as Use[];
      plans.push({
        requirement: requirement as string as RequirementId,
        interpretation,
        verdict,
        rules: finalRules,
        reasons: finalRules.map((r) => REASON_TEXT[r]),
        uses,
      });
    }
  }
  if (PLANS.size < 4096) PLANS.set(key, plans);
  return plans;
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * One finding per requirement and reading. The verdict is the worst over the provision's topics; the reasons list
 * every rule applied, worst first; the evidence is the spans of the topics and modifiers the verdict rests on.
 * Provisions without topics get no findings.
 */
export function judgeProvision(input: JudgeInput): readonly Finding[] {
  if (input.topics.length === 0) return NO_FINDINGS;
  const g = governing(input);
  const spansOf = new Map<Use, Span[]>([
    ['savings', g.spans.savings],
    ['warrant', g.spans.warrant],
    ['carve-out', g.spans['carve-out']],
  ]);
  // Plain loops rather than filter/flatMap: this runs for every tagged provision, and flatMap is a slow builtin.
  for (const t of input.topics) {
    const spans: Span[] = [];
    for (const e of input.tagEvidence) if (e.tag === t) for (const s of e.spans) spans.push(s);
    spansOf.set(t, spans);
  }
  const collected: Array<readonly Use[]> = [];
  const collectedEvidence: Span[][] = [];
  const evidenceOf = (uses: readonly Use[]): Span[] => {
    const at = collected.indexOf(uses);
    if (at !== -1) return collectedEvidence[at]!.slice();
    const spans: Span[] = [];
    for (const u of uses) {
      const own = spansOf.get(u);
      if (own) for (const s of own) spans.push(s);
    }
    const evidence = dedupeSpans(spans);
    collected.push(uses);
    collectedEvidence.push(evidence);
    return evidence;
  };
  return planFor(input.topics, g, input.facts).map((plan) => ({
    requirement: plan.requirement,
    interpretation: plan.interpretation,
    verdict: plan.verdict,
    reasons: plan.reasons,
    rules: plan.rules,
    evidence: evidenceOf(plan.uses),
  }));
}
