// redact and pack: redaction marks by box or by search, the redacted copy, and the response pack.
import { extname } from 'node:path';
import { parseBox, type RedactionMark, type RedactionTarget } from '../../shared/domain/redaction';
import { required, str, UsageError, type Options, type Parsed } from './args';
import type { Command } from './commands';

const wholeNumber = (p: Parsed, name: string): number | undefined => {
  const v = str(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--${name} must be a whole number from 1`);
  return Number(v);
};

function reference(p: Parsed): string {
  const v = p.positionals[0];
  if (v === undefined) throw new UsageError('A case reference is required');
  if (p.positionals.length > 1) throw new UsageError(`Unexpected argument: ${p.positionals[1]}`);
  return v;
}

function target(p: Parsed): RedactionTarget | undefined {
  const item = wholeNumber(p, 'item');
  const message = wholeNumber(p, 'message');
  if (item !== undefined && message !== undefined) throw new UsageError('Give --item or --message, not both');
  return item !== undefined ? { kind: 'attachment', id: item } : message !== undefined ? { kind: 'email', id: message } : undefined;
}

const markLine = (m: RedactionMark) => `#${m.id} ${m.target.kind === 'email' ? 'message' : 'item'} ${m.target.id} page ${m.page} box ${m.box.x},${m.box.y},${m.box.w},${m.box.h} ${m.code}${m.matched ? ` ("${m.matched}")` : ''}`;

const REDACT_OPTIONS = {
  item: { type: 'string' },
  message: { type: 'string' },
  page: { type: 'string' },
  box: { type: 'string' },
  code: { type: 'string' },
  find: { type: 'string' },
  remove: { type: 'string' },
  produce: { type: 'boolean', default: false },
} as const satisfies Options;

export const REDACTION_COMMANDS: Command[] = [
  {
    words: ['redact'],
    options: REDACT_OPTIONS,
    async run({ parsed: p, call }) {
      const ref = reference(p);
      const removing = wholeNumber(p, 'remove');
      if (removing !== undefined) {
        const mark = await call('redaction:remove', { reference: ref, id: removing });
        return { value: mark, text: `Removed ${markLine(mark)}` };
      }
      const t = target(p);
      if (!t) {
        const all = await call('redaction:list', { reference: ref });
        const text = [...all.marks.map(markLine), ...all.copies.map((c) => `copy: attachment ${c.attachmentId} ${c.filename}${c.current ? '' : ' (older than the marks)'}`)].join('\n');
        return { value: all, text: text || `No redaction marks on ${ref}.` };
      }
      if (p.values.produce === true) {
        const made = await call('redaction:produce', { reference: ref, target: t });
        return { value: made, text: `Filed ${made.attachment.filename} as attachment ${made.attachment.id} (disclosed, SHA-256 ${made.attachment.sha256}); pages redacted: ${made.redactedPages.join(', ')}; checked: no text under a box can be extracted.${made.removed.length ? ` Left out of the copy: ${made.removed.join(', ')}.` : ''}` };
      }
      const code = required(p, 'code');
      const find = str(p, 'find');
      if (find !== undefined) {
        const marks = await call('redaction:search', { reference: ref, target: t, query: find, code });
        return { value: { marks }, text: [`Marked ${marks.length} occurrence${marks.length === 1 ? '' : 's'} of "${find}":`, ...marks.map(markLine)].join('\n') };
      }
      const page = wholeNumber(p, 'page');
      if (page === undefined) throw new UsageError('--page N is required (or --find TEXT to mark every occurrence)');
      const box = parseBox(required(p, 'box'));
      if (!box) throw new UsageError('--box must be X,Y,W,H in points from the top-left corner of the page');
      const mark = await call('redaction:mark', { reference: ref, target: t, page, box, code });
      return { value: mark, text: `Marked ${markLine(mark)}` };
    },
  },
  {
    words: ['pack'],
    options: { out: { type: 'string' } },
    async run({ parsed: p, call }) {
      const ref = reference(p);
      const out = required(p, 'out');
      const ext = extname(out).toLowerCase();
      if (ext !== '.pdf' && ext !== '.zip') throw new UsageError('--out must name a .pdf or a .zip file');
      const pack = await call('pack:export', { reference: ref, format: ext === '.zip' ? 'zip' : 'pdf' });
      const lines = [`Response pack: ${pack.path} (${pack.format === 'zip' ? `${pack.pages} files` : `${pack.pages} pages`}, ${pack.size} bytes, SHA-256 ${pack.sha256})`, `  the ${pack.letter.kind} letter of ${pack.letter.letterDate}`, ...pack.documents.map((d) => `  ${d.filename}${d.redacted ? ' (redacted copy)' : ''}`)];
      return { value: pack, text: lines.join('\n') };
    },
  },
];

export const REDACTION_USAGE = `  redact REF [--item ATTACHMENT_ID | --message CORRESPONDENCE_ID]
              --page N --box X,Y,W,H --code "s40(2)"   mark an area (points from the page's top left)
              --find TEXT --code "s40(2)"               mark every occurrence of TEXT
              --produce                                 file the redacted copy (role disclosed), checked
              --remove MARK_ID                          remove a mark; with REF alone: list the marks
  pack REF --out FILE.pdf|FILE.zip
              the response pack: the latest response letter and the disclosed documents, each
              redacted one by its redacted copy
`;
