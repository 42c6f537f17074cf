// Every letter kind, from the default templates, printed: the key sentences read back from the
// PDF, the file is sound, and page 1 is written to test-results/letters/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontFiles, type FontFiles } from '../../src/main/core/pdf/fonts';
import { renderLetter } from '../../src/main/core/pdf/letter';
import type { Regime } from '../../src/shared/domain/clocks/events';
import type { LetterData } from '../../src/shared/domain/letters/data';
import type { LetterKind } from '../../src/shared/domain/letters/kinds';
import { buildLetter } from '../../src/shared/domain/letters/merge';
import { DEFAULT_TEMPLATES } from '../../src/shared/domain/letters/templates';
import { exemption, kentData, letterData, ref } from '../helpers/letters';

const ICO = 'Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; ico.org.uk/make-a-complaint';
const SIC = 'Scottish Information Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS; foi.scot/appeal';

interface Sample {
  name: string;
  kind: LetterKind;
  data: () => LetterData;
  expects: string[];
}

const foia = (kind: LetterKind, expects: string[], over: Partial<LetterData> = {}): Sample => ({
  name: kind, kind, data: () => letterData(kind, 'foia', over), expects,
});
const other = (kind: LetterKind, regime: Regime, expects: string[]): Sample => ({
  name: `${kind}-${regime}`, kind, data: () => letterData(kind, regime), expects,
});

const SAMPLES: Sample[] = [
  foia('acknowledgement', ['no later than 31 March 2026, which is 20 working days', 'Please send me the contract between the council']),
  foia('clarification', ['Which performance reports do you mean', 'Section 1(3) of the Freedom of Information Act 2000']),
  foia('fees-notice', ['there is a charge of £12.50', 'that is by 26 June 2026', 'section 9(2)', ICO]),
  foia('response', ['We hold the information you asked for', '• Highways contract 2023.pdf', ICO]),
  foia('refusal', ['Section 43(2): Prejudice to the commercial interests of any person', 'Section 40(2)', 'The public interest in maintaining the exemption:', 'Our qualified person, Jo Brand, gave that opinion on 18 March 2026.', ICO], {
    exemptions: [
      exemption(ref('FOIA', '43', '(2)')),
      exemption(ref('FOIA', '36', '(2)(b)(i)'), { item: 'the officers’ advice to the committee', qualifiedPerson: { name: 'Jo Brand', opinionDate: '2026-03-18', materialPutToThem: 'submission' } }),
      exemption(ref('FOIA', '40', '(2)'), { item: 'the names of junior staff', publicInterestFor: '', publicInterestAgainst: '', balance: '' }),
    ],
  }),
  {
    name: 's12-refusal', kind: 's12-refusal', data: () => kentData(120),
    expects: ['appropriate limit of £450', 'section 12(1) of the Act', 'would take 20 hours, which at £25 an hour is £500', 'which is 18 hours of staff time', 'Ashford children’s social work team', 'section 17(5)', ICO],
  },
  foia('s14-refusal', ['Under section 14(2) of the Freedom of Information Act 2000', 'section 17(5)', ICO]),
  foia('pit-extension', ['Section 43(2): Prejudice to the commercial interests of any person', 'by 28 April 2026', 'We have not yet reached a decision', ICO]),
  foia('review-acknowledgement', ['reached us on 14 April 2026', 'by 13 May 2026, which is 20 working days']),
  foia('review-outcome', ['answered on 27 March 2026', 'Dr Amal Haddad, Head of Legal Services', 'We have upheld our original response in part', 'within six weeks', ICO]),
  other('refusal', 'eir', ['Regulation 12(5)(e)', 'regulation 14 of the Regulations', 'regulation 11', 'regulation 18', ICO]),
  other('refusal', 'foisa', ['Section 33(1)(b)', 'section 16 of the Act', 'section 20', SIC]),
  other('review-outcome', 'foisa', ['section 47 of the Freedom of Information (Scotland) Act 2002', 'within six months', SIC, 'Court of Session']),
];

let dir: string;
let fonts: FontFiles;
const pngDir = join(process.cwd(), 'test-results', 'letters');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'disclose-letters-'));
  mkdirSync(pngDir, { recursive: true });
  fonts = await loadFontFiles('resources');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text in reading order, footers dropped and whitespace collapsed, so wrapped lines compare. */
function flowText(path: string): string {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])
    .split('\n')
    .filter((l) => !/Page \d+ of \d+/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ');
}

describe('every letter kind prints from its default template', () => {
  it.each(SAMPLES.map((s) => [s.name, s] as const))('%s', async (name, sample) => {
    const view = buildLetter(sample.kind, DEFAULT_TEMPLATES[sample.kind], sample.data());
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, await renderLetter(view, fonts));

    const flow = flowText(path);
    for (const sentence of [...sample.expects, view.subject, view.signatory.name, 'Yours sincerely']) expect(flow).toContain(sentence);
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');

    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(pngDir, name)]);
    expect(run('file', [join(pngDir, `${name}.png`)])).toContain('PNG image');
  });
});
