// The template language, kept small enough for an information officer to edit safely:
//   paragraphs separated by blank lines;  "## " heading;  "> " quote;  "- " bulleted list item
//   {{field}} merge field;  {{#if field}} … {{/if}} kept only when the field is not empty.
// A merge field alone on its line may expand into several blocks (the rights paragraph, the
// exemptions schedule, an officer's multi-paragraph answer). Values are data, never syntax: a
// requester who writes "{{" or "- " in a request changes nothing about the letter's structure.
import { joinAnd } from '../calendar/days';
import type { LetterBlock } from './view';

export type MergeValue = string | LetterBlock[];
export type MergeValues = Readonly<Record<string, MergeValue>>;

const TAG = /\{\{([^{}]*)\}\}/g;
const NAME = /^[A-Za-z][\w.-]*$/;
/** Left where an {{#if}} or {{/if}} stood, so a line holding nothing else can be dropped whole. */
const MARK = '\uE000';
const MARK_ONLY_LINE = /^[ \t\uE000]*\uE000[ \t\uE000]*(?:\r?\n|$)/gm;

type Tag =
  | { kind: 'field'; name: string }
  | { kind: 'if'; name: string }
  | { kind: 'endif' }
  | { kind: 'bad' };

function parseTag(inner: string): Tag {
  const t = inner.trim();
  if (t === '/if') return { kind: 'endif' };
  const cond = /^#if\s+(\S+)$/.exec(t);
  if (cond) return NAME.test(cond[1] as string) ? { kind: 'if', name: cond[1] as string } : { kind: 'bad' };
  return NAME.test(t) ? { kind: 'field', name: t } : { kind: 'bad' };
}

export function isEmptyValue(v: MergeValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' ? v.trim() === '' : v.length === 0);
}

/**
 * Drops the {{#if}} sections whose field is empty and removes the markers of the rest. A line
 * left with nothing but markers goes altogether, so an {{#if}} on a line of its own, or a
 * sentence left out, never splits a paragraph with an accidental blank line.
 */
export function evaluateIfs(text: string, values: MergeValues): string {
  const src = text.replaceAll(MARK, '');
  const stack: boolean[] = [];
  let out = '';
  let last = 0;
  const active = () => stack.every(Boolean);
  for (const m of src.matchAll(TAG)) {
    const tag = parseTag(m[1] as string);
    if (tag.kind !== 'if' && tag.kind !== 'endif') continue;
    if (active()) out += src.slice(last, m.index);
    out += MARK;
    last = m.index + m[0].length;
    if (tag.kind === 'if') stack.push(!isEmptyValue(values[tag.name]));
    else stack.pop();
  }
  if (active()) out += src.slice(last);
  return out.replace(MARK_ONLY_LINE, '').replaceAll(MARK, '');
}

/** A value as running text: blocks are flattened, a list reads "a, b and c". */
export function inlineText(v: MergeValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v.trim().replace(/\s*\n\s*/g, ' ');
  return v.map((b) => (b.kind === 'list' ? joinAnd(b.items) : b.text)).join(' ');
}

function substitute(line: string, values: MergeValues | null): string {
  if (!values) return line;
  return line.replace(TAG, (whole, inner: string) => {
    const tag = parseTag(inner);
    return tag.kind === 'field' ? inlineText(values[tag.name]) : whole;
  });
}

/** The field name when the line is nothing but one merge field. */
function standaloneField(line: string): string | null {
  const m = /^\{\{([^{}]*)\}\}$/.exec(line.trim());
  if (!m) return null;
  const tag = parseTag(m[1] as string);
  return tag.kind === 'field' ? tag.name : null;
}

/**
 * Plain text to blocks. Template lines within a paragraph join with a space (the editor wraps);
 * an officer's own text keeps its line breaks. `values` null: the text is a value, not a template.
 */
function toBlocks(text: string, values: MergeValues | null): LetterBlock[] {
  const join = values ? ' ' : '\n';
  const blocks: LetterBlock[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let list: string[] = [];
  const tidy = (s: string) => s.replace(/[ \t]{2,}/g, ' ').replace(/ +([.,;:])/g, '$1').trim();
  const flush = () => {
    const p = tidy(para.join(join));
    if (p) blocks.push({ kind: 'paragraph', text: p });
    const q = tidy(quote.join(join));
    if (q) blocks.push({ kind: 'quote', text: q });
    const items = list.map(tidy).filter((i) => i !== '');
    if (items.length) blocks.push({ kind: 'list', items });
    para = [];
    quote = [];
    list = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const field = values ? standaloneField(line) : null;
    if (field !== null && values) {
      flush();
      const v = values[field];
      blocks.push(...(v === undefined ? [] : typeof v === 'string' ? toBlocks(v, null) : v));
    } else if (line.startsWith('## ')) {
      flush();
      const h = tidy(substitute(line.slice(3), values));
      if (h) blocks.push({ kind: 'heading', text: h });
    } else if (line === '>' || line.startsWith('> ')) {
      if (para.length || list.length) flush();
      quote.push(substitute(line.slice(2), values));
    } else if (line.startsWith('- ')) {
      if (para.length || quote.length) flush();
      list.push(substitute(line.slice(2), values));
    } else if (list.length && /^[ \t]/.test(raw)) {
      list[list.length - 1] += ` ${substitute(line, values)}`; // an indented line continues the item
    } else {
      if (quote.length || list.length) flush();
      para.push(substitute(line, values));
    }
  }
  flush();
  return blocks;
}

/** A template body with its values merged, as letter blocks. */
export function renderBody(body: string, values: MergeValues): LetterBlock[] {
  return toBlocks(evaluateIfs(body, values), values);
}

/** A one-line template (the subject). */
export function renderLine(text: string, values: MergeValues): string {
  return substitute(evaluateIfs(text, values), values).replace(/\s+/g, ' ').replace(/ +([.,;:])/g, '$1').trim();
}

/** An officer's own text (a findings box, the s16 advice) as blocks: the same marks, no fields. */
export function textBlocks(text: string): LetterBlock[] {
  return toBlocks(text, null);
}

export interface SyntaxRules {
  /** Is this a merge field the template may use? */
  known: (name: string) => boolean;
  /** Fields that expand into blocks and so must stand on a line of their own. */
  blockOnly: ReadonlySet<string>;
}

/** What is wrong with a template's text: unknown fields, stray braces, unbalanced {{#if}}s. */
export function syntaxProblems(text: string, rules: SyntaxRules, where: 'subject' | 'body'): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = parseTag(m[1] as string);
    if (tag.kind === 'bad') problems.push(`In the ${where}, "${m[0]}" is not a merge field or an {{#if}}.`);
    else if (tag.kind === 'endif') {
      if (open.pop() === undefined) problems.push(`In the ${where}, an {{/if}} has no {{#if}} before it.`);
    } else {
      if (tag.kind === 'if') open.push(tag.name);
      if (!rules.known(tag.name)) problems.push(`In the ${where}, {{${tag.name}}} is not a merge field.`);
    }
  }
  for (const name of open) problems.push(`In the ${where}, {{#if ${name}}} is never closed with {{/if}}.`);
  const rest = text.replace(TAG, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push(`In the ${where}, there are braces {{ or }} that do not make a merge field.`);
  // A block field inside a sentence could only be flattened, which is never what was meant.
  for (const line of text.split(/\r?\n/)) {
    const bare = line.replace(/\{\{\s*(?:#if\s[^{}]*|\/if\s*)\}\}/g, '');
    for (const m of bare.matchAll(TAG)) {
      const tag = parseTag(m[1] as string);
      if (tag.kind === 'field' && rules.blockOnly.has(tag.name) && (where === 'subject' || bare.trim() !== m[0])) {
        problems.push(`{{${tag.name}}} must stand on a line of its own in the body.`);
      }
    }
  }
  return [...new Set(problems)];
}
