// Data Protection Act 2018 exemptions from the right of access (UK GDPR Art 15), the ones a
// subject access officer meets: Schedule 2 (Parts 1-4), Schedule 3 (health, social work and
// education data: the serious harm test) and Schedule 4 (disclosure prohibited by another
// enactment). The list and titles follow the ICO's right of access guidance, "Exemptions: when can
// we refuse a SAR?" (headings crime and taxation, legal professional privilege, functions designed
// to protect the public, management information, negotiations with the requester, confidential
// references, exam scripts and exam marks, health, education and social work, child abuse,
// information about other people) [V]; paragraph numbers are from the Act as we read it and
// marked [R] where not checked against legislation.gov.uk.
// None has a public interest test (the DPA is not FOIA): each applies "to the extent that" its own
// condition is met, so each keeps its own reasoning fields, and none allows the FOI kind of
// neither-confirm-nor-deny. A part-refusal must still give everything the exemption does not cover.
import type { CatalogueData } from '../catalogue';
import type { ExemptionTest, ReasoningField } from '../types';

const ACT = 'DPA' as const;

const field = (id: string, label: string, required: boolean, hint?: string): ReasoningField => ({ id, label, required, ...(hint ? { hint } : {}) });

const LIKELY_PREJUDICE = (what: string) =>
  field('likelyPrejudice', `How giving the information would be likely to prejudice ${what}`, true, 'The ICO asks for a real and significant risk, judged case by case; not a whole category of data.');
const WHAT_IS_GIVEN = field('stillGiven', 'What is still given to the requester', false, 'The personal data the exemption does not cover, which must still be provided.');

function entry(section: string, title: string, test: ExemptionTest, reasoning: ReasoningField[], notes?: string): CatalogueData {
  return { act: ACT, section, title, absolute: true, test, ncnd: null, subsections: [], reasoning: [...reasoning, WHAT_IS_GIVEN], ...(notes ? { notes } : {}) };
}

// Schedule 3: "the serious harm test" — applying Art 15 would be likely to cause serious harm to
// the physical or mental health of the data subject or another individual (Sch 3 para 2(2) for
// health data [V – legislation.gov.uk, as enacted]).
const SERIOUS_HARM = field('seriousHarm', 'Why giving it would be likely to cause serious harm to the physical or mental health of the requester or another person', true);

export const DPA_EXEMPTIONS: CatalogueData[] = [
  entry('Sch 2 para 2', 'Crime and taxation: general', 'prejudice', [
    field('purpose', 'Which purpose is at risk', true, 'The prevention or detection of crime; the apprehension or prosecution of offenders; or the assessment or collection of a tax or duty (para 2(1)).'),
    LIKELY_PREJUDICE('that purpose'),
  ], 'Applies only to the extent that complying would be likely to prejudice the purpose (Sch 2 para 2(1)).'),
  entry('Sch 2 para 5', 'Information required to be disclosed by law or in connection with legal proceedings', 'class', [
    field('basis', 'The enactment, rule of law, court order or legal proceedings concerned', true),
    field('howItPrevents', 'How complying with the request would prevent that disclosure', true),
  ], 'Applies only to the extent that applying the right would prevent the controller from making the disclosure (Sch 2 para 5(1)-(3)). [R]'),
  entry('Sch 2 para 7', 'Functions designed to protect the public', 'prejudice', [
    field('function', 'The protective function (e.g. protecting the public against dishonesty or malpractice)', true),
    LIKELY_PREJUDICE('the proper discharge of that function'),
  ]),
  entry('Sch 2 para 13', 'Judicial appointments, judicial independence and judicial proceedings', 'class', [
    field('basis', 'Why the data falls in this class', true),
  ], '[R]'),
  entry('Sch 2 para 16', 'Protection of the rights of others (information about another person)', 'class', [
    field('otherPerson', 'Who the other person is, and what information identifies them', true),
    field('consentSought', 'Whether their consent was sought, and the answer', true, 'Para 16(2)(a): no exemption if they consent. Para 16(3)(c): steps taken to seek consent; (3)(e): any express refusal.'),
    field('capableOfConsent', 'Whether they are capable of giving consent', false, 'Para 16(3)(d).'),
    field('typeOfInformation', 'The type of information that would be disclosed', true, 'Para 16(3)(a).'),
    field('confidentiality', 'Any duty of confidentiality owed to them', true, 'Para 16(3)(b).'),
    field('reasonableness', 'Why it is not reasonable to disclose without their consent', true, 'Para 16(2)(b): weigh all the relevant circumstances, including those in para 16(3).'),
  ], 'Para 17: for a health, social work or education worker acting in that role, disclosure is taken to be reasonable in the cases it sets out. Redact or edit before withholding a whole document.'),
  entry('Sch 2 para 19', 'Legal professional privilege', 'class', [
    field('privilege', 'Which privilege (legal advice or litigation) and the communication it covers', true),
  ]),
  entry('Sch 2 para 20', 'Self-incrimination', 'class', [
    field('offence', 'The proceedings for an offence that complying would expose the controller to', true),
  ]),
  entry('Sch 2 para 22', 'Management forecasts', 'prejudice', [
    field('forecast', 'The management forecasting or planning the data is processed for', true),
    LIKELY_PREJUDICE('the conduct of the business or activity'),
  ]),
  entry('Sch 2 para 23', 'Negotiations with the requester', 'prejudice', [
    field('negotiations', 'The negotiations with the requester, and the record of our intentions in them', true),
    LIKELY_PREJUDICE('those negotiations'),
  ]),
  entry('Sch 2 para 24', 'Confidential references', 'class', [
    field('reference', 'The reference, who gave it and its purpose (education, training, employment, a volunteer placement, an office or services)', true),
    field('givenInConfidence', 'Why it was given in confidence', true),
  ], 'Covers references the controller gave or received in confidence for the purposes listed in para 24. [R]'),
  entry('Sch 2 para 25', 'Exam scripts and exam marks', 'class', [
    field('examDetail', 'Whether this is an exam script, or marks requested before the results were announced', true, 'Para 25(1): the answers a candidate recorded are exempt; para 25(2)-(4): for marks, the time for the response runs from the announcement of the results. [R]'),
  ]),
  entry('Sch 3 para 5', 'Health data: serious harm', 'prejudice', [
    SERIOUS_HARM,
    field('healthProfessional', 'The appropriate health professional consulted, and the date of their opinion', true, 'Sch 3 para 6: a controller that is not a health professional must have their opinion that the serious harm test is met, normally given within the last six months. [R]'),
  ]),
  // Sch 3 Part 3 opens with definitions at para 7 (the serious harm test for social work data is
  // para 7(2): likely to prejudice carrying out social work) and para 8 (which data), and Part 4
  // defines education data in para 17 [V – legislation.gov.uk]; the serious harm paragraphs then
  // follow the court and expectations paragraphs, as in Part 2 [R – para 11 and para 19 inferred].
  entry('Sch 3 para 11', 'Social work data: serious harm', 'prejudice', [SERIOUS_HARM], '[R] verify the paragraph number (Sch 3 Part 3).'),
  entry('Sch 3 para 19', 'Education data: serious harm', 'prejudice', [SERIOUS_HARM], '[R] verify the paragraph number (Sch 3 Part 4).'),
  entry('Sch 3 para 21', 'Child abuse data', 'class', [
    field('bestInterests', 'Why giving it to the person with parental responsibility would not be in the child’s best interests', true),
  ], 'Only where the request is made on behalf of the child by someone with parental responsibility or appointed by a court. [R]'),
  entry('Sch 4 para 3', 'Adoption records and reports (England and Wales)', 'class', [
    field('enactment', 'The enactment that prohibits or restricts disclosure', true),
  ], 'Schedule 4: disclosure prohibited or restricted by another enactment. [R]'),
  entry('Sch 4 para 6', 'Statements of special educational needs, and EHC plans', 'class', [
    field('enactment', 'The enactment that prohibits or restricts disclosure', true),
  ], 'Schedule 4: disclosure prohibited or restricted by another enactment. [R]'),
  entry('Sch 4 para 2', 'Human fertilisation and embryology information', 'class', [
    field('enactment', 'The enactment that prohibits or restricts disclosure', true),
  ], 'Schedule 4: disclosure prohibited or restricted by another enactment. [R]'),
];
