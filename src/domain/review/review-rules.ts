// The rules findings apply, each with the legal source it rests on (BRIEF §2.1–2.3); reasons quote these texts.

export interface ReviewRule {
  /** What the rule says, as it appears in a finding's reasons. */
  readonly reason: string;
  /** The provision, ruling or record it rests on. */
  readonly source: string;
}

const STEINLE_AND_CALIFORNIA =
  'Steinle v. San Francisco, 9th Cir. 2019-03-25; United States v. California, 9th Cir. 2019-04-18';

export const REVIEW_RULES = {
  'usc1373-status-exchange': {
    reason:
      "limits sending, receiving, requesting, maintaining or exchanging status information, which § 1373 forbids restricting 'in any way'",
    source: '8 U.S.C. § 1373(a), (b)',
  },
  'agency-broad-reading': {
    reason:
      "agency reading: release dates, custody status and addresses are 'information regarding immigration status', so limiting them restricts § 1373 information",
    source: 'DOJ/OJP letters of 2017-10-11/12, 2017-11-15 and 2018-01-24 (BRIEF §2.1, §2.4)',
  },
  'judicial-narrow-reading': {
    reason: `judicial reading: release dates, custody status and addresses are not 'information regarding immigration status' (${STEINLE_AND_CALIFORNIA})`,
    source: STEINLE_AND_CALIFORNIA,
  },
  'judicial-status-conflict': {
    reason: `judicial reading: the limit reaches a person's legal classification itself, which § 1373 covers even on the narrow reading (${STEINLE_AND_CALIFORNIA})`,
    source: `8 U.S.C. § 1373(a), (b); ${STEINLE_AND_CALIFORNIA}`,
  },
  'savings-explicit-judicial': {
    reason:
      'a § 1373 savings clause removes the conflict: the text preserves exchange of status information in terms',
    source: `BRIEF §2.1 judicial reading; ${STEINLE_AND_CALIFORNIA}`,
  },
  'savings-explicit-agency': {
    reason:
      'agency reading: a § 1373 savings clause was not taken as conclusive; the agency asked how the policy works in practice (document requests of 2018-01-24)',
    source:
      'DOJ/OJP document requests of 2018-01-24; West Palm Beach clearance of 2018-03-27 after a memo told staff they may share (BRIEF §2.4)',
  },
  'savings-generic-agency': {
    reason:
      "agency reading: an 'except as required by law' savings clause is treated with suspicion and does not by itself cure the restriction",
    source: 'DOJ/OJP letters of 2017-10-11/12 and 2017-11-15 (BRIEF §2.1)',
  },
  'savings-generic-judicial': {
    reason:
      "judicial reading: a generic 'as required by law' clause arguably preserves § 1373 sharing because § 1373 is such a law, but it does not name it",
    source: `BRIEF §2.1; ${STEINLE_AND_CALIFORNIA}`,
  },
  'savings-no-reach-release': {
    reason:
      'agency reading: a savings clause for status information does not reach release dates or addresses, which this reading also counts as status information',
    source: 'DOJ/OJP letters of 2017-11-15 (BRIEF §2.1)',
  },
  'carve-out-any-way': {
    reason:
      "exceptions for judicial warrants or serious crimes narrow the limit but do not cure it: § 1373(a) forbids restricting exchange 'in any way'",
    source: '8 U.S.C. § 1373(a)',
  },
  'detainer-request': {
    reason:
      'detainers are requests (8 C.F.R. § 287.7); declining to hold a person is not a restriction on exchanging status information, under either reading',
    source: '8 C.F.R. § 287.7; BRIEF §2.3',
  },
  'status-inquiry-agency': {
    reason:
      'agency reading: bans on requesting or collecting status information restrict § 1373 information (§ 1373(b)(1) protects requesting it)',
    source: '8 U.S.C. § 1373(b)(1); DOJ/OJP letters 2017–2018 (BRIEF §2.1)',
  },
  'status-inquiry-judicial': {
    reason:
      'judicial reading: asking a person about status is not sending to or receiving from the federal immigration service, and § 1373 does not require collecting it',
    source: `${STEINLE_AND_CALIFORNIA}; City of Philadelphia v. Sessions, E.D. Pa. 2018-06-06`,
  },
  'access-agency-1373': {
    reason:
      'agency reading: barring ICE interviews may restrict ICE from receiving status information; whether it does depends on practice',
    source: 'DOJ/OJP preliminary assessments of 2017-10-11/12 (BRIEF §2.4)',
  },
  'access-judicial-1373': {
    reason:
      'judicial reading: access to facilities is not an exchange of status information; it is the subject of the separate access condition',
    source: STEINLE_AND_CALIFORNIA,
  },
  'enforcement-agency-1373': {
    reason:
      'agency reading: a ban on using local resources for immigration enforcement may be applied to bar communication with ICE; it depends on practice',
    source: 'DOJ/OJP letters of 2017-11-15 and document requests of 2018-01-24 (BRIEF §2.4)',
  },
  'enforcement-savings-agency': {
    reason:
      'an explicit § 1373 savings clause answers the concern that the enforcement limit could bar communication',
    source: '8 U.S.C. § 1373; BRIEF §2.1',
  },
  'enforcement-judicial-1373': {
    reason:
      'judicial reading: limits on enforcement assistance do not restrict information exchange (United States v. California upheld such limits in SB 54)',
    source: 'United States v. California, 9th Cir. 2019-04-18',
  },
  'jag-2017-1373-condition': {
    reason:
      "FY2017 condition: no 'information-communication restriction' in the funded program, per § 1373(a) and (b), throughout the award; judged as the statute is",
    source: 'FY2017 Byrne JAG award condition (condition 53 in some awards); 8 U.S.C. § 1373(a), (b)',
  },
  'jag-2017-access': {
    reason:
      'FY2017 access condition: federal immigration agents must get access to correctional facilities to meet persons believed to be aliens; this provision limits that access',
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards)',
  },
  'jag-2017-access-noncorrectional': {
    reason:
      'the access condition concerns correctional facilities; this limit names other premises, so it conflicts only if those premises hold detainees',
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards)',
  },
  'jag-2017-access-consent': {
    reason:
      "access is allowed with the detainee's consent; whether that meets the condition depends on how consent is sought in practice",
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards)',
  },
  'jag-2017-access-carve-out': {
    reason: 'access is allowed for listed serious offences, so the limit bites only outside them',
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards)',
  },
  'jag-2017-warrant-no-cure': {
    reason:
      'a judicial-warrant exception does not meet the condition: civil immigration agents act on administrative warrants, so the limit stays in place for them',
    source: 'FY2017 Byrne JAG award conditions (55/56 in some awards); BRIEF §2.3',
  },
  'jag-2017-notice': {
    reason:
      "FY2017 notice condition: honor a DHS written request for advance notice of a scheduled release ('as early as practicable'); this provision limits that notice",
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards); 48 hours as announced 2017-07-25',
  },
  'jag-2017-notice-carve-out': {
    reason: 'notice is still given for listed serious offences, so the limit bites only outside them',
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards)',
  },
  'jag-2017-notice-not-release': {
    reason: 'the limit covers addresses, court dates or custody status, not notice of a scheduled release',
    source: 'FY2017 Byrne JAG award condition (55/56 in some awards)',
  },
  'conditions-own-text': {
    reason:
      'the access and notice conditions are read from their own text; the agency and judicial readings of § 1373 do not change the verdict',
    source: 'BRIEF §2.1–2.2',
  },
  'not-concerned': {
    reason: "the provision's topics do not concern this requirement",
    source: 'BRIEF §2.2–2.3',
  },
} as const satisfies Record<string, ReviewRule>;

export type ReviewRuleId = keyof typeof REVIEW_RULES;
