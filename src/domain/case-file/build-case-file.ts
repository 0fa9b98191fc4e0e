// The result of one `extract` run over several documents (BRIEF §5): each document read on its own, then merged.
import type { Registry } from '../registry/registry.ts';
import type { CaseDocument, CaseEvent, ExtractedDocument } from './case-facts.ts';
import { checkInputText } from './check-input-text.ts';
import { extractCaseFacts } from './extract-case-facts.ts';
import { mergeCaseFacts } from './merge-case-facts.ts';
import type {
  CaseAmount,
  CaseClaim,
  CaseJurisdiction,
  CaseProgram,
  CaseStatute,
  Conflict,
} from './merge-case-facts.ts';

/** BRIEF §5 `extract`: exactly these keys; per-document details (spans, removed junk) live in `documents`. */
export type CaseFile = {
  readonly documents: readonly ExtractedDocument[];
  readonly jurisdictions: readonly CaseJurisdiction[];
  readonly events: readonly CaseEvent[];
  readonly amounts: readonly CaseAmount[];
  readonly statutes: readonly CaseStatute[];
  readonly programs: readonly CaseProgram[];
  readonly claims: readonly CaseClaim[];
  /** Disagreements between sources; each carries its `reconciliation` when the record explains it. */
  readonly conflicts: readonly Conflict[];
};

/**
 * Reads every document and merges them. Throws `too-large` or `bad-input` for the first document that cannot be
 * read (before reading any of them), so a bad file changes nothing.
 */
export function buildCaseFile(docs: readonly CaseDocument[], registry: Registry): CaseFile {
  for (const d of docs) checkInputText(d.text, d.name);
  const documents = docs.map((d) => extractCaseFacts(d, registry));
  const merged = mergeCaseFacts(documents);
  return {
    documents,
    jurisdictions: merged.jurisdictions,
    events: merged.events,
    amounts: merged.amounts,
    statutes: merged.statutes,
    programs: merged.programs,
    claims: merged.claims,
    conflicts: merged.conflicts,
  };
}
