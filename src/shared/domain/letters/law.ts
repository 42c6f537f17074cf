// What the law says differently in each regime, in the words a letter uses: the Act's name, the
// sections to cite, and the review and complaint rights every decision letter must set out
// (FOIA s17(7); EIR reg 14(5); EISR reg 13(e); FOISA s19; UK GDPR Art 12(4), 15(1)(e)-(f);
// docs/law.md §6.1).
import type { Regime } from '../clocks/events';
import type { AuthoritySettings } from '../settings';
import type { LetterBlock } from './view';

export interface RegimeWords {
  /** "the Freedom of Information Act 2000", as a sentence names it. */
  act: string;
  /** The subject line's name for the request. */
  requestTitle: string;
  /** "exemption", or "exception" under the EIR. */
  exemption: string;
  exemptions: string;
  /** The provision a refusal notice is given under, after the letter has named the law. */
  refusalNotice: string;
  /** The duty to advise and assist, after the letter has named the law. */
  adviceDuty: string;
  regulator: string;
}

export const REGIME_WORDS: Record<Regime, RegimeWords> = {
  foia: {
    act: 'the Freedom of Information Act 2000',
    requestTitle: 'Freedom of Information request',
    exemption: 'exemption',
    exemptions: 'exemptions',
    refusalNotice: 'section 17 of the Act',
    adviceDuty: 'section 16 of the Act',
    regulator: 'the Information Commissioner',
  },
  eir: {
    act: 'the Environmental Information Regulations 2004',
    requestTitle: 'Request for environmental information',
    exemption: 'exception',
    exemptions: 'exceptions',
    refusalNotice: 'regulation 14 of the Regulations',
    adviceDuty: 'regulation 9 of the Regulations',
    regulator: 'the Information Commissioner',
  },
  eisr: {
    act: 'the Environmental Information (Scotland) Regulations 2004',
    requestTitle: 'Request for environmental information',
    exemption: 'exception',
    exemptions: 'exceptions',
    refusalNotice: 'regulation 13 of the Regulations',
    adviceDuty: 'regulation 9 of the Regulations',
    regulator: 'the Scottish Information Commissioner',
  },
  foisa: {
    act: 'the Freedom of Information (Scotland) Act 2002',
    requestTitle: 'Freedom of Information (Scotland) request',
    exemption: 'exemption',
    exemptions: 'exemptions',
    refusalNotice: 'section 16 of the Act',
    adviceDuty: 'section 15 of the Act',
    regulator: 'the Scottish Information Commissioner',
  },
  sar: {
    act: 'Article 15 of the UK General Data Protection Regulation',
    requestTitle: 'Subject access request',
    exemption: 'exemption',
    exemptions: 'exemptions',
    refusalNotice: 'Article 12(4) of the UK GDPR',
    adviceDuty: 'Article 12(2) of the UK GDPR',
    regulator: 'the Information Commissioner',
  },
};

// ICO address as WhatDoTheyKnow's help gave it (last changed 2023-07-18; docs/law.md §6.1):
// verify it is current before each release.
export const ICO_ADDRESS =
  'Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; ico.org.uk/make-a-complaint';
// TO BE VERIFIED before release: the Scottish Information Commissioner's postal address and
// appeal page are from memory (docs/law.md §6.1 marks Kinburn Castle [R]).
export const SIC_ADDRESS =
  'Scottish Information Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS; foi.scot/appeal';

/** How to reach the authority for a review, from its settings. */
export function reviewContact(s: Pick<AuthoritySettings, 'email' | 'address'>): string {
  const email = s.email.trim();
  const post = s.address.trim() !== '';
  if (email && post) return `by email to ${email} or by post to the address at the top of this letter`;
  if (email) return `by email to ${email}`;
  if (post) return 'by post to the address at the top of this letter';
  return 'using the contact details at the top of this letter';
}

const p = (text: string): LetterBlock => ({ kind: 'paragraph', text });

/** The review and complaint rights in a decision letter, before any review (s17(7) and kin). */
export function rightsParagraph(regime: Regime, contact: string, reference: string): LetterBlock[] {
  switch (regime) {
    case 'foia':
      return [
        p(`If you are unhappy with how we have dealt with your request, you can ask us for an internal review. Please write to us ${contact} within 40 working days of the date of this letter, quoting reference ${reference} and saying what you are unhappy with. Someone who was not involved in the original decision will carry out the review, and we aim to send you the outcome within 20 working days.`),
        p(`If you are still unhappy after the internal review, you can apply to the Information Commissioner for a decision under section 50 of the Freedom of Information Act 2000. The Commissioner will usually expect you to have used our review procedure first. ${ICO_ADDRESS}.`),
      ];
    case 'eir':
      return [
        p(`If you consider that we have not dealt with your request as the Environmental Information Regulations 2004 require, you can make representations to us under regulation 11, asking us to reconsider. Please write to us ${contact} no later than 40 working days after the date of this letter, quoting reference ${reference} and saying what you are unhappy with. We will reconsider our response and tell you our decision as soon as possible and no later than 40 working days after we receive your representations.`),
        p(`If you are still unhappy after our reconsideration, you can apply to the Information Commissioner for a decision under section 50 of the Freedom of Information Act 2000, which regulation 18 of the Regulations applies to environmental information. ${ICO_ADDRESS}.`),
      ];
    case 'foisa':
      return [
        p(`If you are dissatisfied with how we have dealt with your request, you can require us to review our actions and decisions under section 20 of the Freedom of Information (Scotland) Act 2002. Your requirement for review must be in writing or another form that can be kept, give your name and an address for correspondence, and say why you are dissatisfied. Please send it to us ${contact} within 40 working days of receiving this letter, quoting reference ${reference}. We will reply within 20 working days of receiving it (section 21).`),
        p(`If you remain dissatisfied after our review, you can apply to the Scottish Information Commissioner for a decision under section 47 of the Act. You must normally apply within six months of receiving our review response. ${SIC_ADDRESS}.`),
      ];
    case 'eisr':
      return [
        p(`If you are dissatisfied with how we have dealt with your request, you can ask us to review our decision under regulation 16 of the Environmental Information (Scotland) Regulations 2004. Please write to us ${contact} no later than 40 working days after receiving this letter, quoting reference ${reference} and saying why you are dissatisfied. We will tell you the outcome as soon as possible and no later than 20 working days after we receive your request for review (regulation 16(4)).`),
        p(`If you remain dissatisfied after our review, you can apply to the Scottish Information Commissioner for a decision under section 47 of the Freedom of Information (Scotland) Act 2002, as applied by regulation 17 of the Regulations. You must normally apply within six months of receiving our review response. ${SIC_ADDRESS}.`),
      ];
    case 'sar':
      return sarRights(contact, reference);
  }
}

/**
 * A subject access decision: the rights Art 15(1)(e)-(f) require the response to mention, and on
 * a refusal the complaint and the judicial remedy (Art 12(4); Art 77, Art 79; DPA 2018 s167).
 */
export function sarRights(contact: string, reference: string): LetterBlock[] {
  return [
    p(`You have the right to ask us to correct personal data that is inaccurate (rectification), to erase it, or to restrict how we use it, and to object to our using it, in the circumstances the UK General Data Protection Regulation sets out (Articles 16 to 18 and 21). To do so, or if you are unhappy with our response, please write to us ${contact}, quoting reference ${reference}.`),
    p(`You have the right to complain to the Information Commissioner (Article 77 of the UK General Data Protection Regulation). You may also apply to a court for an order that we comply with your request (Article 79, and section 167 of the Data Protection Act 2018). ${ICO_ADDRESS}.`),
  ];
}

/** The right that remains after a review: the regulator, with its time guidance. */
export function appealRights(regime: Regime): LetterBlock[] {
  switch (regime) {
    case 'foia':
    case 'eir':
    case 'sar': {
      const basis =
        regime === 'eir'
          ? 'section 50 of the Freedom of Information Act 2000, as applied by regulation 18 of the Environmental Information Regulations 2004'
          : regime === 'foia'
            ? 'section 50 of the Freedom of Information Act 2000'
            : 'Article 77 of the UK General Data Protection Regulation';
      return [
        p(`If you are not satisfied with the outcome of this review, you can apply to the Information Commissioner for a decision under ${basis}. The Commissioner asks that complaints are made within six weeks of receiving the final response, and may decline to consider one that is made after an undue delay. Please send the Commissioner a copy of your request, our response and this letter.`),
        p(`${ICO_ADDRESS}.`),
      ];
    }
    case 'foisa':
    case 'eisr':
      return [
        p(`If you are not satisfied with the outcome of this review, you can apply to the Scottish Information Commissioner for a decision under section 47 of the Freedom of Information (Scotland) Act 2002${regime === 'eisr' ? ', as applied by regulation 17 of the Environmental Information (Scotland) Regulations 2004' : ''}. You must apply within six months of receiving this letter. Please send the Commissioner a copy of your request, our response, your ${regime === 'eisr' ? 'request' : 'requirement'} for review and this letter.`),
        p(`${SIC_ADDRESS}.`),
        p('If you then disagree with the Commissioner’s decision, you can appeal to the Court of Session on a point of law only (section 56).'),
      ];
  }
}
