// The template language an authority edits, the merge fields, and the checks run before an
// edited template is saved (templateProblems). The letters themselves: letters.test.ts.
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/shared/domain/letters/engine';
import { buildLetter, LetterTemplateError, MERGE_FIELDS, mergeFieldsFor, mergeValues, templateProblems } from '../../src/shared/domain/letters/merge';
import type { LetterTemplate } from '../../src/shared/domain/letters/templates';
import { DEFAULT_TEMPLATES } from '../../src/shared/domain/letters/templates';
import { letterData } from '../helpers/letters';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('the template language', () => {
  const values = mergeValues(letterData('response', 'foia'));
  const body = (t: string) => renderBody(t, values);

  it('merges fields, joins wrapped lines and reads "## ", "> " and "- "', () => {
    expect(body('## For {{requester.name}}\n\nDear\n{{requester.name}},\nyour ref is {{case.reference}}.\n> quoted {{case.received}}\n- one\n- two\n  continued')).toEqual([
      { kind: 'heading', text: 'For Zoë Ó Dónaill' },
      { kind: 'paragraph', text: 'Dear Zoë Ó Dónaill, your ref is FOIA/2026/0007.' },
      { kind: 'quote', text: 'quoted 2 March 2026' },
      { kind: 'list', items: ['one', 'two continued'] },
    ]);
  });

  it('expands a block field on its own line and flattens one inside a sentence', () => {
    expect(body('Enclosed:\n{{attachments}}\nEnd.')).toEqual([
      { kind: 'paragraph', text: 'Enclosed:' },
      { kind: 'list', items: ['Highways contract 2023.pdf', 'Performance report 2025.pdf'] },
      { kind: 'paragraph', text: 'End.' },
    ]);
    expect(body('We enclose {{attachments}}.')).toEqual([{ kind: 'paragraph', text: 'We enclose Highways contract 2023.pdf and Performance report 2025.pdf.' }]);
  });

  it('keeps an {{#if}} section only when its field is not empty, inline or over lines, nested too', () => {
    expect(body('A{{#if requester.email}} mail {{requester.email}}{{/if}}{{#if requester.organisation}} org{{/if}}.')).toEqual([
      { kind: 'paragraph', text: 'A mail zoe@example.org.' },
    ]);
    const t = 'One.\n{{#if regime.eir}}\nEIR only.\n{{/if}}\n{{#if regime.foia}}\nFOIA{{#if regime.sar}} never{{/if}} only.\n{{/if}}\nTwo.\n\nThree.';
    expect(body(t)).toEqual([
      { kind: 'paragraph', text: 'One. FOIA only. Two.' },
      { kind: 'paragraph', text: 'Three.' },
    ]);
  });

  it('treats field values as data: braces and "- " in a request change nothing', () => {
    const d = letterData('acknowledgement', 'foia');
    d.caseRecord = { ...d.caseRecord, requestText: '- {{case.reference}} {{#if x}}\n\n## not a heading' };
    const v = buildLetter('acknowledgement', DEFAULT_TEMPLATES.acknowledgement, d);
    expect(v.blocks.filter((b) => b.kind === 'quote')).toEqual([
      { kind: 'quote', text: '- {{case.reference}} {{#if x}}' },
      { kind: 'quote', text: '## not a heading' },
    ]);
  });

  it('lists every merge field with a description, and each kind’s own fields', () => {
    for (const name of ['requester.name', 'case.reference', 'dueDate', 'pitEstimate', 'exemptionsSchedule', 'costWorking', 'rightsParagraph', 'reviewDeadline']) {
      expect(MERGE_FIELDS[name], name).toBeTruthy();
    }
    expect(Object.keys(mergeFieldsFor('review-outcome'))).toEqual(expect.arrayContaining(['fields.findings', 'fields.outcome.partly-upheld']));
    for (const name of Object.keys(MERGE_FIELDS)) expect(name in values, name).toBe(true);
  });
});

describe('templateProblems: what an edited template must fix before it is saved', () => {
  const t = (body: string, subject = 'Request {{case.reference}}'): LetterTemplate => ({ kind: 'clarification', subject, body });

  it('names unknown merge fields, including another kind’s fields', () => {
    expect(templateProblems(t('Dear {{requester.nmae}}, {{fields.findings}} {{#if fields.question}}x{{/if}}'))).toEqual([
      'In the body, {{requester.nmae}} is not a merge field.',
      'In the body, {{fields.findings}} is not a merge field.',
    ]);
  });

  it('finds unbalanced {{#if}} blocks, bad tags and stray braces', () => {
    expect(templateProblems(t('{{#if dueDate}} open'))).toEqual(['In the body, {{#if dueDate}} is never closed with {{/if}}.']);
    expect(templateProblems(t('close {{/if}}'))).toEqual(['In the body, an {{/if}} has no {{#if}} before it.']);
    expect(templateProblems(t('{{#each x}} {{ }} {today}}'))).toEqual([
      'In the body, "{{#each x}}" is not a merge field or an {{#if}}.',
      'In the body, "{{ }}" is not a merge field or an {{#if}}.',
      'In the body, there are braces {{ or }} that do not make a merge field.',
    ]);
  });

  it('keeps block fields on a line of their own and out of the subject', () => {
    expect(templateProblems(t('See {{rightsParagraph}}', '{{costWorking}}'))).toEqual([
      '{{costWorking}} must stand on a line of its own in the body.',
      '{{rightsParagraph}} must stand on a line of its own in the body.',
    ]);
    expect(templateProblems(t('{{#if regime.foia}}{{rightsParagraph}}{{/if}}'))).toEqual([]);
  });

  it('stops buildLetter using a template with problems', () => {
    const e = thrown(() => buildLetter('clarification', t('{{oops}}'), letterData('clarification', 'foia')));
    expect(e).toBeInstanceOf(LetterTemplateError);
    expect((e as LetterTemplateError).problems).toEqual(['In the body, {{oops}} is not a merge field.']);
  });
});
