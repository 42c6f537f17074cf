// Builds a letter from a template and a case: checks the template, checks the officer has given
// what the letter needs, merges, and lays out the parts every letter shares.
import { DiscloseError } from '../../errors';
import { REGIME_LABELS } from '../cases';
import type { LetterData } from './data';
import { latestEvent, pitEstimate } from './data';
import { renderBody, renderLine, syntaxProblems } from './engine';
import { LETTER_KIND_LABELS, LETTER_KIND_REGIMES, letterFieldsFor, type LetterKind } from './kinds';
import { needsPublicInterestTest, findEntry } from '../exemptions/catalogue';
import { BLOCK_FIELDS, mergeFieldsFor, mergeValues, parsePounds } from './values';
import type { LetterTemplate } from './templates';
import { letterhead, recipientBlock, salutation, signatory } from './common';
import { poundsInWords, s12Estimate } from './schedule';
import type { LetterView } from './view';

export { BLOCK_FIELDS, MERGE_FIELDS, mergeFieldsFor, mergeValues } from './values';

/** The letter needs facts the officer has not given (or the case does not yet record). */
export class LetterFieldsError extends DiscloseError {
  /** What is missing, by label, in the order of the form. */
  readonly missing: string[];
  constructor(kind: LetterKind, problems: Record<string, string>) {
    const missing = Object.values(problems);
    super('VALIDATION', `The ${LETTER_KIND_LABELS[kind].toLowerCase()} letter needs: ${missing.join('; ')}.`, problems);
    this.name = 'LetterFieldsError';
    this.missing = missing;
  }
}

/** The template cannot be merged (an edited template with an unknown field, or the wrong kind). */
export class LetterTemplateError extends DiscloseError {
  readonly problems: string[];
  constructor(kind: LetterKind, problems: string[]) {
    super('VALIDATION', `The ${LETTER_KIND_LABELS[kind].toLowerCase()} template has problems: ${problems.join(' ')}`);
    this.name = 'LetterTemplateError';
    this.problems = problems;
  }
}

/** What is wrong with a template, in words for the officer who edited it; [] when it is fine. */
export function templateProblems(template: LetterTemplate): string[] {
  const fields = mergeFieldsFor(template.kind);
  const rules = { known: (name: string) => name in fields, blockOnly: BLOCK_FIELDS };
  const problems = [...syntaxProblems(template.subject, rules, 'subject'), ...syntaxProblems(template.body, rules, 'body')];
  if (template.subject.trim() === '') problems.push('The subject is empty.');
  if (template.body.trim() === '') problems.push('The body is empty.');
  return problems;
}

// Why a kind has no basis in a regime, in the officer's words.
const NOT_APPLICABLE: Partial<Record<LetterKind, string>> = {
  's12-refusal': 'Under the EIR and the EISR there is no cost limit, and a subject access request has none either: refuse an environmental request under EIR regulation 12(4)(b) or EISR regulation 10(4)(b) (manifestly unreasonable) in a refusal letter, with the public interest test.',
  's14-refusal': 'Under the EIR and the EISR a vexatious request is refused as manifestly unreasonable (EIR regulation 12(4)(b), EISR regulation 10(4)(b)) in a refusal letter; a subject access request that is manifestly unfounded or excessive is refused under UK GDPR Article 12(5) in a subject access refusal.',
  'pit-extension': 'Only the Freedom of Information Act 2000 allows extra time to consider the public interest (s10(3)). FOISA has no extension; under the EIR and EISR the extension is for volume and complexity (regulation 7); a subject access request is extended under UK GDPR Article 12(3).',
  refusal: 'A subject access request is refused in a subject access refusal (UK GDPR Article 12(4)), citing the Data Protection Act 2018 exemptions.',
  'eir-extension': 'Only the EIR and the EISR extend the time for volume and complexity (regulation 7).',
  'sar-extension': 'Only a subject access request is extended under UK GDPR Article 12(3).',
  'sar-refusal': 'A freedom of information request is refused in a refusal notice.',
};

/**
 * What a letter of this kind still lacks, as path -> label ({} when it can be built): the
 * officer's fields ("fields.question") and the case's own facts ("exemptions", "pitEstimate",
 * "cost", "s16Advice", "reviewRequested"). buildLetter throws these as a LetterFieldsError.
 */
export function missingLetterFacts(kind: LetterKind, data: LetterData): Record<string, string> {
  const problems: Record<string, string> = {};
  const value = (id: string) => (data.fields[id] ?? '').trim();
  for (const f of letterFieldsFor(kind, data.caseRecord.regime)) {
    const v = value(f.id);
    const needed = f.required || (f.requiredWhen !== undefined && f.requiredWhen.values.includes(value(f.requiredWhen.field)));
    if (needed && v === '') problems[`fields.${f.id}`] = f.label;
    else if (v !== '' && f.options && !f.options.some((o) => o.value === v)) {
      problems[`fields.${f.id}`] = `${f.label} (one of: ${f.options.map((o) => o.label).join(', ')})`;
    } else if (v !== '' && f.format === 'money' && parsePounds(v) === null) {
      problems[`fields.${f.id}`] = `${f.label} (a sum in pounds, e.g. 12.50)`;
    }
  }
  const need = (key: string, ok: boolean, label: string) => {
    if (!ok) problems[key] = label;
  };
  switch (kind) {
    case 'refusal':
      need('exemptions', data.exemptions.length > 0, 'at least one exemption applied to the case');
      break;
    case 'sar-refusal':
      need('exemptions', data.exemptions.length > 0, 'at least one Data Protection Act 2018 exemption applied to the case');
      break;
    case 'pit-extension': {
      need('exemptions', data.exemptions.length > 0, 'the exemptions being considered, applied to the case');
      // s10(3) extends time only to weigh the public interest: every exemption must be qualified.
      const noTest = data.exemptions.filter((e) => findEntry(e.ref) && !needsPublicInterestTest(e.ref));
      need('exemptions.qualified', noTest.length === 0, 'only exemptions with a public interest test (an absolute exemption gives nothing to extend time for, s10(3))');
      need('pitEstimate', pitEstimate(data.events) !== null, 'the estimated date (record a public interest extension with its estimate on the case, s17(2))');
      break;
    }
    case 'eir-extension':
      need('extension', latestEvent(data.events, 'eir-extension') !== null, 'the extension recorded on the case (regulation 7), so the new date can be given');
      break;
    case 'sar-extension':
      need('extension', latestEvent(data.events, 'sar-extension') !== null, 'the extension recorded on the case (Article 12(3)), so the new date can be given');
      break;
    case 's12-refusal': {
      const estimate = s12Estimate(data);
      if (!estimate) need('cost', false, 'a cost estimate for the case');
      else {
        const t = estimate.aggregateTotals ?? estimate.totals;
        need('cost', t.exceeds, `a cost estimate over the appropriate limit (this one is ${poundsInWords(t.costPence)} against ${poundsInWords(t.limitPence)})`);
      }
      need('s16Advice', data.s16Advice.trim() !== '', 'the advice and assistance to give (s16): what could be provided, or how to narrow the request');
      break;
    }
    case 'review-acknowledgement':
    case 'review-outcome':
      need('reviewRequested', latestEvent(data.events, 'review-requested') !== null, 'the date the review request was received (record it on the case)');
      break;
    default:
      break;
  }
  return problems;
}

/**
 * The letter of `kind` for the case in `data`, from `template` (DEFAULT_TEMPLATES[kind] or the
 * authority's edited copy). Throws LetterTemplateError, LetterFieldsError, or a VALIDATION
 * DiscloseError when the kind has no basis in the case's regime.
 */
export function buildLetter(kind: LetterKind, template: LetterTemplate, data: LetterData): LetterView {
  const c = data.caseRecord;
  if (!LETTER_KIND_REGIMES[kind].includes(c.regime)) {
    const why = NOT_APPLICABLE[kind] ?? '';
    throw new DiscloseError('VALIDATION', `There is no ${LETTER_KIND_LABELS[kind].toLowerCase()} letter for a ${REGIME_LABELS[c.regime]} request. ${why}`.trim());
  }
  if (template.kind !== kind) throw new LetterTemplateError(kind, [`The template is for a ${LETTER_KIND_LABELS[template.kind].toLowerCase()} letter.`]);
  const problems = templateProblems(template);
  if (problems.length) throw new LetterTemplateError(kind, problems);
  const missing = missingLetterFacts(kind, data);
  if (Object.keys(missing).length) throw new LetterFieldsError(kind, missing);

  const values = mergeValues(data);
  return {
    title: `${LETTER_KIND_LABELS[kind]} ${c.reference}`,
    date: data.today,
    letterhead: letterhead(data.settings),
    recipient: recipientBlock(c),
    references: [{ label: 'Our reference', value: c.reference }],
    subject: renderLine(template.subject, values),
    salutation: salutation(c),
    blocks: renderBody(template.body, values),
    closing: 'Yours sincerely',
    signatory: signatory(data.settings),
  };
}
