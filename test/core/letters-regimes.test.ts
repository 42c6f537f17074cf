// Every letter kind each regime offers (LETTER_KIND_REGIMES), printed for FOIA, EIR, EISR, FOISA
// and SAR cases: the PDF is sound (qpdf --check), the sentences the law requires are read back
// from it (pdftotext), nothing is said that the regime's law does not say, and every page 1 is
// written to test-results/letters-regimes/ as a PNG for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontFiles, type FontFiles } from '../../src/main/core/pdf/fonts';
import { renderLetter } from '../../src/main/core/pdf/letter';
import { REGIMES, type Regime } from '../../src/shared/domain/clocks/events';
import type { LetterData } from '../../src/shared/domain/letters/data';
import { letterKindsFor, type LetterKind } from '../../src/shared/domain/letters/kinds';
import { buildLetter } from '../../src/shared/domain/letters/merge';
import { DEFAULT_TEMPLATES } from '../../src/shared/domain/letters/templates';
import { exemption, letterData, ref } from '../helpers/letters';

let dir: string;
let fonts: FontFiles;
const pngDir = join(process.cwd(), 'test-results', 'letters-regimes');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'disclose-regimes-'));
  mkdirSync(pngDir, { recursive: true });
  fonts = await loadFontFiles('resources');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints the letter, checks the file, writes page 1 as a PNG, and returns the text in reading order. */
async function print(name: string, kind: LetterKind, data: LetterData): Promise<string> {
  const view = buildLetter(kind, DEFAULT_TEMPLATES[kind], data);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await renderLetter(view, fonts));
  expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(pngDir, name)]);
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])
    .split('\n')
    .filter((l) => !/Page \d+ of \d+/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ');
}

const EVERY = REGIMES.flatMap((regime) => letterKindsFor(regime).map((kind) => [`${kind}-${regime}`, kind, regime] as const));

// What each regime's letters must never say: no cost limit outside FOIA and FOISA (the EIR and
// EISR weigh cost under the manifestly unreasonable exception; a SAR has no cost limit at all).
const NEVER: Record<Regime, RegExp[]> = {
  foia: [/is, or may be/],
  eir: [/£450/, /£600/, /appropriate limit/, /cost limit/i, /Scottish Information Commissioner/],
  eisr: [/£450/, /£600/, /appropriate limit/, /cost limit/i, /Information Commissioner’s Office/, /regulation 14\b/],
  foisa: [/Information Commissioner’s Office/],
  sar: [/£450/, /£600/, /appropriate limit/, /public interest/, /Freedom of Information/],
};

describe('every letter kind for every regime prints', () => {
  it('covers 5 regimes and every kind each offers', () => {
    expect(new Set(EVERY.map(([, , r]) => r))).toEqual(new Set(REGIMES));
    expect(EVERY.length).toBeGreaterThanOrEqual(40);
  });

  it.each(EVERY)('%s', async (name, kind, regime) => {
    const flow = await print(name, kind, letterData(kind, regime));
    expect(flow).toContain('Yours sincerely');
    for (const never of NEVER[regime]) expect(flow).not.toMatch(never);
  });
});

describe('what the law requires each letter to say', () => {
  it('PIT extension: the exemption IS engaged and why (FOIA s17(1)(c)); only for the public interest (s10(3))', async () => {
    const t = await print('pit-engaged', 'pit-extension', letterData('pit-extension', 'foia'));
    expect(t).toContain('each of them is engaged, for the reasons we give (section 17(1) of the Act)');
    expect(t).toContain('This exemption is engaged for the pricing schedule. Why it applies: The schedule sets out');
    expect(t).toContain('that is the only reason for this extension');
  });

  it('FOISA refusal states the information is held (s16(1)(a)); an s18(1) notice does not', async () => {
    const held = await print('foisa-refusal-held', 'refusal', letterData('refusal', 'foisa'));
    expect(held).toContain('We hold the information you asked for (section 16(1)(a) of the Act).');
    const ncnd = letterData('refusal', 'foisa', { exemptions: [exemption(ref('FOISA', '35', '(1)(a)'), { ncnd: true, item: '' })] });
    const s18 = await print('foisa-refusal-s18', 'refusal', ncnd);
    expect(s18).not.toContain('We hold the information');
    expect(s18).toContain('refusal notice under section 18(1) of the Act');
    // An absolute exemption (s38(1)(b)) under s18(1) still states the public interest conclusion.
    const personal = letterData('refusal', 'foisa', { exemptions: [exemption(ref('FOISA', '38', '(1)(b)'), { ncnd: true, item: '', balance: 'Confirming would reveal whether a named person was investigated.' })] });
    const s38 = await print('foisa-refusal-s18-s38', 'refusal', personal);
    expect(s38).toContain('Revealing whether we hold the information would be contrary to the public interest (section 18(1) of the Act): Confirming would reveal');
    expect(s38).not.toContain('This is an absolute exemption');
  });

  it('EISR: regulation 13 refusal, regulation 16 review in 40 and 20 working days, the Scottish Information Commissioner (FOISA s47 via reg 17)', async () => {
    const t = await print('eisr-refusal-rights', 'refusal', letterData('refusal', 'eisr'));
    expect(t).toContain('refusal notice under regulation 13 of the Regulations');
    expect(t).toContain('Regulation 10(5)(e)');
    expect(t).toContain('presumption in favour of disclosure (regulation 10(2))');
    expect(t).toContain('regulation 16 of the Environmental Information (Scotland) Regulations 2004');
    expect(t).toContain('no later than 40 working days after receiving this letter');
    expect(t).toContain('no later than 20 working days after we receive your request for review (regulation 16(4))');
    expect(t).toContain('section 47 of the Freedom of Information (Scotland) Act 2002, as applied by regulation 17');
  });

  it('extension notices: EIR reg 7(3), EISR reg 7(2), UK GDPR Art 12(3), each with reasons and the new date', async () => {
    const eir = await print('eir-extension-dates', 'eir-extension', letterData('eir-extension', 'eir'));
    expect(eir).toContain('regulation 7(3) requires us to tell you, with our reasons, within the first 20 working days');
    expect(eir).toContain('The request covers 14 years of monitoring data');
    expect(eir).toMatch(/no later than \d{1,2} [A-Z][a-z]+ 2026\./);
    const eisr = await print('eisr-extension-dates', 'eir-extension', letterData('eir-extension', 'eisr'));
    expect(eisr).toContain('regulation 7(2) requires us to tell you');
    const sar = await print('sar-extension-dates', 'sar-extension', letterData('sar-extension', 'sar'));
    expect(sar).toContain('Article 12(3) of the UK General Data Protection Regulation allows us to extend that by up to two further months');
    // Received 2 March 2026: one month, then two more (Art 12(3)) — 2 June 2026.
    expect(sar).toContain('no later than 2 June 2026');
  });

  it('SAR refusal (Art 12(4)): the DPA exemption with its reasons, the Art 15 information, the complaint and a court', async () => {
    const t = await print('sar-refusal-rights', 'sar-refusal', letterData('sar-refusal', 'sar'));
    expect(t).toContain('Paragraph 16 of Schedule 2 to the Data Protection Act 2018: Protection of the rights of others');
    expect(t).toContain('taking into account the matters in paragraph 16(3) of Schedule 2');
    expect(t).toContain('as Article 12(4) of the UK General Data Protection Regulation requires');
    for (const s of ['Purposes: To investigate', 'Categories of personal data:', 'Who it has been or will be disclosed to:', 'How long we keep it: Six years', 'Where it came from:']) expect(t).toContain(s);
    expect(t).toContain('rectification), to erase it, or to restrict how we use it, and to object');
    expect(t).toContain('complain to the Information Commissioner (Article 77');
    expect(t).toContain('apply to a court for an order that we comply with your request (Article 79, and section 167 of the Data Protection Act 2018)');
  });

  it('SAR response gives the Art 15(1)-(2) information the officer completed', async () => {
    const t = await print('sar-response-art15', 'response', letterData('response', 'sar'));
    expect(t).toContain('About our use of your personal data');
    expect(t).toContain('Purposes: To investigate and resolve complaints about noise');
  });

  it('EIR reconsideration that does not uphold: the failure, the action and when (reg 11(5))', async () => {
    const t = await print('eir-review-overturned', 'review-outcome', letterData('review-outcome', 'eir', { fields: {
      outcome: 'overturned', findings: 'We relied on regulation 12(5)(e) after the tender closed.',
      failure: 'We withheld the pricing schedule when the exception no longer applied.', actionTaken: 'We will send you the pricing schedule.', actionBy: 'Within 10 working days, by 22 May 2026.',
    } }));
    expect(t).toContain('Regulation 11(5) of the Environmental Information Regulations 2004 requires us to tell you how we failed to comply');
    expect(t).toContain('How we failed to comply: We withheld the pricing schedule');
    expect(t).toContain('The action we will take: We will send you the pricing schedule.');
    expect(t).toContain('When: Within 10 working days, by 22 May 2026.');
    expect(t).toContain('outcome of reconsideration');
  });
});
