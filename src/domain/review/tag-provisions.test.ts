// Tagging scenarios: negation and scope, exceptions, savings clauses, lead-in lists, drafting variety, unrelated text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewText } from './review-text.ts';
import type { Provision } from './provision.ts';

const review = (text: string): readonly Provision[] => reviewText(text).provisions;
const only = (text: string): Provision => {
  const ps = review(text);
  assert.equal(ps.length, 1, `expected one provision, got ${ps.map((p) => p.text).join(' | ')}`);
  return ps[0]!;
};
const tagsOf = (p: Provision): string[] => [...p.topics, ...p.modifiers.map((m) => `+${m}`)].sort();

test('a limit on honoring detainers is tagged; a duty to honor them is not', () => {
  assert.deepEqual(tagsOf(only('The Sheriff shall not honor civil immigration detainers.')), ['detainer']);
  assert.deepEqual(tagsOf(only('The Sheriff shall honor every immigration detainer issued by ICE.')), []);
  assert.deepEqual(tagsOf(only('The Sheriff may decline ICE detainer requests.')), ['detainer']);
});

test('"shall not ... unless" keeps the limit and adds the exception as a modifier with its evidence', () => {
  const text =
    'Custody staff shall not hold any inmate on the basis of a Form I-247A unless it is accompanied by a warrant signed by a judge.';
  const p = only(text);
  assert.deepEqual(tagsOf(p), ['+warrant-exception', 'detainer']);
  const warrant = p.tagEvidence.find((e) => e.tag === 'warrant-exception')!;
  assert.deepEqual(
    warrant.spans.map((s) => s.text),
    ['unless', 'warrant signed by a judge'],
  );
  for (const e of p.tagEvidence) for (const s of e.spans) assert.equal(text.slice(s.start, s.end), s.text);
});

test('"nothing in this section shall prohibit" sending status information is a savings clause, not a limit', () => {
  const p = only(
    'Nothing in this section shall be construed to prohibit any official from sending to, or receiving from, ICE information regarding the citizenship or immigration status of any individual, as required by 8 U.S.C. § 1373.',
  );
  assert.deepEqual(tagsOf(p), ['+savings-clause']);
  assert.ok(p.tagEvidence.some((e) => e.tag === 'savings-clause' && e.strength === 'explicit'));
  assert.deepEqual(p.findings, []);
});

test('"nothing ... shall be construed to authorize" detention past release is a limit', () => {
  const p = only(
    'Nothing in this chapter shall be construed to authorize any agency to detain an individual beyond his or her release date for ICE.',
  );
  assert.deepEqual(tagsOf(p), ['detainer']);
});

test('a rule against limiting cooperation (double negation) limits nothing', () => {
  assert.deepEqual(
    tagsOf(
      only(
        'A local entity shall not prohibit a peace officer from inquiring into the immigration status of a person under arrest.',
      ),
    ),
    [],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'No sheriff shall decline to honor an immigration detainer on the ground that it is not accompanied by a judicial warrant.',
      ),
    ),
    [],
  );
});

test('the many ways a rule is drafted reach the same tags', () => {
  const cases: Array<[string, string]> = [
    ['Officers shall not ask any person about his or her immigration status.', 'status-inquiry'],
    ['No employee shall solicit or collect information regarding citizenship.', 'status-inquiry'],
    ["Deputies will not inquire into a victim's immigration status.", 'status-inquiry'],
    [
      'Jail staff shall not respond to notification requests from immigration officials.',
      'release-notification',
    ],
    ['Staff shall not tell DHS the time of release of any inmate.', 'release-notification'],
    [
      'Release dates shall not be provided to U.S. Immigration and Customs Enforcement.',
      'release-notification',
    ],
    [
      'The Police Department shall not honor INS requests to hold a person beyond the time of release.',
      'detainer',
    ],
    ['No inmate shall be held on a CBP hold request.', 'detainer'],
    ['Federal immigration agents shall not be given access to persons in custody.', 'facility-access'],
    ['ICE shall not be provided office space in any County jail.', 'facility-access'],
    [
      "No City employee shall disclose any person's immigration status to federal immigration authorities.",
      'info-sharing',
    ],
    ['The County shall not enter into any agreement under Section 287(g).', 'civil-enforcement'],
    [
      'Officers shall not arrest any person on the basis of a civil immigration warrant.',
      'civil-enforcement',
    ],
  ];
  for (const [text, tag] of cases) assert.deepEqual(tagsOf(only(text)), [tag], text);
});

test('items of a "shall not:" lead-in carry its restriction; items of an "unless:" lead-in are exceptions', () => {
  const ps = review(
    [
      '(a) Law enforcement agencies shall not:',
      "(1) Inquire into an individual's immigration status.",
      '(2) Detain an individual on the basis of a hold request.',
      '(b) No officer shall provide release dates to ICE unless:',
      '(1) the person has been convicted of a serious or violent felony; or',
      '(2) a judicial warrant has been issued.',
    ].join('\n'),
  );
  assert.deepEqual(ps.map(tagsOf), [
    [],
    ['status-inquiry'],
    ['detainer'],
    ['release-notification'],
    ['+serious-crime-carve-out'],
    ['+warrant-exception'],
  ]);
  // The item's evidence points back to the lead-in's operator.
  assert.equal(ps[1]!.tagEvidence[0]!.spans[0]!.text, 'shall not');
  assert.ok(ps[1]!.tagEvidence[0]!.spans[0]!.start < ps[1]!.start);
});

test('a restriction that ends at "but may" does not reach what follows', () => {
  assert.deepEqual(
    tagsOf(
      only(
        'Members shall not provide ICE with the release time of any arrestee, but may confirm to ICE whether a named person is in custody.',
      ),
    ),
    ['release-notification'],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'Officers shall not inquire about immigration status, but shall provide release dates to ICE on request.',
      ),
    ),
    ['status-inquiry'],
  );
});

test('recitals, findings, definitions and unrelated provisions get no tags', () => {
  const ps = review(
    [
      'WHEREAS, the County declines ICE detainers and does not share release dates; and',
      'Sec. 1. Definitions. "Immigration detainer" means a request that a jail hold a person past release.',
      'Sec. 2. No person shall park on a snow route during a snow and ice emergency.',
      'Sec. 3. SNOW AND ICE EMERGENCIES. The City shall not tow vehicles unless signs are posted two hours in advance.',
      'Sec. 4. Examination records shall not be disclosed except as required by law or court order.',
    ].join('\n'),
  );
  for (const p of ps) assert.deepEqual(tagsOf(p), [], p.text);
});

test('a defined term carries its definition: "identifying information" includes status and addresses', () => {
  const ps = review(
    [
      'Sec. 1. Definitions. "Identifying information" means any information that can identify a person, including home address and immigration status.',
      'Sec. 2. No City employee shall disclose identifying information to any federal agency.',
    ].join('\n'),
  );
  assert.deepEqual(tagsOf(ps[1]!), ['info-sharing', 'release-notification']);
});

test('a generic "except as required by law" clause is a savings clause of generic strength', () => {
  const p = only(
    'City employees shall not disclose to any federal agency the immigration status of any person, except as required by law.',
  );
  assert.deepEqual(tagsOf(p), ['+savings-clause', 'info-sharing']);
  assert.equal(p.tagEvidence.find((e) => e.tag === 'savings-clause')!.strength, 'generic');
});

test('hostile text (long runs of symbols, operators, quotes and parentheses) is reviewed in linear time', () => {
  const inputs = [
    'É§“”— '.repeat(20_000),
    'No '.repeat(100_000),
    `No ${','.repeat(5000)} shall`,
    '('.repeat(50_000) + ')'.repeat(50_000),
    'Nothing in this section shall '.repeat(10_000),
    '"'.repeat(100_000),
  ];
  for (const text of inputs) {
    const t0 = performance.now();
    const r = reviewText(text);
    assert.ok(performance.now() - t0 < 3000, `${text.slice(0, 12)}... took too long`);
    for (const p of r.provisions) assert.equal(text.slice(p.start, p.end), p.text);
  }
});

test('ending a practice is a limit: "cease honoring", "stop honoring", "deny access unless", "remove any question"', () => {
  assert.deepEqual(
    tagsOf(
      only('The County Jail will cease honoring ICE detainer requests for inmates eligible for release.'),
    ),
    ['detainer'],
  );
  assert.deepEqual(tagsOf(only('Deputies shall stop honoring immigration hold requests.')), ['detainer']);
  assert.deepEqual(
    tagsOf(
      only(
        'The Superintendent shall deny ICE agents access unless the agent presents a judicial warrant, and shall record the visit.',
      ),
    ),
    ['+warrant-exception', 'facility-access'],
  );
  assert.deepEqual(
    tagsOf(
      only('Departments shall remove any question about citizenship or immigration status from their forms.'),
    ),
    ['status-inquiry'],
  );
  // Not a limit: a gerund after "stop" only ends a practice that is named.
  assert.deepEqual(tagsOf(only('Officers shall stop any vehicle that is driven recklessly.')), []);
});

test('a body urging another to limit cooperation makes no limit itself, but its exceptions are still read', () => {
  const p = only(
    'The City Council calls upon the County Sheriff to decline all immigration detainers that are not accompanied by a judicial warrant.',
  );
  assert.deepEqual(tagsOf(p), ['+warrant-exception']);
  assert.deepEqual(p.findings, []);
  // The urged exception is not an exception to the Council's own limits elsewhere in the resolution.
  const ps = review(
    '1. The Council urges the Sheriff to stop honoring detainers that are not supported by a judicial warrant.\n' +
      '2. City employees shall not use City funds to assist federal immigration enforcement.',
  );
  assert.deepEqual(ps.map(tagsOf), [['+warrant-exception'], ['civil-enforcement']]);
  assert.deepEqual(ps[1]!.appliedModifiers, []);
});

test('"so that ICE can ..." stays in the limit it explains, so the exception after it still counts', () => {
  assert.deepEqual(
    tagsOf(
      only(
        'Jail staff will not hold any inmate past his or her scheduled release so that ICE can assume custody, unless ICE presents a warrant signed by a federal judge.',
      ),
    ),
    ['+warrant-exception', 'detainer'],
  );
});

test('release information given to ICE is release-notification, not information-sharing as well', () => {
  assert.deepEqual(
    tagsOf(
      only(
        "Agencies shall not provide information about an individual's release date or home address to immigration authorities.",
      ),
    ),
    ['release-notification'],
  );
  assert.deepEqual(
    tagsOf(
      only(
        "The Sheriff shall not disclose to federal immigration authorities the date or hour of any inmate's release.",
      ),
    ),
    ['release-notification'],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'The Township shall not provide lists of residents or permit holders to federal immigration authorities.',
      ),
    ),
    ['info-sharing'],
  );
});

test('nouns and relative clauses are not read as urging or as ending a practice (second read of the third round)', () => {
  // "requests" and "calls" as nouns: the limits stand.
  assert.deepEqual(tagsOf(only("ICE requests that seek an inmate's release date shall not be answered.")), [
    'release-notification',
  ]);
  assert.deepEqual(
    tagsOf(
      only(
        'Officers responding to calls on city property shall not share a person’s immigration status with ICE.',
      ),
    ),
    ['info-sharing'],
  );
  // "stops" as a noun, "who stops attending" as a relative clause: no limit.
  assert.deepEqual(
    tagsOf(only('Officers may ask about immigration status during stops involving commercial vehicles.')),
    [],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'The jail shall notify ICE of the release date of any inmate who stops attending court-ordered programs.',
      ),
    ),
    [],
  );
  // A duty to cooperate "so that ICE can" act is not merged with a limit after it.
  assert.deepEqual(
    tagsOf(
      only(
        'The Sheriff shall honor ICE detainers so that ICE can assume custody, and shall not release such persons before ICE arrives.',
      ),
    ),
    [],
  );
  // Saving phrases of an urged limit are read, as its warrant exceptions are.
  assert.deepEqual(
    tagsOf(only('The Council urges the Sheriff to decline ICE detainer requests except as required by law.')),
    ['+savings-clause'],
  );
  // Information about something else than release stays information-sharing.
  assert.deepEqual(
    tagsOf(
      only("Staff shall not provide ICE with information about an inmate's criminal history or court dates."),
    ).includes('info-sharing'),
    true,
  );
});

test('the exception list of an urged limit does not qualify the body’s own limits', () => {
  const ps = review(
    'Section 1. The Sheriff shall not provide ICE with any inmate’s release date.\n' +
      'Section 2. The Board urges the Sheriff to decline all ICE detainer requests unless:\n' +
      '(a) the request is accompanied by a judicial warrant; or\n' +
      '(b) the person has been convicted of a serious or violent felony.',
  );
  assert.deepEqual(ps[0]!.topics, ['release-notification']);
  assert.deepEqual(ps[0]!.appliedModifiers, []);
});

test('a limit confined to what the law does not require carves that requirement out (fourth round)', () => {
  const text =
    'The Department shall not disclose to ICE any information about a person that is not required by federal or state law to be disclosed.';
  const p = only(text);
  assert.deepEqual(tagsOf(p), ['+savings-clause', 'info-sharing']);
  const saving = p.tagEvidence.find((e) => e.tag === 'savings-clause')!;
  assert.equal(saving.strength, 'generic');
  assert.deepEqual(
    saving.spans.map((s) => s.text),
    ['that is not ', 'required by federal or state law'],
  );
  // A remark (", which is not required"), a concession ("whether or not required") or a duty to withhold is no carve-out.
  for (const sentence of [
    'Officers shall not ask any person about immigration status, which is not required by state law.',
    'The Sheriff shall not share booking records with federal immigration authorities, whether or not required by any law.',
    'County employees shall not disclose to ICE any personal information, including information that is not required by law to be kept confidential.',
  ])
    assert.equal(tagsOf(only(sentence)).includes('+savings-clause'), false, sentence);
  // Nor does it open the limit to other exceptions.
  assert.equal(
    tagsOf(
      only('The Sheriff shall not transfer to ICE any inmate, whether or not convicted of a serious felony.'),
    ).includes('+serious-crime-carve-out'),
    false,
  );
  // A requirement the limit itself imposes is not a carve-out.
  assert.deepEqual(
    tagsOf(
      only(
        'Officers shall not ask any person about immigration status, and no person is required by law to answer.',
      ),
    ),
    ['status-inquiry'],
  );
});

test('a "may" that governs no sharing verb is no savings clause (fourth round)', () => {
  assert.deepEqual(
    tagsOf(
      only(
        'The purpose of this policy is to provide guidelines to officers on contacts with persons whose immigration status may be in question and on dealings with federal immigration officials.',
      ),
    ),
    [],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'Officers may send to federal immigration authorities information regarding the immigration status of any individual.',
      ),
    ),
    ['+savings-clause'],
  );
  // The "may" governs the verb it stands before, wherever the clause names another sharing word first.
  assert.deepEqual(
    tagsOf(
      only(
        'With respect to communications with federal immigration authorities, officers may send to and receive from ICE information regarding the citizenship or immigration status of any individual.',
      ),
    ),
    ['+savings-clause'],
  );
});

test('clinic rooms are premises; answering an agent’s questions about a patient is communication (fourth round)', () => {
  assert.deepEqual(
    tagsOf(
      only(
        'Clinic managers shall deny immigration agents entry to examination rooms and other patient care areas unless the agents present a judicial warrant.',
      ),
    ),
    ['+warrant-exception', 'facility-access'],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'Staff approached by an immigration agent shall refer the agent to the manager and shall not answer the agent’s questions about any patient.',
      ),
    ),
    ['info-sharing'],
  );
  assert.deepEqual(
    tagsOf(only('Clinic staff shall not answer questions from ICE agents about any patient.')),
    ['info-sharing'],
  );
  assert.deepEqual(tagsOf(only('Employees shall not respond to ICE inquiries about any student.')), [
    'info-sharing',
  ]);
  // Someone else's questions, even about ICE, are not communication with ICE.
  for (const sentence of [
    'Staff shall not answer questions about billing codes.',
    'School staff shall not answer parents’ questions about ICE enforcement actions and shall refer families to legal service providers.',
    'Caseworkers shall not answer a client’s questions about USCIS filing deadlines.',
  ])
    assert.equal(tagsOf(only(sentence)).includes('info-sharing'), false, sentence);
  // Persons in the premises are not an entry to them; an admitting verb before them still is.
  assert.equal(
    tagsOf(
      only(
        'Clinic staff shall not disclose to ICE the names of patients in the examination rooms or the pharmacy.',
      ),
    ).includes('facility-access'),
    false,
  );
  assert.deepEqual(
    tagsOf(
      only(
        'The Sheriff shall not permit ICE officers to be present among inmates in the jail without a judicial warrant.',
      ),
    ),
    ['+warrant-exception', 'facility-access'],
  );
});

test('ending or refusing an agreement with immigration authorities is a civil-enforcement limit (fourth round)', () => {
  // The agreement's subject may be named only in the heading.
  const notice =
    'The Chair is directed to give ICE written notice of the County’s termination of the Memorandum of Agreement, effective thirty days after the date of notice.';
  assert.deepEqual(
    tagsOf(review(`RESOLUTION TERMINATING THE SECTION 287(g) AGREEMENT\n\nSection 1. ${notice}`).at(-1)!),
    ['civil-enforcement'],
  );
  // Without any enforcement subject, an agreement with DHS is not enforcement (a grant, a lease, disaster aid).
  assert.deepEqual(tagsOf(only(notice)), []);
  assert.deepEqual(
    tagsOf(
      only(
        'The City shall not renew its grant agreement with the Department of Homeland Security for port security equipment.',
      ),
    ),
    [],
  );
  // A contract's own termination term, and a rule against ending an ICE agreement, limit nothing.
  assert.deepEqual(
    tagsOf(only('Upon termination of this Agreement, Contractor shall not give ICE any City data.')),
    ['info-sharing'],
  );
  assert.deepEqual(
    tagsOf(
      only(
        'The Sheriff shall not terminate the jail services agreement with ICE without sixty days’ notice to the Board.',
      ),
    ),
    [],
  );
  assert.deepEqual(tagsOf(only('The County shall not disclose to ICE any contract records.')), [
    'info-sharing',
  ]);
  const p = only(
    'The County shall not renew its agreement with U.S. Immigration and Customs Enforcement to hold federal immigration detainees in the County Jail.',
  );
  assert.deepEqual(tagsOf(p), ['civil-enforcement']);
  // Ending some other agreement is not.
  assert.deepEqual(
    tagsOf(
      only('The Chair is directed to give the vendor notice of termination of the janitorial contract.'),
    ),
    [],
  );
  // An agreement only mentioned after a limit on something else adds nothing.
  assert.deepEqual(
    tagsOf(
      only('Officers shall not ask about immigration status, whatever any agreement with ICE provides.'),
    ),
    ['status-inquiry'],
  );
});

test('"shall notify" is a duty like "shall honor": its condition is read as cooperation allowed (fourth round)', () => {
  // "notify" once read as "not" + "ify", so the duty was not seen and its serious-crime condition was dropped.
  for (const verb of ['notify ICE of', 'notify federal immigration authorities of']) {
    assert.deepEqual(
      tagsOf(
        only(
          `The jail shall ${verb} an inmate's release date if the inmate has been convicted of a serious felony.`,
        ),
      ),
      ['+serious-crime-carve-out'],
    );
  }
  assert.deepEqual(
    tagsOf(
      only(
        'Members shall notify the Watch Commander whenever federal immigration officers ask for help with an enforcement operation.',
      ),
    ),
    [],
  );
});
