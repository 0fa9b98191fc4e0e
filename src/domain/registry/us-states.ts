// The 50 states, DC and the inhabited territories, with FIPS codes and the abbreviations news copy uses.
import type { JurisdictionKind } from './registry-entry.ts';

export type UsState = {
  /** Postal code, lower case, as it appears in the OCD-ID (`state:ca`). */
  readonly code: string;
  readonly fips: string;
  readonly name: string;
  readonly kind: Extract<JurisdictionKind, 'state' | 'district' | 'territory'>;
  /**
   * Other ways copy names it: AP-style and older abbreviations ("Calif.", "Wash.", "N.M."), formal names.
   * The postal code itself is always accepted and is not repeated here.
   */
  readonly aliases: readonly string[];
};

const state = (code: string, fips: string, name: string, ...aliases: string[]): UsState => ({
  code,
  fips,
  name,
  kind: 'state',
  aliases,
});

export const US_STATES: readonly UsState[] = [
  state('al', '01', 'Alabama', 'Ala.'),
  state('ak', '02', 'Alaska', 'Alas.'),
  state('az', '04', 'Arizona', 'Ariz.'),
  state('ar', '05', 'Arkansas', 'Ark.'),
  state('ca', '06', 'California', 'Calif.', 'Cal.'),
  state('co', '08', 'Colorado', 'Colo.'),
  state('ct', '09', 'Connecticut', 'Conn.'),
  state('de', '10', 'Delaware', 'Del.'),
  {
    code: 'dc',
    fips: '11',
    name: 'District of Columbia',
    kind: 'district',
    aliases: ['D.C.', 'Washington, D.C.', 'Washington D.C.', 'Washington'],
  },
  state('fl', '12', 'Florida', 'Fla.'),
  state('ga', '13', 'Georgia', 'Ga.'),
  state('hi', '15', 'Hawaii', "Hawai'i"),
  state('id', '16', 'Idaho', 'Ida.'),
  state('il', '17', 'Illinois', 'Ill.'),
  state('in', '18', 'Indiana', 'Ind.'),
  state('ia', '19', 'Iowa'),
  state('ks', '20', 'Kansas', 'Kan.', 'Kans.'),
  state('ky', '21', 'Kentucky', 'Ky.', 'Commonwealth of Kentucky'),
  state('la', '22', 'Louisiana', 'La.'),
  state('me', '23', 'Maine'),
  state('md', '24', 'Maryland', 'Md.'),
  state('ma', '25', 'Massachusetts', 'Mass.', 'Commonwealth of Massachusetts'),
  state('mi', '26', 'Michigan', 'Mich.'),
  state('mn', '27', 'Minnesota', 'Minn.'),
  state('ms', '28', 'Mississippi', 'Miss.'),
  state('mo', '29', 'Missouri', 'Mo.'),
  state('mt', '30', 'Montana', 'Mont.'),
  state('ne', '31', 'Nebraska', 'Neb.', 'Nebr.'),
  state('nv', '32', 'Nevada', 'Nev.'),
  state('nh', '33', 'New Hampshire', 'N.H.'),
  state('nj', '34', 'New Jersey', 'N.J.'),
  state('nm', '35', 'New Mexico', 'N.M.', 'N. Mex.'),
  state('ny', '36', 'New York', 'N.Y.', 'New York State'),
  state('nc', '37', 'North Carolina', 'N.C.'),
  state('nd', '38', 'North Dakota', 'N.D.', 'N. Dak.'),
  state('oh', '39', 'Ohio'),
  state('ok', '40', 'Oklahoma', 'Okla.'),
  state('or', '41', 'Oregon', 'Ore.', 'Oreg.'),
  state('pa', '42', 'Pennsylvania', 'Pa.', 'Penn.', 'Penna.', 'Commonwealth of Pennsylvania'),
  state('ri', '44', 'Rhode Island', 'R.I.'),
  state('sc', '45', 'South Carolina', 'S.C.'),
  state('sd', '46', 'South Dakota', 'S.D.', 'S. Dak.'),
  state('tn', '47', 'Tennessee', 'Tenn.'),
  state('tx', '48', 'Texas', 'Tex.'),
  state('ut', '49', 'Utah'),
  state('vt', '50', 'Vermont', 'Vt.'),
  state('va', '51', 'Virginia', 'Va.', 'Commonwealth of Virginia'),
  state('wa', '53', 'Washington', 'Wash.', 'Washington State'),
  state('wv', '54', 'West Virginia', 'W.Va.', 'W. Va.'),
  state('wi', '55', 'Wisconsin', 'Wis.', 'Wisc.'),
  state('wy', '56', 'Wyoming', 'Wyo.'),
  { code: 'as', fips: '60', name: 'American Samoa', kind: 'territory', aliases: ['Amer. Samoa'] },
  { code: 'gu', fips: '66', name: 'Guam', kind: 'territory', aliases: [] },
  {
    code: 'mp',
    fips: '69',
    name: 'Northern Mariana Islands',
    kind: 'territory',
    aliases: ['Commonwealth of the Northern Mariana Islands', 'CNMI', 'N. Mariana Islands'],
  },
  {
    code: 'pr',
    fips: '72',
    name: 'Puerto Rico',
    kind: 'territory',
    aliases: ['P.R.', 'Commonwealth of Puerto Rico'],
  },
  {
    code: 'vi',
    fips: '78',
    name: 'U.S. Virgin Islands',
    kind: 'territory',
    aliases: ['United States Virgin Islands', 'Virgin Islands', 'USVI', 'V.I.'],
  },
];

const BY_CODE = new Map(US_STATES.map((s) => [s.code, s]));
const BY_FIPS = new Map(US_STATES.map((s) => [s.fips, s]));

export const usStateByCode = (code: string): UsState | undefined => BY_CODE.get(code.toLowerCase());
export const usStateByFips = (fips: string): UsState | undefined => BY_FIPS.get(fips);

/** The OCD-ID path segment of a state-level division: `state:ca`, `district:dc`, `territory:pr`. */
export const stateSegment = (s: UsState): string => `${s.kind}:${s.code}`;
