// Builds the OpenAPI 3.1 document from the zod schemas, so the description cannot drift from the code.
import { z } from 'zod';
import {
  candidateSchema,
  dateQuerySchema,
  errorSchema,
  jurisdictionQuerySchema,
  statusQuerySchema,
  statusReportSchema,
} from './schemas.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output' });

const queryParameters = (s: z.ZodObject) =>
  Object.entries(s.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: schema(field as z.ZodType),
    description: (field as z.ZodType).description,
  }));

export function openApiDocument(version: string): Record<string, unknown> {
  const errors = {
    '400': {
      description: 'bad input (malformed date or id)',
      content: { 'application/json': { schema: schema(errorSchema) } },
    },
    '404': {
      description: 'unknown jurisdiction',
      content: { 'application/json': { schema: schema(errorSchema) } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Accordance API',
      version,
      description:
        'Compliance review for the federal grant conditions tied to 8 U.S.C. § 1373. Every answer can be asked as of a date.',
    },
    paths: {
      '/api/status': {
        get: {
          summary: 'Status of each jurisdiction with requests, as of a date',
          operationId: 'getStatus',
          parameters: queryParameters(statusQuerySchema),
          responses: {
            '200': {
              description: 'the status report',
              content: { 'application/json': { schema: schema(statusReportSchema) } },
            },
            ...errors,
          },
        },
      },
      '/api/jurisdictions': {
        get: {
          summary:
            'Resolve a free-text name to ranked jurisdictions (OCD-IDs) from the registry of every US government',
          operationId: 'resolveJurisdictions',
          parameters: queryParameters(jurisdictionQuerySchema),
          responses: {
            '200': {
              description: 'candidates, best first',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      query: { type: 'string' },
                      candidates: { type: 'array', items: schema(candidateSchema) },
                    },
                  },
                },
              },
            },
            '400': errors['400'],
          },
        },
      },
      '/api/jurisdictions/{id}': {
        get: {
          summary:
            'One jurisdiction: registry entry and, when it is in the campaign record, its dossier as of a date',
          description:
            'The id is an OCD-ID with its slashes, e.g. /api/jurisdictions/ocd-division/country:us/state:il/place:chicago. The dossier holds the status, a timeline of letters, deadlines, responses, determinations, rulings and awards, money on record and the sources cited.',
          operationId: 'getJurisdiction',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'OCD-ID' },
            ...queryParameters(dateQuerySchema),
          ],
          responses: { '200': { description: '{ asOf, knownAt, entry, dossier }' }, ...errors },
        },
      },
      '/api/campaign': {
        get: {
          summary:
            'The campaign board: each wave with its recipients, deadline (with trace) and request states',
          operationId: 'getCampaign',
          parameters: queryParameters(dateQuerySchema),
          responses: { '200': { description: '{ asOf, knownAt, waves }' }, '400': errors['400'] },
        },
      },
      '/api/map': {
        get: {
          summary:
            'Map colours as of a date: each jurisdiction with its category and geometry key (FIPS or point)',
          operationId: 'getMap',
          parameters: queryParameters(dateQuerySchema),
          responses: {
            '200': { description: '{ asOf, knownAt, categories, jurisdictions }' },
            '400': errors['400'],
          },
        },
      },
      '/api/export/status.csv': {
        get: {
          summary: 'Status as of a date as CSV (one row per jurisdiction)',
          operationId: 'exportStatusCsv',
          parameters: queryParameters(dateQuerySchema),
          responses: { '200': { description: 'text/csv' }, '400': errors['400'] },
        },
      },
      '/api/export/status.json': {
        get: {
          summary: 'Status as of a date as JSON (the status report)',
          operationId: 'exportStatusJson',
          parameters: queryParameters(dateQuerySchema),
          responses: { '200': { description: 'application/json' }, '400': errors['400'] },
        },
      },
      '/api/export/status.geojson': {
        get: {
          summary:
            'Status as of a date as GeoJSON: state and county polygons, place points, status properties',
          operationId: 'exportStatusGeojson',
          parameters: queryParameters(dateQuerySchema),
          responses: { '200': { description: 'application/geo+json' }, '400': errors['400'] },
        },
      },
      '/api/docs': {
        get: {
          summary: 'This API described as a page',
          operationId: 'getDocs',
          responses: { '200': { description: 'text/html' } },
        },
      },
      '/api/sources': {
        get: {
          summary: 'Every source on record',
          operationId: 'getSources',
          responses: { '200': { description: '{ sources }' } },
        },
      },
      '/api/health': {
        get: {
          summary: 'Liveness and the dataset loaded',
          operationId: 'getHealth',
          responses: { '200': { description: 'ok' } },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          operationId: 'getOpenApi',
          responses: { '200': { description: 'OpenAPI 3.1' } },
        },
      },
    },
  };
}
