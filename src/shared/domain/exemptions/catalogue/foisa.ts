// FOISA 2002 Part 2 exemptions (Scotland). Absolute per s2(2): s25, s26, s36(2), s37, and in
// s38(1) paragraphs (a), (c) and (d), and (b) under the first condition [V – s2(2) as published
// by the Scottish Information Commissioner]. Every other exemption is subject to the public
// interest test (s2(1)(b)). Prejudice under FOISA must be *substantial* ("would, or would be likely
// to, prejudice substantially"). There is no per-section NCND: s18(1) lets an authority neither
// confirm nor deny where it could refuse under s16(1) because the information would be exempt by
// virtue of "any of sections 28 to 35, 38, 39(1) or 41" and revealing whether it exists or is held
// would be contrary to the public interest. So s39(2) (environmental information, handled under
// the EISR) is outside it, as are s25-s27, s36, s37 and s40 [R – s18(1) as we read it; SIC decision
// 100/2013 (proutdejure.info, 10 Jun 2013) on s18 notices; not re-read on legislation.gov.uk].
// s18(2): an s18 notice need not say whether the information is held (s16(1)(a)) [R].
// Unlike FOIA s36, FOISA s30 needs no qualified person. [R] verify
// Section and paragraph details below are from memory unless marked otherwise. [R] verify
import type { CatalogueData } from '../catalogue';
import { lawEnforcementSubsections, sub } from './common';
import type { ProvisionRef } from '../types';

const ACT = 'FOISA' as const;
const S18: ProvisionRef = { act: ACT, section: '18', subsection: '(1)' };
const SUBSTANTIAL = 'FOISA requires substantial prejudice ("would, or would be likely to, prejudice substantially").';

export const FOISA_EXEMPTIONS: CatalogueData[] = [
  { act: ACT, section: '25', title: 'Information otherwise accessible', absolute: true, test: 'class', ncnd: null, subsections: [
    sub('(1)', 'Information the applicant can reasonably obtain other than by requesting it'),
    sub('(2)(a)', 'Reasonably obtainable even though payment is required'),
    sub('(2)(b)', 'Information that must by law be communicated to the public on request'),
    sub('(3)', "Information available under the authority's publication scheme"),
  ] },
  { act: ACT, section: '26', title: 'Prohibitions on disclosure', absolute: true, test: 'class', ncnd: null, subsections: [
    sub('(a)', 'Disclosure prohibited by or under an enactment'),
    sub('(b)', 'Disclosure incompatible with a retained EU obligation'), // [R] verify the post-Brexit wording
    sub('(c)', 'Disclosure would be punishable as a contempt of court'),
  ] },
  { act: ACT, section: '27', title: 'Information intended for future publication', absolute: false, test: 'class', ncnd: null, subsections: [
    sub('(1)', 'Information to be published within 12 weeks of the request'),
    sub('(2)', 'Information from an ongoing programme of research', { test: 'prejudice' }),
  ] },
  { act: ACT, section: '28', title: 'Relations within the United Kingdom', absolute: false, test: 'prejudice', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)', 'Relations between any administration in the UK and any other such administration'),
  ], notes: SUBSTANTIAL },
  { act: ACT, section: '29', title: 'Formulation of Scottish Administration policy, etc.', absolute: false, test: 'class', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)(a)', 'Formulation or development of government policy'),
    sub('(1)(b)', 'Ministerial communications'),
    sub('(1)(c)', "Law Officers' advice"),
    sub('(1)(d)', 'Operation of any Ministerial private office'),
  ] },
  { act: ACT, section: '30', title: 'Prejudice to effective conduct of public affairs', absolute: false, test: 'prejudice', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(a)', 'Collective responsibility of the Scottish Ministers'),
    sub('(b)(i)', 'Substantial inhibition of the free and frank provision of advice'),
    sub('(b)(ii)', 'Substantial inhibition of the free and frank exchange of views for the purposes of deliberation'),
    sub('(c)', 'Otherwise substantial prejudice to the effective conduct of public affairs'),
  ], notes: `${SUBSTANTIAL} No qualified person's opinion is needed, unlike FOIA s36. [R] verify` },
  { act: ACT, section: '31', title: 'National security and defence', absolute: false, test: 'required-for', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)', 'Required for the purpose of safeguarding national security'),
    sub('(4)', 'Defence of the British Islands, or the capability, effectiveness or security of the armed forces', { test: 'prejudice' }),
  ], notes: 'A Minister\'s certificate under s31(2) is conclusive for s31(1).' },
  { act: ACT, section: '32', title: 'International relations', absolute: false, test: 'prejudice', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)(a)', 'Relations between the UK and another State or an international organisation or court, or UK interests abroad'),
    sub('(1)(b)', 'Confidential information obtained from another State, an international organisation or court', { test: 'class' }),
  ], notes: SUBSTANTIAL },
  { act: ACT, section: '33', title: 'Commercial interests and the economy', absolute: false, test: 'prejudice', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)(a)', 'Trade secret', { test: 'class' }),
    sub('(1)(b)', 'Substantial prejudice to the commercial interests of any person'),
    sub('(2)(a)', 'Economic interests of the UK or any part of it'),
    sub('(2)(b)', 'Financial interests of an administration in the UK'),
  ], notes: SUBSTANTIAL },
  { act: ACT, section: '34', title: 'Investigations by Scottish public authorities and proceedings arising from them', absolute: false, test: 'class', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)(a)', 'Investigation whether a person should be prosecuted for, or is guilty of, an offence'),
    sub('(1)(b)', 'Investigation that may lead to a report to the procurator fiscal'),
    sub('(1)(c)', 'Criminal proceedings'),
    sub('(2)', 'Inquiries into deaths (fatal accident inquiries)'),
    sub('(3)', 'Investigations for law enforcement purposes under the prerogative or an enactment'),
    sub('(4)', 'Information relating to confidential sources'),
  ] },
  { act: ACT, section: '35', title: 'Law enforcement', absolute: false, test: 'prejudice', ncnd: null, ncndElsewhere: S18, subsections: [
    ...lawEnforcementSubsections('35'),
  ], notes: SUBSTANTIAL },
  { act: ACT, section: '36', title: 'Confidentiality', absolute: false, test: 'class', ncnd: null, subsections: [
    sub('(1)', 'Confidentiality of communications in legal proceedings (legal professional privilege)'),
    sub('(2)', 'Information obtained from another person whose disclosure would be an actionable breach of confidence', { absolute: true }),
  ] },
  { act: ACT, section: '37', title: 'Court records, etc.', absolute: true, test: 'class', ncnd: null, subsections: [
    sub('(1)(a)', 'Document lodged with, or created by, a court, or served for proceedings'),
    sub('(1)(b)', 'Document lodged with, or created by, a person conducting an inquiry or arbitration'),
  ] },
  { act: ACT, section: '38', title: 'Personal information', absolute: false, test: 'class', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)(a)', 'Personal data of which the applicant is the data subject', { absolute: true,
      warning: "FOISA s38(1)(a) covers the requester's own personal data: handle that part as a subject access request." }),
    sub('(1)(b)', 'Third-party personal data (first condition)', { absolute: true }),
    sub('(1)(c)', 'Personal census information', { absolute: true }),
    sub('(1)(d)', "A deceased person's health record", { absolute: true }),
  ], notes: 's38(1)(b) is absolute under the first condition (s2(2)(e)(ii)); the second and third conditions need the public interest test.' },
  { act: ACT, section: '39', title: 'Health, safety and the environment', absolute: false, test: 'endanger', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(1)', 'Endanger the physical or mental health or the safety of an individual'),
    sub('(2)', 'Environmental information to be dealt with under the Environmental Information (Scotland) Regulations 2004', { test: 'class', ncndElsewhere: null }),
  ] },
  { act: ACT, section: '40', title: 'Audit functions', absolute: false, test: 'prejudice', ncnd: null, subsections: [
    sub('(a)', 'Audit of the accounts of other Scottish public authorities'),
    sub('(b)', 'Examination of the economy, efficiency and effectiveness of other Scottish public authorities'),
  ], notes: SUBSTANTIAL },
  { act: ACT, section: '41', title: 'Communications with His Majesty, etc. and honours', absolute: false, test: 'class', ncnd: null, ncndElsewhere: S18, subsections: [
    sub('(a)', 'Communications with His Majesty, other members of the Royal Family or the Royal Household'),
    sub('(b)', 'Conferring by the Crown of any honour or dignity'),
  ], notes: 'Both limbs are subject to the public interest test [V – SIC guidance].' },
];
