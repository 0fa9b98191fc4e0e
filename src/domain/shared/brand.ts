// Branded primitives keep values of different meaning apart at compile time.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** An Open Civic Data division id, e.g. `ocd-division/country:us/state:il/place:chicago`. */
export type OcdId = Brand<string, 'OcdId'>;
/** A stable requirement id (BRIEF §2.2), e.g. `jag-fy2017-access`. */
export type RequirementId = Brand<string, 'RequirementId'>;
export type RulingId = Brand<string, 'RulingId'>;
export type SourceId = Brand<string, 'SourceId'>;
export type WaveId = Brand<string, 'WaveId'>;
export type CalendarDays = Brand<number, 'CalendarDays'>;
export type BusinessDays = Brand<number, 'BusinessDays'>;
