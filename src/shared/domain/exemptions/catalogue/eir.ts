// EIR 2004 exceptions, from docs/law.md §5.2. Every exception is qualified (reg 12(1)(b)), read
// restrictively, with a presumption in favour of disclosure (reg 12(2)); only reg 13's first
// condition is absolute. NCND only for reg 12(5)(a) (reg 12(6)-(7)) and reg 13 (reg 13(5A)-(5B)).
// "Adverse effect" means "would adversely affect": more probable than not, with no "likely to"
// limb as in FOIA (ICO EIR guidance [R]). Titles paraphrase the Regulations. [R]
import type { CatalogueData } from '../catalogue';
import { sub } from './common';

// reg 12(9): so far as the information is on emissions, 12(5)(d)-(g) cannot be relied on.
const EMISSIONS = {
  notOnEmissions: true,
  warning: 'EIR reg 12(9): this exception cannot be relied on for information on emissions; check that none of the withheld information is on emissions.',
};

export const EIR_EXCEPTIONS: CatalogueData[] = [
  { act: 'EIR', section: '12', title: 'Exceptions to the duty to disclose environmental information', absolute: false, test: 'adverse-effect', ncnd: null, subsections: [
    sub('(4)(a)', 'Information not held when the request was received', { test: 'factual' }),
    sub('(4)(b)', 'Manifestly unreasonable request', { test: 'class' }),
    sub('(4)(c)', 'Request formulated in too general a manner (after reg 9 advice)', { test: 'class' }),
    sub('(4)(d)', 'Material still in the course of completion, unfinished documents or incomplete data', { test: 'class',
      warning: 'EIR reg 14(4): a refusal under reg 12(4)(d) must name any authority preparing the information and say when it expects it to be finished.' }),
    sub('(4)(e)', 'Internal communications (including between government departments, reg 12(8))', { test: 'class' }),
    sub('(5)(a)', 'International relations, defence, national security or public safety', { ncnd: '(6)' }),
    sub('(5)(b)', 'Course of justice, fair trial, or a criminal or disciplinary inquiry'),
    sub('(5)(c)', 'Intellectual property rights'),
    sub('(5)(d)', 'Confidentiality of proceedings where provided by law', EMISSIONS),
    sub('(5)(e)', 'Confidentiality of commercial or industrial information protecting a legitimate economic interest', EMISSIONS),
    sub('(5)(f)', 'Interests of a person who supplied the information voluntarily', EMISSIONS),
    sub('(5)(g)', 'Protection of the environment to which the information relates', EMISSIONS),
  ], notes: 'Public interest test (reg 12(1)(b)) with a presumption in favour of disclosure (reg 12(2)). reg 12(4)(b) is where cost and vexatiousness go: the EIR have no cost limit.' },
  { act: 'EIR', section: '13', title: 'Personal data of which the applicant is not the data subject', absolute: false, test: 'class', ncnd: '(5A)', subsections: [
    sub('(1)', 'Third-party personal data (first condition, reg 13(2A))', { absolute: true }),
    sub('(2A)', 'First condition: disclosure would contravene the data protection principles', { absolute: true }),
    sub('(2B)', "Second condition: the data subject's objection (UK GDPR Art 21)"),
    sub('(3A)', "Third condition: exempt from the data subject's right of access"),
  ], notes: "The requester's own personal data is excluded by reg 5(3): handle it as a subject access request. Cite reg 13(2B) or 13(3A) when relying on the second or third condition, which need the public interest test." },
];
