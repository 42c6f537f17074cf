// FOIA 2000 Part II exemptions, from docs/law.md §5.1. Absolute per s2(3): s21, s23, s32, s34,
// s36 for the Houses, s37(1)(a)-(ab), s40(1), s40(2) under the first condition, s41, s44; every
// other exemption needs the public interest test. Subsections are the units officers cite.
// Titles paraphrase the Act; check them against legislation.gov.uk before quoting them. [R]
import type { CatalogueData } from '../catalogue';
import { lawEnforcementSubsections, sub } from './common';

const ACT = 'FOIA' as const;

export const FOIA_EXEMPTIONS: CatalogueData[] = [
  { act: ACT, section: '21', title: 'Information accessible to the applicant by other means', absolute: true, test: 'class', ncnd: null, subsections: [
    sub('(1)', 'Information reasonably accessible to the applicant by other means'),
    sub('(2)(a)', 'Reasonably accessible even though available only on payment'),
    sub('(2)(b)', 'Information that must by law be communicated to the public on request'),
    sub('(3)', "Information available under the authority's publication scheme"),
  ] },
  { act: ACT, section: '22', title: 'Information intended for future publication', absolute: false, test: 'class', ncnd: '(2)', subsections: [
    sub('(1)', 'Information intended for future publication'),
  ], notes: 'All of s22(1)(a)-(c) must hold: the intention existed when the request was made, and withholding until then is reasonable.' },
  { act: ACT, section: '22A', title: 'Research', absolute: false, test: 'prejudice', ncnd: '(2)', subsections: [
    sub('(1)', 'Information from an ongoing programme of research'),
  ], notes: 'Added in 2014. Both s22A(1)(a) (ongoing research with a view to publication) and (b) (prejudice) must hold.' },
  { act: ACT, section: '23', title: 'Information supplied by, or relating to, bodies dealing with security matters', absolute: true, test: 'class', ncnd: '(5)', subsections: [
    sub('(1)', 'Information supplied by, or relating to, a body listed in s23(3)'),
  ], notes: 'A Minister\'s certificate under s23(2) is conclusive. Often cited with s24 "in the alternative".' },
  { act: ACT, section: '24', title: 'National security', absolute: false, test: 'required-for', ncnd: '(2)', subsections: [
    sub('(1)', 'Required for the purpose of safeguarding national security'),
  ], notes: 'Certificate under s24(3).' },
  { act: ACT, section: '26', title: 'Defence', absolute: false, test: 'prejudice', ncnd: '(3)', subsections: [
    sub('(1)(a)', 'Defence of the British Islands or of any colony'),
    sub('(1)(b)', 'Capability, effectiveness or security of the armed forces'),
  ] },
  { act: ACT, section: '27', title: 'International relations', absolute: false, test: 'prejudice', ncnd: '(4)', subsections: [
    sub('(1)(a)', 'Relations between the UK and any other State'),
    sub('(1)(b)', 'Relations between the UK and any international organisation or international court'),
    sub('(1)(c)', 'Interests of the UK abroad'),
    sub('(1)(d)', 'Promotion or protection by the UK of its interests abroad'),
    sub('(2)', 'Confidential information obtained from another State, an international organisation or court', { test: 'class' }),
  ] },
  { act: ACT, section: '28', title: 'Relations within the United Kingdom', absolute: false, test: 'prejudice', ncnd: '(3)', subsections: [
    sub('(1)', 'Relations between any administration in the UK and any other such administration'),
  ] },
  { act: ACT, section: '29', title: 'The economy', absolute: false, test: 'prejudice', ncnd: '(2)', subsections: [
    sub('(1)(a)', 'Economic interests of the UK or any part of it'),
    sub('(1)(b)', 'Financial interests of any administration in the UK'),
  ] },
  { act: ACT, section: '30', title: 'Investigations and proceedings conducted by public authorities', absolute: false, test: 'class', ncnd: '(3)', subsections: [
    sub('(1)(a)', 'Investigation whether a person should be charged with, or is guilty of, an offence'),
    sub('(1)(a)(i)', 'Investigation whether a person should be charged with an offence'),
    sub('(1)(a)(ii)', 'Investigation whether a person charged with an offence is guilty of it'),
    sub('(1)(b)', 'Investigation that may lead to a decision to institute criminal proceedings'),
    sub('(1)(c)', 'Criminal proceedings the authority has power to conduct'),
    sub('(2)', 'Information relating to confidential sources in investigations and proceedings'),
  ] },
  { act: ACT, section: '31', title: 'Law enforcement', absolute: false, test: 'prejudice', ncnd: '(3)', subsections: [
    ...lawEnforcementSubsections('31'),
  ], notes: 'Cited as e.g. "s31(1)(g) by virtue of s31(2)(a) and (c)". [R] verify the s31(2) wording.' },
  { act: ACT, section: '32', title: 'Court records, etc.', absolute: true, test: 'class', ncnd: '(3)', subsections: [
    sub('(1)(a)', 'Document filed with, or otherwise placed in the custody of, a court'),
    sub('(1)(b)', 'Document served on, or by, a public authority for proceedings'),
    sub('(1)(c)', 'Document created by a court or a member of its administrative staff'),
    sub('(2)', 'Document placed in the custody of, or created by, a person conducting an inquiry or arbitration'),
  ] },
  { act: ACT, section: '33', title: 'Audit functions', absolute: false, test: 'prejudice', ncnd: '(3)', subsections: [
    sub('(1)(a)', 'Audit of the accounts of other public authorities'),
    sub('(1)(b)', 'Examination of the economy, efficiency and effectiveness of other public authorities'),
    sub('(2)', "Prejudice to the exercise of the authority's audit functions"),
  ], notes: 's33(1) says which authorities have audit functions; s33(2) is the prejudice test.' },
  { act: ACT, section: '34', title: 'Parliamentary privilege', absolute: true, test: 'required-for', ncnd: '(2)', subsections: [
    sub('(1)', 'Required to avoid an infringement of the privileges of either House of Parliament'),
  ], notes: "A certificate of the Speaker or the Clerk of the Parliaments is conclusive (s34(3))." },
  { act: ACT, section: '35', title: 'Formulation of government policy, etc.', absolute: false, test: 'class', ncnd: '(3)', subsections: [
    sub('(1)(a)', 'Formulation or development of government policy'),
    sub('(1)(b)', 'Ministerial communications'),
    sub('(1)(c)', "Law Officers' advice"),
    sub('(1)(d)', 'Operation of any Ministerial private office'),
  ], warning: 'Only government departments and the Welsh Government can rely on FOIA s35; other authorities consider s36 instead.' },
  { act: ACT, section: '36', title: 'Prejudice to effective conduct of public affairs', absolute: false, test: 'prejudice', ncnd: '(3)', needsQualifiedPerson: true, subsections: [
    sub('(2)(a)(i)', 'Collective responsibility of Ministers of the Crown'),
    sub('(2)(a)(ii)', 'Work of the Executive Committee of the Northern Ireland Assembly'),
    sub('(2)(a)(iii)', 'Work of the Cabinet of the Welsh Government'), // [R] verify the current wording
    sub('(2)(b)(i)', 'Free and frank provision of advice'),
    sub('(2)(b)(ii)', 'Free and frank exchange of views for the purposes of deliberation'),
    sub('(2)(c)', 'Otherwise prejudice to the effective conduct of public affairs'),
  ], notes:
    'Engaged only in the reasonable opinion of a qualified person (s36(5)); record their name, the date of the opinion and what was put to them. ' +
    'No opinion is needed for statistical information (s36(4)). Absolute, with no public interest test, only for information held by the House of Commons or the House of Lords (s2(3)(e)).' },
  { act: ACT, section: '37', title: 'Communications with His Majesty, etc. and honours', absolute: false, test: 'class', ncnd: '(2)', subsections: [
    sub('(1)(a)', 'Communications with the Sovereign', { absolute: true }),
    sub('(1)(aa)', 'Communications with the heir to, or the person second in line of succession to, the Throne', { absolute: true }),
    sub('(1)(ab)', 'Communications with a person who has since acceded to the Throne or become heir or second in line', { absolute: true }),
    sub('(1)(ac)', 'Communications with other members of the Royal Family'),
    sub('(1)(ad)', 'Communications with the Royal Household'),
    sub('(1)(b)', 'Conferring by the Crown of any honour or dignity'),
  ] },
  { act: ACT, section: '38', title: 'Health and safety', absolute: false, test: 'endanger', ncnd: '(2)', subsections: [
    sub('(1)(a)', 'Endanger the physical or mental health of any individual'),
    sub('(1)(b)', 'Endanger the safety of any individual'),
  ] },
  { act: ACT, section: '39', title: 'Environmental information', absolute: false, test: 'class', ncnd: '(2)', subsections: [
    sub('(1)', 'Environmental information to be dealt with under the EIR'),
  ], notes: 'Use it to say the request is being handled under the EIR, then apply the EIR exceptions.' },
  { act: ACT, section: '40', title: 'Personal information', absolute: false, test: 'class', ncnd: '(5B)', subsections: [
    sub('(1)', 'Personal data of which the applicant is the data subject', { absolute: true, ncnd: '(5A)',
      warning: 'FOIA s40(1) covers the requester\'s own personal data: handle that part as a subject access request.' }),
    sub('(2)', 'Third-party personal data (first condition, s40(3A))', { absolute: true }),
    sub('(3A)', 'First condition: disclosure would contravene the data protection principles', { absolute: true }),
    sub('(3B)', "Second condition: the data subject's objection (UK GDPR Art 21)", { absolute: false }),
    sub('(4A)', "Third condition: exempt from the data subject's right of access", { absolute: false }),
  ], notes: 's40(2) is absolute under the first condition (s40(3A)); cite s40(3B) or s40(4A) when relying on the second or third condition, which need the public interest test.' },
  { act: ACT, section: '41', title: 'Information provided in confidence', absolute: true, test: 'class', ncnd: '(2)', subsections: [
    sub('(1)', 'Information obtained from another person whose disclosure would be an actionable breach of confidence'),
  ], notes: 'Absolute, but a breach of confidence is not actionable where there is a public interest defence: weigh it in the engagement reasons.' },
  { act: ACT, section: '42', title: 'Legal professional privilege', absolute: false, test: 'class', ncnd: '(2)', subsections: [
    sub('(1)', 'Legal professional privilege (advice or litigation privilege)'),
  ] },
  { act: ACT, section: '43', title: 'Commercial interests', absolute: false, test: 'prejudice', ncnd: '(3)', subsections: [
    sub('(1)', 'Trade secret', { test: 'class', ncnd: null }),
    sub('(2)', 'Prejudice to the commercial interests of any person'),
  ] },
  { act: ACT, section: '44', title: 'Prohibitions on disclosure', absolute: true, test: 'class', ncnd: '(2)', subsections: [
    sub('(1)(a)', 'Disclosure prohibited by or under any enactment'),
    sub('(1)(b)', 'Disclosure incompatible with a retained EU obligation'), // [R] verify the post-2023 wording
    sub('(1)(c)', 'Disclosure would be punishable as a contempt of court'),
  ] },
];
