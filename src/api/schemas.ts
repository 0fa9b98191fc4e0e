// Request and response schemas of the HTTP API; the OpenAPI document is generated from these.
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('calendar date YYYY-MM-DD');

export const statusQuerySchema = z.object({
  asOf: isoDate.optional().describe('answer as of this date (default: today)'),
  knownAt: isoDate.optional().describe('count only records the system held on this date'),
  jurisdiction: z
    .string()
    .optional()
    .describe('an OCD-ID; then only that jurisdiction is listed, even without requests'),
});

const reason = z.object({
  text: z.string(),
  date: isoDate,
  ruling: z.string().optional(),
  sources: z.array(z.string()),
});

export const statusReportSchema = z.object({
  asOf: isoDate,
  knownAt: isoDate.nullable(),
  jurisdictions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['state', 'district', 'territory', 'county', 'place']),
      alsoIds: z.array(z.string()),
      requests: z.array(
        z.object({
          wave: z.string(),
          waveName: z.string(),
          waveKind: z.string(),
          sent: isoDate,
          due: isoDate,
          state: z.enum(['open', 'responded', 'overdue', 'closed']),
          rule: z.string(),
          ruleVersion: z.string(),
          trace: z.array(z.object({ date: isoDate, note: z.string() })),
          response: z
            .object({
              received: isoDate,
              precision: z.enum(['day', 'by']),
              summary: z.string(),
              sources: z.array(z.string()),
            })
            .nullable(),
          closedBy: z.object({ determination: z.string(), date: isoDate }).nullable(),
        }),
      ),
      conditions: z.array(
        z.object({
          requirement: z.string(),
          title: z.string(),
          inForce: z.boolean(),
          enforceable: z.boolean(),
          because: z.array(z.string()),
          blockedBy: z.array(z.string()),
          reasons: z.array(reason),
        }),
      ),
      determination: z
        .object({
          id: z.string(),
          kind: z.enum(['possible-violation', 'cleared', 'undecided', 'non-compliant']),
          date: isoDate,
          precision: z.enum(['day', 'by', 'month']),
          text: z.string(),
          sources: z.array(z.string()),
        })
        .nullable(),
    }),
  ),
});

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const dateQuerySchema = z.object({
  asOf: isoDate.optional().describe('answer as of this date (default: today)'),
  knownAt: isoDate.optional().describe('count only records the system held on this date'),
});

export const jurisdictionQuerySchema = z.object({
  q: z.string().min(1).max(300).describe('free text: "King County, Wash.", "Louisville Metro", an OCD-ID'),
  state: z
    .string()
    .max(40)
    .optional()
    .describe('a state named nearby (code or name): candidates there rank first'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('how many candidates (default 10)'),
});

export const candidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['state', 'district', 'territory', 'county', 'place']),
  score: z.number(),
});
