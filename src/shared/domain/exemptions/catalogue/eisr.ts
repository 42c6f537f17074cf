// Environmental Information (Scotland) Regulations 2004 (SSI 2004/520) exceptions. Kept apart from
// the EIR (SI 2004/3391): the numbering differs (EISR reg 10 is EIR reg 12; EISR reg 11 is EIR reg
// 13) and the Scottish Information Commissioner enforces them (reg 17, applying FOISA Part 4).
// reg 10(1)(b): every exception is subject to the public interest test; reg 10(2): interpreted
// restrictively with a presumption in favour of disclosure; reg 10(6): (5)(d)-(g) cannot be used
// for information on emissions; reg 10(8): neither confirm nor deny only for the (5)(a) interests.
// reg 11: personal data, as amended by the DPA 2018 (first condition absolute; the second and
// third with the public interest test); NCND reg 11(6). The SIC's decisions read the (5) limbs as
// "would, or would be likely to, prejudice substantially" (e.g. Decision 056/2023 on 10(5)(f)).
// Paragraph numbers checked against the provisions SIC decisions cite where marked [V] (e.g.
// Decision 204/2024 cites regs 10(1), (2), (3), (5)(f), (6) and 11(1), (2)(a), (3A)(a)); the rest
// [R], including the NCND paragraphs 10(8) and 11(6), which we could not see quoted.
import type { CatalogueData } from '../catalogue';
import { sub } from './common';

const ACT = 'EISR' as const;

const EMISSIONS = {
  notOnEmissions: true,
  warning: 'EISR reg 10(6): this exception cannot be relied on for information on emissions; check that none of the withheld information is on emissions.',
};

export const EISR_EXCEPTIONS: CatalogueData[] = [
  { act: ACT, section: '10', title: 'Exceptions from the duty to make environmental information available', absolute: false, test: 'adverse-effect', ncnd: null, subsections: [
    sub('(4)(a)', 'Information not held when the request was received', { test: 'factual' }), // [V] SIC Decision 111/2011
    sub('(4)(b)', 'Manifestly unreasonable request', { test: 'class' }), // [V] SIC Decisions 078/2016, 079/2016
    sub('(4)(c)', 'Request formulated in too general a manner (after reg 9 advice)', { test: 'class' }),
    sub('(4)(d)', 'Material still in the course of completion, unfinished documents or incomplete data', { test: 'class',
      warning: 'EISR reg 13(d): a refusal under reg 10(4)(d) must say when the authority expects the information to be finished or completed.' }), // [V] SIC Decision 139/2008
    sub('(4)(e)', 'Internal communications', { test: 'class' }), // [V] SIC Decision 111/2011
    sub('(5)(a)', 'International relations, defence, national security or public safety', { ncnd: '(8)' }),
    sub('(5)(b)', 'Course of justice, fair trial, or a criminal or disciplinary inquiry'), // [V] SIC Decision 125/2024
    sub('(5)(c)', 'Intellectual property rights'),
    sub('(5)(d)', 'Confidentiality of the proceedings of any public authority where provided by law', EMISSIONS), // [V] SIC Decision 139/2008
    sub('(5)(e)', 'Confidentiality of commercial or industrial information protecting a legitimate economic interest', EMISSIONS),
    sub('(5)(f)', 'Interests of the person who provided the information', EMISSIONS), // [V] SIC Decision 056/2023
    sub('(5)(g)', 'Protection of the environment to which the information relates', EMISSIONS),
  ], notes: 'Public interest test (reg 10(1)(b)) with a presumption in favour of disclosure (reg 10(2)). reg 10(4)(b) is where cost and vexatiousness go: the EISR have no cost limit. FOISA s39(2) sends environmental information here.' },
  { act: ACT, section: '11', title: 'Personal data', absolute: false, test: 'class', ncnd: '(6)', subsections: [
    sub('(1)', 'Personal data of which the applicant is the data subject', { absolute: true, ncnd: null,
      warning: "EISR reg 11(1) covers the requester's own personal data: handle that part as a subject access request." }),
    sub('(2)', 'Third-party personal data (first condition, reg 11(3A))', { absolute: true }),
    sub('(3A)', 'First condition: making it available would contravene the data protection principles', { absolute: true }),
    sub('(3B)', "Second condition: the data subject's objection (UK GDPR Art 21)"),
    sub('(4A)', "Third condition: exempt from the data subject's right of access"),
  ], notes: 'Cite reg 11(3B) or 11(4A) when relying on the second or third condition, which need the public interest test. [R] verify the paragraph numbers against the amended text.' },
];
