import { describe, expect, it } from 'vitest';
import { DiscloseError } from '../../src/shared/errors';
import type { Regime } from '../../src/shared/domain/clocks/events';
import { acknowledgementLetter } from '../../src/shared/domain/letters/acknowledgement';
import { LETTER_FIELDS, LETTER_KIND_REGIMES, LETTER_KINDS, letterKindsFor, type LetterKind } from '../../src/shared/domain/letters/kinds';
import { buildLetter, LetterFieldsError, missingLetterFacts, templateProblems } from '../../src/shared/domain/letters/merge';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../../src/shared/domain/letters/templates';
import type { LetterData } from '../../src/shared/domain/letters/data';
import type { LetterView } from '../../src/shared/domain/letters/view';
import { exemption, FIELDS, kentData, kentEstimate, letterData, ref, S16_ADVICE } from '../helpers/letters';

const build = (kind: LetterKind, data: LetterData, template: LetterTemplate = DEFAULT_TEMPLATES[kind]) => buildLetter(kind, template, data);

/** The letter as one string: subject, then every block, lists one item a line. */
function text(v: LetterView): string {
  return [v.subject, ...v.blocks.map((b) => (b.kind === 'list' ? b.items.map((i) => `• ${i}`).join('\n') : b.text))].join('\n');
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

const CASES = LETTER_KINDS.flatMap((kind) => LETTER_KIND_REGIMES[kind].map((regime) => [kind, regime] as [LetterKind, Regime]));

describe('every kind builds from the default template', () => {
  it.each(CASES)('%s for a %s case', (kind, regime) => {
    const v = build(kind, letterData(kind, regime));
    const all = text(v);
    expect(v.subject).toContain(`${regime.toUpperCase()}/2026/0007`);
    expect(v.references).toEqual([{ label: 'Our reference', value: `${regime.toUpperCase()}/2026/0007` }]);
    expect(v.salutation).toBe('Dear Zoë Ó Dónaill');
    expect(v.signatory).toEqual({ name: 'Siân Ellis-Brown', title: 'Information Governance Officer', authority: 'Borsetshire County Council' });
    expect(v.blocks.length).toBeGreaterThan(2);
    expect(all).not.toMatch(/\{\{|\}\}|undefined|null|\s[.,]/);
    for (const b of v.blocks) expect(b.kind === 'list' ? b.items.length : b.text.trim().length).toBeGreaterThan(0);
  });

  it('has no problems in any default template', () => {
    for (const kind of LETTER_KINDS) expect(templateProblems(DEFAULT_TEMPLATES[kind]), kind).toEqual([]);
  });

  it('offers each regime only the letters the law provides for', () => {
    expect(letterKindsFor('foia')).toEqual(LETTER_KINDS.filter((k) => !['eir-extension', 'sar-extension', 'sar-refusal'].includes(k)));
    expect(letterKindsFor('foisa')).not.toContain('pit-extension');
    expect(letterKindsFor('eir')).not.toContain('s12-refusal');
    // A SAR has no FOI letters: no cost limit, no public interest test, no FOI review (UK GDPR Art 12).
    expect(letterKindsFor('sar')).toEqual(['acknowledgement', 'clarification', 'response', 'sar-extension', 'sar-refusal']);
  });

  it.each([
    ['s12-refusal', 'eir', /regulation 12\(4\)\(b\)/],
    ['pit-extension', 'foisa', /FOISA has no extension/],
    ['refusal', 'sar', /no refusal notice letter for a SAR request/],
  ] as const)('refuses a %s letter for a %s case, saying why', (kind, regime, why) => {
    const e = thrown(() => build(kind, letterData(kind, regime)));
    expect(e).toBeInstanceOf(DiscloseError);
    expect((e as DiscloseError).code).toBe('VALIDATION');
    expect((e as Error).message).toMatch(why);
  });

  it('keeps acknowledgementLetter for the existing caller, with the due date it is given', () => {
    const d = letterData('acknowledgement', 'foia');
    const v = acknowledgementLetter({ settings: d.settings, caseRecord: d.caseRecord, dueDate: '2026-03-31', today: d.today });
    expect(v).toEqual(build('acknowledgement', d));
    expect(text(v)).toContain('no later than 31 March 2026, which is 20 working days');
    expect(v.title).toBe('Acknowledgement FOIA/2026/0007');
  });
});

describe('the facts a letter needs', () => {
  const fieldsError = (f: () => unknown) => {
    const e = thrown(f);
    expect(e).toBeInstanceOf(LetterFieldsError);
    expect((e as LetterFieldsError).code).toBe('VALIDATION');
    return e as LetterFieldsError;
  };

  it('lists missing required fields by label', () => {
    const e = fieldsError(() => build('review-outcome', letterData('review-outcome', 'foia', { fields: { reviewerName: 'A' } })));
    expect(e.missing).toEqual(['Outcome', 'Findings']);
    expect(e.message).toBe('The review outcome letter needs: Outcome; Findings.');
    expect(e.fields).toEqual({ 'fields.outcome': 'Outcome', 'fields.findings': 'Findings' });
    expect(LETTER_FIELDS.clarification.find((f) => f.id === 'question')?.required).toBe(true);
  });

  it('requires the explanation of searches only when the information is not held', () => {
    const e = fieldsError(() => build('response', letterData('response', 'foia', { fields: { outcome: 'not-held' } })));
    expect(e.missing).toEqual(['Why the information is not held']);
    const v = build('response', letterData('response', 'eir', { fields: { outcome: 'not-held', notHeldExplanation: 'We searched the highways system for "Mill Lane".' } }));
    expect(text(v)).toContain('We do not hold the information you asked for.');
    expect(text(v)).toContain('Regulation 12(4)(a)');
  });

  it('checks choices and sums of money', () => {
    expect(fieldsError(() => build('s14-refusal', letterData('s14-refusal', 'foia', { fields: { grounds: 'rude' } }))).missing).toEqual([
      'Grounds (one of: Vexatious (section 14(1)), Repeated (section 14(2)))',
    ]);
    expect(fieldsError(() => build('fees-notice', letterData('fees-notice', 'foia', { fields: { amount: 'ten pounds' } }))).missing).toEqual([
      'Amount (a sum in pounds, e.g. 12.50)',
    ]);
  });

  it('needs the case’s own facts: exemptions, the s17(2) estimate, the review request', () => {
    expect(fieldsError(() => build('refusal', letterData('refusal', 'foia', { exemptions: [] }))).missing).toEqual(['at least one exemption applied to the case']);
    expect(fieldsError(() => build('pit-extension', letterData('pit-extension', 'foia', { events: [] }))).missing[0]).toMatch(/estimated date/);
    expect(fieldsError(() => build('review-acknowledgement', letterData('review-acknowledgement', 'foia', { events: [] }))).missing[0]).toMatch(/review request/);
  });

  it('tells a draft what is missing without throwing', () => {
    expect(missingLetterFacts('pit-extension', letterData('pit-extension', 'foia'))).toEqual({});
    expect(Object.keys(missingLetterFacts('s12-refusal', letterData('s12-refusal', 'foia', { cost: null, s16Advice: '' })))).toEqual(['cost', 's16Advice']);
  });
});

describe('the rights paragraph, regime by regime (FOIA s17(7); EIR reg 14(5); FOISA s19)', () => {
  const rights = (regime: Regime) => text(build('response', letterData('response', regime)));

  it('FOIA: internal review within 40 working days, then the ICO under section 50', () => {
    const t = rights('foia');
    expect(t).toContain('within 40 working days of the date of this letter');
    expect(t).toContain('by email to foi@borsetshire.gov.example');
    expect(t).toContain('section 50 of the Freedom of Information Act 2000');
    expect(t).toContain('Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; ico.org.uk/make-a-complaint');
  });

  it('EIR: representations under regulation 11, then the ICO by regulation 18', () => {
    const t = rights('eir');
    expect(t).toContain('representations to us under regulation 11');
    expect(t).toContain('no later than 40 working days after the date of this letter');
    expect(t).toContain('regulation 18');
    expect(t).toContain('Wilmslow');
  });

  it('FOISA: a requirement for review under section 20, then the Scottish Information Commissioner under section 47', () => {
    const t = rights('foisa');
    expect(t).toContain('require us to review our actions and decisions under section 20');
    expect(t).toContain('within 40 working days of receiving this letter');
    expect(t).toContain('Scottish Information Commissioner for a decision under section 47');
    expect(t).toContain('Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS; foi.scot/appeal');
    expect(t).not.toContain('Wilmslow');
  });

  it('SAR: the ICO under Article 77', () => {
    expect(rights('sar')).toContain('Article 77');
  });
});

describe('refusal notice (FOIA s17(1), (3))', () => {
  it('names each exemption with its subsection, why it applies, and the public interest for qualified ones', () => {
    const t = text(build('refusal', letterData('refusal', 'foia')));
    expect(t).toContain('Section 43(2): Prejudice to the commercial interests of any person');
    expect(t).toContain('This exemption applies to the pricing schedule.');
    expect(t).toContain('Why it applies: The schedule sets out');
    expect(t).toContain('The public interest in disclosing the information: There is a strong public interest');
    expect(t).toContain('The public interest in maintaining the exemption: There is a public interest in a fair tender');
    expect(t).toContain('Our conclusion: We have concluded');
    expect(t).toContain('Section 40(2)');
    expect(t).toContain('This is an absolute exemption, so we are not required to consider the public interest.');
    expect(t).toContain('What we are providing');
  });

  it('neither confirms nor denies where NCND is set, citing the subsection that allows it', () => {
    const d = letterData('refusal', 'foia', { exemptions: [exemption(ref('FOIA', '31', '(1)(a)'), { ncnd: true, item: '' })] });
    const t = text(build('refusal', d));
    expect(t).toContain('Section 31(3) removes the duty to confirm or deny');
    expect(t).toContain('We therefore neither confirm nor deny that we hold it.');
    expect(t).toContain('The public interest in maintaining the exclusion of the duty to confirm or deny:');
    expect(t).toContain('This exemption applies to all of the information you asked for.');
  });

  it('gives the qualified person and the date of the opinion for section 36', () => {
    const d = letterData('refusal', 'foia', {
      exemptions: [exemption(ref('FOIA', '36', '(2)(b)(ii)'), { qualifiedPerson: { name: 'Jo Brand, Monitoring Officer', opinionDate: '2026-03-18', materialPutToThem: 'submission' } })],
    });
    const t = text(build('refusal', d));
    expect(t).toContain('Section 36(2)(b)(ii)');
    expect(t).toContain('Our qualified person, Jo Brand, Monitoring Officer, gave that opinion on 18 March 2026.');
  });

  it('uses exceptions, regulation numbers and the presumption in favour of disclosure under the EIR', () => {
    const t = text(build('refusal', letterData('refusal', 'eir')));
    expect(t).toContain('refusal notice under regulation 14 of the Regulations');
    expect(t).toContain('Regulation 12(5)(e): Confidentiality of commercial or industrial information');
    expect(t).toContain('presumption in favour of disclosure (regulation 12(2))');
  });
});

describe('section 12 refusal: Kent County Council, FOI/12/0385 (received 12 March 2012)', () => {
  it('will not claim the limit is exceeded by an estimate of exactly 18 hours (£450 is not more than £450)', () => {
    const e = thrown(() => build('s12-refusal', kentData(0)));
    expect(kentEstimate(0).totals).toMatchObject({ totalMinutes: 1080, costPence: 45_000, exceeds: false });
    expect((e as LetterFieldsError).missing).toEqual(['a cost estimate over the appropriate limit (this one is £450 against £450)']);
  });

  it('states the estimate in hours and pounds against the £450 limit, with the working and the s16 advice', () => {
    const v = build('s12-refusal', kentData(120));
    const t = text(v);
    expect(v.references).toEqual([{ label: 'Our reference', value: 'FOI/12/0385' }]);
    expect(t).toContain('Thank you for your request, which we received on 12 March 2012.');
    expect(t).toContain('snooping through Facebook');
    expect(t).toContain('would exceed the appropriate limit of £450, so we are not obliged to comply with it (section 12(1) of the Act)');
    expect(t).toContain('under section 17(5) of the Act');
    expect(t).toContain('For this authority it is £450, which is 18 hours of staff time at £25 an hour.');
    expect(t).toContain('would take 20 hours, which at £25 an hour is £500');
    expect(t).toContain('• Locating: 360 social workers asked to search their case files × 3 min = 18 h');
    expect(t).toContain('exceeds the £450 limit');
    expect(t).toContain(S16_ADVICE);
    expect(t).toContain('section 50 of the Freedom of Information Act 2000');
  });

  it('needs the s16 advice', () => {
    expect((thrown(() => build('s12-refusal', { ...kentData(), s16Advice: ' ' })) as LetterFieldsError).missing[0]).toMatch(/advice and assistance/);
  });

  it('adds s12(2) when confirming or denying alone would exceed the limit, and aggregated requests (reg 5)', () => {
    const d = kentData();
    const cost = d.cost!;
    const aggregate = { ...cost.totals, totalMinutes: 1500, costPence: 62_500 };
    d.cost = { ...cost, scope: 'confirm-or-deny', aggregatedWith: [{ reference: 'FOI/12/0311', received: '2012-02-20', totalMinutes: 300, reason: 'same requester, similar information' }], aggregateTotals: aggregate };
    const t = text(build('s12-refusal', d));
    expect(t).toContain('Under section 12(2) of the Act we are therefore not obliged to tell you whether we hold it');
    expect(t).toContain('finding out whether we hold the information would take 25 hours');
    expect(t).toContain('request FOI/12/0311, received on 20 February 2012: 5 hours (same requester, similar information)');
    expect(t).toContain('would take 25 hours, which at £25 an hour is £625');
  });

  it('under FOISA: £600 at no more than £15 an hour, notice under section 16(4)', () => {
    const t = text(build('s12-refusal', letterData('s12-refusal', 'foisa')));
    expect(t).toContain('appropriate limit of £600');
    expect(t).toContain('staff time counted at no more than £15 an hour');
    expect(t).toContain('section 16(4)');
    expect(t).toContain('would take 43 hours, which at £15 an hour is £645');
  });
});

describe('other decision letters', () => {
  it('s14: a section 17(5) notice for a repeated request, with no exemption list', () => {
    const t = text(build('s14-refusal', letterData('s14-refusal', 'foia')));
    expect(t).toContain('Under section 14(2) of the Freedom of Information Act 2000');
    expect(t).toContain('section 17(5)');
    expect(t).not.toContain('Section 43');
    const vexatious = text(build('s14-refusal', letterData('s14-refusal', 'foisa', { fields: { grounds: 'vexatious' } })));
    expect(vexatious).toContain('we consider it vexatious. Under section 14(1) of the Freedom of Information (Scotland) Act 2002');
    expect(vexatious).toContain('section 16(5)');
  });

  it('public interest extension: names the exemptions and gives the estimate from the latest pit-extension event (s17(2))', () => {
    const d = letterData('pit-extension', 'foia');
    d.events = [...d.events, { type: 'pit-extension', date: '2026-03-20', estimate: '2026-04-14' }];
    const t = text(build('pit-extension', d));
    expect(t).toContain('Section 43(2): Prejudice to the commercial interests of any person');
    expect(t).toContain('This exemption is engaged for the pricing schedule.');
    expect(t).toContain('We have not yet reached a decision on where the balance of the public interest lies.');
    expect(t).toContain('send you our full response, by 28 April 2026');
    expect(t).toContain('section 17(1) and (2)');
  });

  it('review acknowledgement: when the review request arrived and when the review is due', () => {
    expect(text(build('review-acknowledgement', letterData('review-acknowledgement', 'foia')))).toContain(
      'Your request for a review reached us on 14 April 2026.',
    );
    expect(text(build('review-acknowledgement', letterData('review-acknowledgement', 'foia')))).toContain('by 13 May 2026, which is 20 working days');
    expect(text(build('review-acknowledgement', letterData('review-acknowledgement', 'eir')))).toContain('no later than 11 June 2026, which is 40 working days');
    expect(text(build('review-acknowledgement', letterData('review-acknowledgement', 'foisa')))).toContain('requirement for review');
  });

  it('review outcome: dates, reviewer, findings, outcome and the six-week ICO guidance', () => {
    const t = text(build('review-outcome', letterData('review-outcome', 'foia')));
    expect(t).toContain('On 14 April 2026 you asked us to review how we dealt with your request FOIA/2026/0007, which we received on 2 March 2026 and answered on 27 March 2026.');
    expect(t).toContain('carried out by Dr Amal Haddad, Head of Legal Services');
    expect(t).toContain('The tender closed on 1 April 2026');
    expect(t).toContain('We have upheld our original response in part');
    expect(t).toContain('The pricing schedule is enclosed.');
    expect(t).toContain('within six weeks of receiving the final response');
    expect(t).toContain('Wycliffe House');
    const upheld = text(build('review-outcome', letterData('review-outcome', 'foia', { fields: { ...FIELDS['review-outcome'], outcome: 'upheld', nowReleased: '' } })));
    expect(upheld).toContain('We have upheld our original response: we are satisfied that it was correct');
    expect(upheld).not.toContain('releasing');
    const overturned = text(build('review-outcome', letterData('review-outcome', 'foia', { fields: { ...FIELDS['review-outcome'], outcome: 'overturned' } })));
    expect(overturned).toContain('We have not upheld our original response');
  });

  it('review outcome under FOISA: the Scottish Information Commissioner within six months, then the Court of Session', () => {
    const t = text(build('review-outcome', letterData('review-outcome', 'foisa')));
    expect(t).toContain('section 47 of the Freedom of Information (Scotland) Act 2002. You must apply within six months of receiving this letter.');
    expect(t).toContain('Kinburn Castle');
    expect(t).toContain('Court of Session');
    expect(t).not.toContain('six weeks');
  });

  it('fees notice: the amount, the breakdown and the last day to pay (three months beginning with the notice, s9(2))', () => {
    const t = text(build('fees-notice', letterData('fees-notice', 'foia')));
    expect(t).toContain('there is a charge of £12.50');
    expect(t).toContain('• Postage: £0.50');
    expect(t).toContain('that is by 26 June 2026');
  });
});
