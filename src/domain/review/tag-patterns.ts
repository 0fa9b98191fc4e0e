// The review lexicon: precompiled, linear-time patterns for operators, exceptions and the BRIEF §2.3 topic objects.
//
// Patterns are written as strings (String.raw) and compiled once. Every repetition is bounded ({0,n} or a
// character class that cannot overlap its neighbour) so no pattern can backtrack catastrophically on hostile text.

const W = String.raw;
const gi = (src: string): RegExp => new RegExp(src, 'gi');
const g = (src: string): RegExp => new RegExp(src, 'g');

/** Immigration authorities by name (BRIEF §2.3 drafting variety: ICE, DHS, INS, CBP, "federal immigration authorities"). */
const AUTH_WORDS = W`\b(?:(?:U\.\s?S\.\s+|United\s+States\s+)?immigration\s+and\s+(?:customs\s+enforcement|naturalization\s+service)|(?:department\s+of\s+)?homeland\s+security|customs\s+and\s+border\s+protection|border\s+patrol|citizenship\s+and\s+immigration\s+services|enforcement\s+and\s+removal\s+operations|(?:federal\s+)?immigration\s+(?:authorit(?:y|ies)|officials?|officers?|agents?|agenc(?:y|ies)|personnel|service|enforcement\s+(?:agents?|officers?|officials?|authorit(?:y|ies)|agenc(?:y|ies))))\b`;
/** Acronyms are matched case-sensitively so "ice" on a road or "ins and outs" never count. */
const AUTH_ACRONYMS = W`\b(?:ICE|DHS|INS|CBP|ERO|USCIS)\b`;

export const TAG_PATTERNS = {
  authWords: gi(AUTH_WORDS),
  authAcronyms: g(AUTH_ACRONYMS),
  /** "federal agency", "federal authorities": counts as an authority only in an immigration context. */
  authWeak: gi(W`\bfederal\s+(?:agen(?:t|ts|cy|cies)|authorit(?:y|ies)|officials?|officers?|government)\b`),

  /** Any sign that a passage concerns immigration (used for context, not for tags). */
  anchorWords: new RegExp(
    W`immigra|detainer|deport|\balien(?:s|age)?\b|undocumented|citizenship|naturaliz|homeland\s+security|customs\s+enforcement|border\s+patrol|287\s*\(g\)|\b1357\b|\b1373\b|\b1644\b|\bI-2(?:47|00|05)|hold\s+requests?|notification\s+requests?`,
    'i',
  ),
  anchorAcronyms: new RegExp(AUTH_ACRONYMS),
  /** Phrases that can make a modifier; a passage without any is skipped for modifiers. */
  modifierAny: new RegExp(
    W`warrant|court\s+order|judicial|probable\s+cause|felon|convict|offen[cs]e|crime|gang|trafficking|smuggling|terroris|registr|1326|1373|1644|required\s+by|requires|permitted\s+by`,
    'i',
  ),

  // ---- operators -------------------------------------------------------------------------------------------
  /** Restriction operators: the passage limits something. */
  restrict: gi(
    [
      W`\b(?:shall|may|must|will|should|can|could|would)\s+not\b(?!\s+(?:be\s+(?:construed|interpreted|read|deemed)|apply|affect|(?:need|have)\s+to|in\s+any\s+way\s+(?:prohibit|restrict)|(?:materially\s+)?(?:prohibit|restrict|prevent|preclude|bar|limit|interfere|discourage|impede)\w*))`,
      W`\b(?:is|are)\s+not\s+(?:to|permitted|allowed|authorized|obligated)\b`,
      W`\b(?:does|do|did)\s+not\s+(?!apply|affect|alter|change|prohibit|restrict|prevent|preclude|limit|bar\b|interfere|impair|mean|include|require|exceed|need|have|constitute|violate|relate)[a-z]+`,
      W`\b(?:cannot|can't|won't|shan't)\b`,
      W`\b(?:shall|may|will|must)\s+never\b|\bno\s+longer\b|\bunder\s+no\s+circumstances\b`,
      W`\b(?:shall|may|will)\s+(?:have|be\s+given|be\s+granted|receive)\s+no\b`,
      W`\bno\b(?:\s+[\w-]+){1,6}?\s+(?:requires|asks|inquires|collects|shares|discloses|honors|detains|holds|permits|allows)\b`,
      W`\b(?:is|are|be|been|being)\s+(?:hereby\s+|strictly\s+|expressly\s+)?(?:prohibited|forbidden|barred|precluded)\b`,
      W`\b(?:declin|refus)(?:e|es|ed|ing)\s+(?=to\b|all\b|any\b|the\b|an?\b|such\b|ICE\b|detainer|immigration|hold|requests?\b|notification)`,
      W`\brefrain(?:s|ed|ing)?\s+from\b|\bdisregard\b`,
      // "will cease honoring", "shall stop honoring", "to discontinue sharing": an end to a practice, ordered (a modal or
      // "to" before it, so "stops involving ..." and "who stops attending" are not limits).
      W`\b(?:shall|will|must|should|to|hereby|immediately)\s+(?:immediately\s+)?(?:cease|stop|discontinue)\s+(?=[a-z]{3,30}ing\b)`,
      // "shall deny access", "ICE shall be denied entry".
      W`\bden(?:y|ies|ied)\s+(?=(?:[\w-]+\s+){0,3}?(?:access|entry|admission)\b)`,
      // "remove any question about citizenship" from forms.
      W`\b(?:remov|delet|eliminat)(?:e|es|ed|ing)\s+(?=(?:any|all|every|each)\s+(?:questions?|inquir\w+|requests?\s+for|fields?)\b)`,
      // Ending an agreement ("termination of the Memorandum of Agreement", "withdraw from the 287(g) program"); the
      // agreement counts as civil enforcement only when it is one with immigration authorities (checked in code).
      // Not a contract's own term ("this Agreement" here; "upon termination of ..." is dropped in code).
      W`\b(?:terminat(?:e|es|ed|ing|ion\s+of)|withdraw(?:s|al|ing)?\s+from)\s+(?!this\s)(?=(?:[\w'’()-]+\s+){0,4}?(?:agreements?|memorand(?:um|a)|MOA|MOU|contracts?|program|participation)\b)`,
      W`\bnot\s+to\s+(?!exceed)(?=[a-z])|\bto\s+not\s+(?=[a-z])`,
      W`\bonly\s+(?:if|when|where|upon|after|in|for|to\s+the\s+extent|pursuant\s+to|as|with|those|such|on)\b`,
      W`\b(?:must|shall)\s+first\s+obtain\b`,
      W`\b(?:prohibits|forbids|bars|restricts|precludes)\b(?=\s+(?:any|all|the|an?|its|city|county|state|officers?|employees?|members?|staff|personnel|deputies|agents?|agenc)\b)`,
      W`\bno\b(?!\.|\s+(?:later|more|less|fewer|sooner|earlier|greater|longer)\b)(?:[\s,]+[^\s.;:,]+){0,20}?[\s,]+(?:shall|may|will|must|can|should)\b(?!\s+(?:be\s+)?(?:construed|interpreted))`,
      W`\bnone\s+of\s+the\b(?:[\s,]+[^\s.;:,]+){0,8}?\s+(?:shall|may|will|must)\b`,
      W`\bnothing\b[^.;:]{0,80}?\b(?:shall|may|will)\s+(?:be\s+(?:construed|interpreted)\s+(?:to|as)\s+)?(?:authoriz|permit|allow|requir)\w*`,
      W`\b(?:shall|may|will)\s+not\s+be\s+(?:construed|interpreted)\s+(?:to|as)\s+(?:authoriz|permit|allow|requir)\w*`,
    ].join('|'),
  ),
  /** A restriction of a restriction ("shall not prohibit or materially limit"): the passage protects cooperation. */
  negVerb: gi(
    [
      W`\b(?:(?:materially|in\s+any\s+way)\s+)?(?:prohibit|restrict|limit|prevent|preclude|forbid|interfere|discourage|impede|obstruct|declin|refus)\w*`,
      // "shall not terminate its agreement with ICE", "no county shall withdraw from the program": a rule against ending it.
      W`\b(?:terminat\w*|withdraw\w*\s+from|fail\w*\s+to\s+renew)\b(?=\s+(?:[\w'’()-]+\s+){0,4}?(?:agreements?|memorand(?:um|a)|MOA|MOU|contracts?|program|participation)\b)`,
    ].join('|'),
  ),
  /** Exception and construction frames: the passage takes something out of a limit. */
  exceptionFrame: gi(
    [
      W`\bnothing\s+(?:in|herein|contained|under|set\s+forth)\b[^.;:]{0,120}?\b(?:shall|may|will|should|is\s+intended\s+to|does|is\s+to)\b(?:\s+(?:be\s+)?(?:construed|interpreted|deemed|read)\s+(?:to|as))?\s+(?:\w+\s+){0,2}?(?:prohibit|restrict|prevent|preclude|limit|bar|interfere|affect|impair|change|alter|modif|diminish)\w*`,
      W`\bnothing\s+(?:in|herein)\b[^.;:]{0,80}?\b(?:prohibits|restricts|prevents|precludes|limits|bars|changes|alters|affects|modifies)\b`,
      W`\b(?:does|do)\s+not\s+(?:prohibit|restrict|prevent|preclude|limit|bar|apply|affect|impair|alter|change|interfere)\w*`,
      W`\b(?:shall|will|may)\s+not\s+(?:be\s+(?:construed|interpreted|read|deemed)\s+(?:to|as)\s+(?:prohibit|restrict|prevent|preclude|limit|bar|interfere|affect|impair)\w*|apply\b)`,
      W`\b(?:is|are)\s+not\s+intended\s+to\s+(?:prohibit|restrict|prevent|limit)\w*`,
      W`\b(?:are|is)\s+unaffected\b|\bexempt(?:ed)?\s+from\b`,
      W`\bnotwithstanding\s+(?:the\s+(?:limitations?|prohibitions?|restrictions?|foregoing)|(?:sub)?(?:section|division|paragraph)s?\s)`,
      W`\b(?:shall|will|should)\s+be\s+(?:read|construed|interpreted)\s+to\s+(?:permit|allow|authorize)\b`,
    ].join('|'),
  ),
  /** Protective verbs that a "does not change/alter/affect" frame uses about practice, not law. */
  practiceFrame: /\b(?:change|alter|affect|modif|unaffected|diminish|impair)/i,
  /** Modal restriction of restriction ("shall not prohibit", "may not in any way restrict"). */
  flipped: gi(
    W`\b(?:shall|may|must|will|should)\s+not\s+(?:in\s+any\s+way\s+)?(?:materially\s+)?(?:prohibit|restrict|prevent|preclude|bar|limit|interfere|discourage|impede)\w*`,
  ),
  /** Cues that open an exception inside a limit ("unless", "except", "only if", "without"). */
  exceptionCue: gi(
    W`\b(?:unless|except(?:ing)?|other\s+than|provided\s*,?\s*(?:that|however)|only\s+(?:if|when|where|upon|after|in|for|to\s+the\s+extent|pursuant\s+to|as|with|on)|without|absent|in\s+the\s+absence\s+of|not\s+(?:supported|accompanied)\s+by|save\s+(?:as|where)|but\s+only|(?:only|solely|merely)\s+because)\b`,
  ),
  /**
   * A body urging another to act ("The Council urges the Sheriff to stop honoring ...", "requests that the Sheriff
   * adopt a policy declining ..."): the limit it describes is not one it makes. Tested on the text up to the operator's end.
   * The verb must take an addressee ("the", "all", a capitalised name) and then "to" or a that-clause, so the nouns in
   * "ICE requests that seek ..." and "calls on city property" are not read as urging. Case-sensitive on purpose.
   */
  hortatory:
    /\b(?:(?:[Uu]rg(?:es?|ed)|[Cc]alls?\s+(?:up)?on|[Ee]ncourag(?:es?|ed)|[Aa]sks?)\s+(?:the|all|each|every|its|our|[A-Z][\w.'’-]*)\s[^.;]{0,80}?\bto\s|(?:[Rr]ecommends?|[Rr]equests?|[Aa]sks?|[Uu]rg(?:es?|ed))\s+that\s+(?:the|all|each|every|its|our|[A-Z][\w.'’-]*)\s)[^.;]{0,160}$/,
  /** Positive modals: a new clause that permits or commands rather than limits. */
  positive: gi(
    W`\b(?:shall|may|must|will|should|can)\b(?!\s+(?:not|never|no\s+longer|only|first\s+obtain|decline|refuse|refrain|be\s+(?:prohibited|barred|forbidden|precluded|construed|interpreted|read))\b)`,
  ),
  /** Clause boundaries inside a sentence. */
  boundary: gi(W`;|,\s+(?:but|although|while|whereas)\b(?!\s+only)|,\s+however,`),
  /** Conditional cooperation ("Where the detainer is accompanied by ..., staff shall honor it"). */
  cooperation: gi(
    W`\b(?:assist|cooperat|respond|notif|hold|held|detain|honou?r|transfer|shar|provid|admit|execut|serv|contact|surrender)\w*|\bturn\w*\s+over\b`,
  ),

  // ---- topic objects ---------------------------------------------------------------------------------------
  detainer: gi(
    W`\b(?:civil\s+)?immigration\s+detainers?(?:\s+requests?)?|\bdetainers?\b(?:\s+requests?)?|\b(?:immigration|ICE|INS|DHS)\s+holds?\b(?:\s+requests?)?|\bhold\s+requests?\b|\brequests?\s+(?:by\s+\w+\s+)?to\s+(?:hold|detain|maintain\s+custody)\b|\b(?:Form\s+)?I-247(?:[A-MO-Z]\b|\b)|\bimmigration\s+holds?\b`,
  ),
  detainerAct: gi(
    W`\b(?:honou?r|comply|complying|compliance|respond|accept|fulfill|recogniz|execut|detain|hold|held|keep|kept|declin|refus|disregard|cooperat)\w*|\b(?:act(?:ed)?\s+(?:up)?on|giv\w*\s+effect|maintain\w*\s+custody|on\s+the\s+basis\s+of|based\s+(?:solely\s+)?(?:up)?on|pursuant\s+to|in\s+response\s+to|solely\s+because)\b`,
  ),
  holdVerb: gi(
    W`\b(?:hold|held|holding(?!\s+(?:cells?|facilit|areas?|rooms?))|detain(?:ed|ing)?|keep|kept|prolong\w*|extend\w*|delay\w*|continu\w*\s+to\s+(?:be\s+)?(?:detain\w*|held|hold)|maintain\w*\s+custody)\b`,
  ),
  holdLimit: gi(
    W`\b(?:beyond|past|longer\s+than|after\s+(?:the\s+)?(?:time|date)|(?:eligible|ready)\s+(?:for|to\s+be)\s+(?:release|released)|release\s+(?:time|date)s?|scheduled\s+release|otherwise\s+(?:be\s+)?released|release)\b`,
  ),
  notificationRequest: gi(
    W`\bnotification\s+requests?|\brequests?\s+for\s+(?:advance\s+)?notifi\w+|\bnotice\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:release|transfer)\b|\brelease\s+notifications?|\bnotif\w+\s+of\s+(?:the\s+|an?\s+)?(?:\w+'?s?\s+){0,3}?release\b|\badvance\s+notice\b|\b(?:Form\s+)?I-247N\b`,
  ),
  releaseInfo: gi(
    W`\brelease\s+(?:dates?|times?|information|details)\b|\bdates?\s+(?:(?:and|or)\s+(?:times?|hours?)\s+)?of\s+(?:[\w'’]+\s+){0,3}?release\b|\btimes?\s+of\s+release\b|\b(?:upcoming|scheduled|impending|pending|expected|anticipated)\s+release\b|\bwhen\s+\w+(?:\s+\w+)?\s+will\s+be\s+released\b|\b(?:custody|incarceration|jail)\s+status\b|\b(?:court|hearing)\s+dates?\b|\b(?:scheduled\s+)?court\s+(?:appearances?|hearings?)\b|\b(?:home|work|residential|residence)\s+address(?:es)?\b|\baddress(?:es)?\b(?!\s+(?:the|this|these|those|any|concerns?|issues?))|\bappointments?(?:\s+schedules?)?\b|\bplace\s+of\s+employment\b|\bcontact\s+information\b|\bpersonal\s+information\b|\bwhereabouts\b|\bdate,?\s+time,?\s+(?:or|and)\s+(?:location|courtroom)\b|\brelease\s+from\s+custody\b|\btelephone\s+numbers?\b`,
  ),
  /** Release-specific words: a limit that names them reaches the FY2017 notice condition. */
  releaseSpecific: /releas|notif|advance\s+notice/i,
  infoVerb: gi(
    W`\b(?:notif|inform(?!ation)|advis|tell|told|provid|giv|gave|shar|disclos|communicat|respond|answer|suppl|transmit|send|sent|disseminat|exchang|furnish|report|confirm|call|e-?mail|fax|contact|enter|record(?!s\b)|maintain|retain|keep|kept|regist|logg?)\w*|\bnot(?:e|ed|ing)\b|\bmak\w*\s+(?:\w+\s+)?available\b|\baccess\s+to\b(?=[^.;]{0,40}\b(?:databases?|records?|information|data|files?|systems?)\b)|\b(?:release|released|releasing)\b(?=\s+(?:to|any|such|those|only|information|records?|data)\b|\s+(?:an?\s+|the\s+|any\s+)?(?:person|individual|inmate|detainee|arrestee|resident)['’]s\b)`,
  ),
  recordVerb: /^(?:enter|record|maintain|retain|keep|kept|regist|log|note)/i,
  /** "contact ICE about a rider": communicating with the federal service about a person is information exchange. */
  aboutPerson: /^[^.;]{0,60}?\b(?:about|regarding|concerning|as\s+to)\b/i,
  /**
   * After "answer" or "respond": questions about someone, with whose they are ("the agent's questions", "ICE inquiries")
   * in group 1 or who asks them ("questions from ICE agents") in group 2; checked in code.
   */
  questionsAbout:
    /^\s+(?:to\s+)?(?:the\s+|any\s+|an?\s+|their\s+|his\s+|her\s+)?(?:([\w-]+)(?:['’]s?)?\s+)?(?:questions?|inquir(?:y|ies)|quer(?:y|ies))(\s+(?:from|by|posed\s+by)\s+[^.;]{1,60}?)?\s+(?:about|regarding|concerning|as\s+to)\b/i,
  /** Who may ask the questions: an officer of the immigration service (named as such in the sentence) or the service. */
  askingAgent: /^(?:agents?|officers?|officials?|investigators?|ICE|DHS|INS|CBP|ERO|HSI)$/i,
  infoNoun: gi(W`\b(?:information|records?|data|files?|databases?|lists?|rosters?)\b`),
  status: gi(
    W`\b(?:(?:immigration|citizenship|residency|alienage|legal|lawful\s+immigration)\s+status|(?:immigration\s+or\s+)?citizenship|immigration\s+(?:documents|papers|information)|lawful\s+presence|legal\s+residen(?:ce|cy)|country\s+of\s+citizenship|whether\s+(?:\w+\s+){1,3}?(?:is|are)\s+(?:a\s+)?(?:United\s+States\s+|U\.S\.\s+)?citizens?|where\s+(?:\w+\s+){1,3}?(?:was|were|is)\s+born|(?:un)?lawfully\s+present|undocumented|nationality(?!\s+Act))\b`,
  ),
  /** Text just before a status phrase that makes status the basis of an action, not its subject. */
  statusBasis:
    /(?:based\s+(?:solely\s+)?(?:up)?on|on\s+the\s+basis\s+of|because\s+of|due\s+to|regardless\s+of|whatever|(?:actual|suspected|perceived|alleged))(?:\s+or\s+(?:actual|suspected|perceived|alleged))?\s+(?:\w+'?s?\s+){0,3}$/i,
  statusAsFactor: /^\s*(?:alone\s+)?(?:as\s+a\s+factor|is\s+not\s+a\s+basis)/i,
  inquiryVerb: gi(
    W`\b(?:inquir|enquir|ask|question|solicit|collect|request|seek|sought|elicit|demand|gather|interrogat|investigat|requir|obtain|condition|determin|verif|screen)\w*`,
  ),
  /** "request ... from ICE": a request to the federal service is information exchange (§ 1373(b)(1)), not an inquiry of a person. */
  fromAuthority:
    /\bfrom\s+(?:the\s+)?(?:ICE|DHS|INS|CBP|USCIS|(?:federal\s+)?immigration\s+(?:authorit|officials?|agenc)|U\.S\.\s+Immigration|Immigration\s+and)/,
  access: gi(
    [
      W`\baccess\s+to\s+(?:any\s+|the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}?(?:persons?|individuals?|inmates?|detainees?|prisoners?|arrestees?|people|jails?|facilit(?:y|ies)|custody|housing|booking|cells?|grounds|premises|buildings?)\b`,
      W`\binterview(?:s|ed|ing)?\b`,
      // "shall deny access unless ...": access that a limit conditions, with no premises named.
      W`\b(?:access|entry)\b(?=\s+(?:unless|except|only\s+(?:if|when|with|upon)|without)\b)`,
      W`\b(?:office|work)\s*space\b|\b(?:desks?|work\s*stations?|computer\s+terminals?)\b`,
      W`\bvisit\w*\b[^.;]{0,30}?\b(?:inmates?|detainees?|prisoners?|persons\s+in\s+custody)\b`,
      W`\bmak\w*\s+(?:\w+\s+){0,3}?(?:facility|facilities|inmates|detainees|prisoners)\s+available\b`,
      W`\b(?:mak\w*\s+available|leas\w*|lend\w*|rent\w*)\b[^.;]{0,50}?\b(?:facilit(?:y|ies)|jails?|space|premises|buildings?)\b`,
      W`\buse\s+(?:of\s+)?(?:any\s+)?(?:\w+\s+)?facilit(?:y|ies)\s+for\s+(?:investigative\s+)?interviews\b`,
    ].join('|'),
  ),
  /** Premises named after an entry word ("enter ... the jail", "onto school grounds"); the entry word is checked in code. */
  facilityWord: gi(
    W`\b(?:jails?|facilit(?:y|ies)|housing\s+units?|booking\s+(?:areas?|floor)|(?:secure|non-public|staff-only|restricted|private|patient[\s-]+care|treatment|clinical)\s+areas?|holding\s+cells?|(?:interview|examination|exam|treatment|patient|consultation)\s+rooms?|pharmac(?:y|ies)|school\s+grounds|grounds|premises|campus|buildings?|branch(?:es)?|clinics?|offices)\b`,
  ),
  entryBefore: /\b(?:enter|entry|admit\w*|allowed|permitted|onto|into|come\s+to|in\s+the)\b[^.;]{0,40}$/i,
  /** Just before "in the <premises>": the persons held there ("detainees in the County Jail"). */
  keptIn:
    /\b(?:detainees|prisoners|inmates|patients|students|persons|individuals|residents|employees|clients|people|children|working|employed|housed|held|kept|located|stationed)\s+$/i,
  /** An admitting verb before such persons ("permit ICE officers to be present among inmates in the jail"). */
  admittingBefore: /\b(?:permit|allow|admit|present|access|enter|visit)\w*/i,
  correctional:
    /\b(?:jail|correction|detention|custody|inmate|detainee|prisoner|booking|holding\s+cell|housing\s+unit|arrestee|sheriff)/i,
  consent: /\bconsent|\bagrees?\b|\bvoluntar/i,
  enforcement: gi(
    [
      W`\bcivil\s+immigration\s+(?:warrants?|laws?|violations?|matters|grounds|enforcement|custody|documents?|offen[cs]es?|arrests?)\b`,
      W`\b(?:administrative|non-?judicial)\s+(?:immigration\s+)?warrants?\b|\bI-20[05]\b|\bImmigration\s+Violator\b|\bwarrants?\s+of\s+removal\b|\bdeportation\s+orders?\b`,
      W`\b287\s*\(g\)|\b1357\s*\((?:g|a)\)`,
      W`\bfunctions?\s+of\s+(?:a|an)\s+(?:federal\s+)?immigration\s+officer\b|\bimmigration\s+officer\s+functions\b|\bdeputiz\w+|\bspecial\s+federal\s+officers?\b|\bsupervision\s+of\s+federal\s+agencies\b`,
      W`\b(?:immigration|INS)\s+enforcement\b(?!\s+(?:agents?|officers?|officials?|authorit|agenc))|\benforc\w*\s+(?:of\s+)?(?:the\s+)?(?:federal\s+)?(?:civil\s+)?immigration\s+laws?\b`,
      W`\b(?:house|housing|hold|holding|keep|keeping)\s+(?:\w+\s+){0,3}?(?:federal|immigration)\s+detainees\b|\bintergovernmental\s+service\s+agreement\b|\bcivil\s+immigration\s+custody\b`,
      W`\b(?:apprehension|deportation|removal)\s+of\s+(?:any\s+)?(?:persons?|individuals?|residents?|immigrants?|aliens?)\b|\bdeportation\s+(?:proceedings|efforts|operations)\b`,
      W`\bimmigration\s+status\s+(?:alone\s+)?as\s+a\s+factor\b|\bpurposes?\s+of\s+(?:civil\s+)?immigration\s+enforcement\b|\bimmigration\s+enforcement\s+purposes\b`,
    ].join('|'),
  ),
  /** Between "may" and the verb it governs: nothing, or an adverb or two ("may lawfully send", "may also exchange"). */
  modalToVerb: /^\s+(?:(?:[a-z]+ly|also|still|continue\s+to|at\s+any\s+time,?)\s+){0,2}$/i,
  /** An agreement or contract; it is civil enforcement when made with immigration authorities (checked in code). */
  agreementWord: gi(
    W`\b(?:memorand(?:um|a)\s+of\s+(?:agreement|understanding)|MOA|MOU|agreements?|contracts?)\b`,
  ),
  /**
   * Between a limit's operator and the agreement it limits: a verb of making or keeping one ("shall not renew its"), or
   * nothing but its determiners after an operator that ends one ("termination of the").
   */
  agreementObject:
    /^\s*(?:enter\s+into|renew|sign|extend|execute|maintain|continue|participate\s+in|join)\s+(?:[\w'’()-]+\s+){0,5}?$/i,
  /** Before "termination of": a contract's own term ("Upon termination of the contract, ..."), not an order to end it. */
  onTermination: /\b(?:upon|after|following|before|on|until|prior\s+to|in\s+the\s+event\s+of)\s+$/i,
  agreementDeterminers: /^\s*(?:[\w'’()-]+\s+){0,4}?$/,
  /** An agreement word used as a modifier ("contract records", "agreement terms"): not an agreement limited. */
  agreementModifier:
    /^\s+(?:records?|files?|data|documents?|terms?|staff|provisions?|numbers?|information|amounts?)\b/i,
  /** What makes an agreement with immigration authorities an enforcement one (in the clause or its headings). */
  enforcementAgreementSubject:
    /287\s*\(g\)|\bdetain|\bdetention\b|\bcustody\b|\bjail|\bhous(?:e|ing)\b|\bintergovernmental\s+service|\bIGSA\b|\bimmigration\s+(?:enforcement|officers?|laws?)|\bremoval\b|\bdeport|\btask\s+force/i,
  /** Joint operations with immigration agents: the word here, the agency checked in code. */
  operationWord: gi(W`\b(?:sweeps?|raids?|checkpoints?|surveys?|joint\s+operations?|task\s+forces?)\b`),
  /** Assisting or accompanying immigration agents: the verb here, the agency (within 40 characters after) in code. */
  assistVerb: gi(
    W`\b(?:assist\w*|cooperat\w*|participat\w*|take\s+part|accompany|serving\s+as\s+interpreters|providing\s+transportation)\b`,
  ),
  transferVerb: gi(W`\btransfer\w*\b`),
  transferTarget:
    /^[^.;]{0,60}?\b(?:to|into)\s+(?:\w+\s+){0,3}?(?:custody\s+of\s+(?:the\s+)?)?(?:ICE|INS|DHS|immigration\s+authorit\w+|federal\s+immigration\s+\w+)\b/i,
  /** Stops or arrests because of status or an immigration violation: the basis here, the act (within 80 characters before) in code. */
  immigrationBasis: gi(
    W`\b(?:immigration\s+status|violations?\s+of\s+(?:federal\s+)?(?:civil\s+)?immigration|immigration\s+(?:violations?|enforcement\s+purposes|purposes)|(?:un)?lawfully\s+present|citizenship)`,
  ),
  basisBefore:
    /\b(?:stop|arrest|detain|apprehend|investigat|interrogat|detect)\w*\b[^.;]{0,80}?\b(?:(?:based\s+(?:solely\s+)?on|on\s+the\s+basis\s+of|because\s+of|for)\s+(?:(?:actual|suspected|alleged|perceived)\s+(?:or\s+(?:actual|suspected|perceived)\s+)?)?(?:a\s+)?(?:civil\s+)?|(?:solely\s+|only\s+)?to\s+(?:determine|verify|check|investigate)\s+(?:whether\s+(?:\w+\s+){1,3}?(?:is|are)\s+|(?:\w+'s\s+|his\s+or\s+her\s+|their\s+)?))$/i,
  /** "... for the purpose of civil immigration enforcement": the purpose of another limit, not a limit of its own. */
  purposeBefore: /\b(?:for\s+(?:the\s+)?purposes?\s+of|in\s+order\s+to|so\s+as\s+to|to\s+conduct|for)\s+$/i,
  /** Enforcement phrases that only state a purpose; a hold for that purpose is already a detainer limit. */
  enforcementPurpose: /purpose|enforcement\s+of\s+(?:federal\s+)?(?:civil\s+)?immigration/i,

  // ---- modifiers -------------------------------------------------------------------------------------------
  warrant: gi(
    [
      W`\b(?:judicial|criminal|federal\s+criminal|court-issued)\s+(?:arrest\s+)?warrants?\b`,
      W`\bwarrants?\s+(?:based\s+on\s+probable\s+cause\s+and\s+)?(?:signed|issued)\s+by\s+(?:a|an|any)\s+(?:federal\s+|state\s+|neutral\s+)?(?:judge|magistrate|court|judicial\s+officer)\b`,
      W`\b(?:judge|court|magistrate)\s+has\s+issued\s+a\s+warrant\b`,
      W`\bjudicial\s+(?:determination|finding)\s+of\s+probable\s+cause\b|\bjudicial\s+probable\s+cause\s+(?:determination|finding)\b`,
      W`\b(?:magistrate|judge|court)\s+has\s+(?:made\s+a\s+finding|determined|found)\s+(?:of\s+|that\s+there\s+is\s+)?probable\s+cause\b|\bfinding\s+of\s+probable\s+cause\b`,
      W`\bcourt\s+orders?\b|\border\s+(?:signed|issued)\s+by\s+a\s+(?:federal\s+)?(?:judge|court)\b|\borders?\s+of\s+a\s+(?:federal\s+|state\s+)?court\b|\bjudicial\s+(?:orders?|subpoenas?)\b|\bsigned\s+by\s+a\s+judge\b|\bjudicially[\s-]+(?:issued|signed|authorized)\s+warrants?\b`,
    ].join('|'),
  ),
  negatedBefore: /\b(?:is|was|are)\s+not\s+(?:a|an)?\s*$|\bnot\s+a\s+$/i,
  seriousCrime: gi(
    [
      W`\b(?:serious|violent|aggravated)\s+(?:or\s+(?:serious|violent)\s+)?(?:felon(?:y|ies)|offen[cs]es?|crimes?)\b`,
      W`\bconvicted\b[^.;]{0,60}?\b(?:felon(?:y|ies)|misdemeanor|offen[cs]es?\s+listed|crimes?\s+listed)\b|\bfelony\s+convictions?\b|\b(?:charged\s+with|arrested\s+for)\s+(?:a\s+|an\s+|any\s+)?(?:\w+\s+){0,2}?(?:felony|felonies)\b`,
      W`\b(?:offen[cs]es?|crimes?|felonies)\s+(?:listed|enumerated|identified|specified|described)\s+in\b`,
      W`\b(?:Sections?|§)\s*(?:1192\.7|667\.5|7282\.5|70\.02)\b|\b1326\s*\(b\)`,
      W`\bsex\s+(?:and\s+arson\s+)?(?:offender\s+)?regist\w+|\bregistered\s+sex\s+offenders?\b|\bgang(?:-related|\s+members?)\b|\bhuman\s+(?:trafficking|smuggling)\b|\bterroris\w+|\bcrimes?\s+of\s+violence\b`,
    ].join('|'),
  ),
  savingsCite: gi(W`\b(?:8\s+U\.?\s?S\.?\s?C\.?\s*(?:§+\s*|sections?\s+)?)?(?:1373|1644)\b`),
  savingsGeneric: gi(
    [
      W`\b(?:required|mandated|compelled)\s+(?:to\s+do\s+so\s+)?(?:to\s+\w+\s+)?by\s+(?:\w+\s+){0,4}?(?:law|laws|statutes?|regulations?|legal\s+process|court\s+decisions?)\b`,
      W`\b(?:federal|state|applicable)\s+(?:or\s+(?:federal|state)\s+)?law\s+(?:expressly\s+)?requires\b`,
      W`\bis\s+required\s+by\s+law\s+to\b|\bto\s+the\s+extent\s+(?:required|permitted)\s+by\s+(?:\w+\s+)?law\b|\bconsistent\s+with\s+(?:federal|applicable)\s+law\b|\bas\s+permitted\s+by\s+federal\s+law\b`,
    ].join('|'),
  ),
  /**
   * Just before a legal requirement, a restrictive relative clause or participle that negates it ("information that is
   * not required by law", "records not otherwise required by law"). Not ", which is not required" (a remark), "whether
   * or not", "even where honoring it is not", "and it is not".
   */
  negatedRequirement:
    /(?<!,\s*)\b(?:(?:that|which|who)\s+(?:is|are|was|were)\s+|(?!(?:or|is|are|was|were|be|been|it|does|do|did|and|if|where|when|even)\b)[a-z]+\s+)not\s+(?:otherwise\s+|expressly\s+)?$/i,
  /** After the requirement: what the law requires is to withhold, so the limit widens rather than yields. */
  requirementToWithhold:
    /^\s+to\s+be\s+(?:kept|held|treated|maintained)\s+(?:as\s+)?confidential|^\s+to\s+be\s+(?:withheld|protected)/i,
  /** "other than information regarding ... citizenship or immigration status": the § 1373 subject matter is carved out. */
  statusCarveOut:
    /^(?:other\s+than|except(?:ing)?)\s+(?:for\s+)?(?:any\s+)?information\s+(?:regarding|about|concerning|relating\s+to)\s+(?:\w+'?s?\s+){0,4}?(?:citizenship|immigration\s+status)/i,

  // ---- frames that remove tags -----------------------------------------------------------------------------
  recital:
    /^\s*(?:\(\w{1,4}\)\s*)?(?:WHEREAS\b|(?:The\s+)?(?:[\w.]+\s+){0,5}(?:finds|found)\s+(?:and\s+declares\s+)?(?:that|the\s+following|all\s+of\s+the\s+following)\b|(?:The\s+)?(?:[\w.]+\s+){0,5}finds\s+and\s+declares\b)/i,
  recitalHeading:
    /\b(?:findings?|recitals?|background|preamble|legislative\s+(?:findings|declarations?|intent))\b/i,
  purpose:
    /^\s*(?:\(\w{1,4}\)\s*)?(?:The\s+purpose\s+of|It\s+is\s+the\s+(?:purpose|intent)\s+of|The\s+intent\s+of|This\s+(?:\w+\s+){1,2}(?:is\s+intended\s+to|establishes|provides\s+guidelines))/i,
  purposeHeading: /\b(?:purpose|intent|scope)\b/i,
  definition:
    /^\s*(?:\(\w{1,4}\)\s*)?(?:[^"“]{0,60})?["“][^"”]{1,80}["”]\s+(?:means|shall\s+mean|includes|has\s+the\s+(?:same\s+)?meaning|refers\s+to)\b/i,
  definitionLeadIn:
    /\bfollowing\s+(?:terms|words|definitions|meanings)\b|\bfollowing\s+meanings\b|^\s*(?:\(\w{1,4}\)\s*)?As\s+used\s+in\s+this\b/i,
  definitionHeading: /\bdefinitions?\b/i,
  definedTerm:
    /["“]([^"”]{2,60})["”]\s+(?:means|shall\s+mean|includes|has\s+the\s+(?:same\s+)?meaning|refers\s+to)\b/i,
  quoted: /["“][^"”\n]{15,400}["”]/g,

  // ---- scope and cross-references --------------------------------------------------------------------------
  scopeSection: /\bthis\s+(?:section|subsection|subdivision|paragraph)\b/i,
  scopeDocument:
    /\bthis\s+(?:chapter|article|ordinance|order|general\s+order|policy|act|resolution|memo(?:randum)?|title|division|code|directive|part|procedure|rule|subchapter)\b|\bherein\b|\bhereunder\b/i,
  crossReference: gi(
    W`\b(?:sub)?(?:section|division|paragraph)s?\s+(\(?[0-9A-Za-z]{1,8}(?:[.\-][0-9A-Za-z]{1,8}){0,3}\)?(?:\s*\([0-9A-Za-z]{1,4}\))*)(?:\s+of\s+(?:section\s+)?([0-9][0-9A-Za-z.\-]{0,15}))?`,
  ),
} as const;
