// The pure parts of a bundle: page composition (tables whose header repeats, headings kept with
// what follows), where the stamp goes on a rotated page, which exemptions mark a withheld file, and
// names made safe inside a ZIP. (docs/law.md §6.3-6.4)
import { describe, expect, it } from 'vitest';
import { composePages, type DrawOp, type FlowItem } from '../../src/main/core/bundle/compose';
import { displaySize, normaliseRotation, toUserSpace } from '../../src/main/core/bundle/stamp';
import { displayName, distinctLetters, exemptionLabel, exemptionsFor } from '../../src/main/core/bundle/model';
import { csvField, zipPath } from '../../src/main/core/bundle/zip';
import type { PageGeometry } from '../../src/main/core/pdf/layout';
import type { AttachmentInfo } from '../../src/shared/domain/correspondence';
import type { AppliedExemption } from '../../src/shared/domain/exemptions/types';

// Every character 5 pt wide at size 10, so a 100 pt column holds 20 characters.
const measure = (text: string, _font: 'regular' | 'bold', size: number) => Array.from(text).length * size * 0.5;
const SMALL: PageGeometry = { width: 200, height: 200, margin: { top: 20, right: 20, bottom: 20, left: 20 } };
const texts = (page: DrawOp[]) => page.flatMap((op) => (op.kind === 'text' ? [op.text] : []));

describe('composePages', () => {
  it('repeats a table header at the top of every page the table runs onto', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ cells: [`r${i}`, `row ${i}`] }));
    const pages = composePages([{ kind: 'table', header: ['Tab', 'Document'], columns: [{ share: 1 }, { share: 3 }], rows, size: 10 }], measure, SMALL);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(texts(page).slice(0, 2)).toEqual(['Tab', 'Document']);
    expect(pages.flatMap(texts).filter((t) => t.startsWith('row '))).toHaveLength(30);
  });

  it('never leaves a heading alone at the foot of a page', () => {
    const filler: FlowItem = { kind: 'text', text: Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n'), size: 10 };
    const pages = composePages([filler, { kind: 'text', text: 'Heading', font: 'bold', size: 10, keepWithNext: true, spaceBefore: 10 }, { kind: 'text', text: 'Its first paragraph', size: 10 }], measure, SMALL);
    const withHeading = pages.find((p) => texts(p).includes('Heading'))!;
    expect(texts(withHeading)).toContain('Its first paragraph');
  });

  it('right-aligns a page-number column and wraps a long cell inside its column', () => {
    const [page] = composePages([{ kind: 'table', header: null, columns: [{ share: 3 }, { share: 1, align: 'right' }], rows: [{ cells: ['a very long document title that wraps', '12–15'] }], size: 10 }], measure, SMALL);
    const pagesCell = page!.find((op) => op.kind === 'text' && op.text === '12–15');
    expect(pagesCell && pagesCell.kind === 'text' && pagesCell.x + measure('12–15', 'regular', 10)).toBeCloseTo(180, 5);
    expect(texts(page!).filter((t) => !t.includes('12')).length).toBeGreaterThan(1);
  });

  it('scales an image down to fit, and up no further than allowed', () => {
    const [big] = composePages([{ kind: 'image', key: 'a', width: 1600, height: 800 }], measure, SMALL);
    const [small] = composePages([{ kind: 'image', key: 'b', width: 40, height: 20, maxScale: 2, maxHeight: 1000 }], measure, SMALL);
    expect(big!.find((op) => op.kind === 'image')).toMatchObject({ width: 160, height: 80 });
    expect(small!.find((op) => op.kind === 'image')).toMatchObject({ width: 80, height: 40 });
  });
});

describe('the stamp on a rotated page', () => {
  const box = { x: 0, y: 0, width: 600, height: 800 };
  it('finds the displayed bottom-left corner for each /Rotate', () => {
    expect(toUserSpace(box, 0, 10, 20)).toEqual({ x: 10, y: 20, angle: 0 });
    // Rotated 90° clockwise for display: the page's right edge is the displayed bottom.
    expect(toUserSpace(box, 90, 10, 20)).toEqual({ x: 580, y: 10, angle: 90 });
    expect(toUserSpace(box, 180, 10, 20)).toEqual({ x: 590, y: 780, angle: 180 });
    expect(toUserSpace(box, 270, 10, 20)).toEqual({ x: 20, y: 790, angle: 270 });
    expect(displaySize(box, 90)).toEqual({ width: 800, height: 600 });
  });

  it('reads /Rotate -90 and 450 as 270 and 90', () => {
    expect(normaliseRotation(-90)).toBe(270);
    expect(normaliseRotation(450)).toBe(90);
  });
});

const attachment = (filename: string): AttachmentInfo => ({ id: 1, correspondenceId: null, filename, originalFilename: filename, contentType: 'application/pdf', sha256: 'a'.repeat(64), size: 1, role: 'withheld', inline: false, textStatus: 'ok', textNote: null });
const exemption = (section: string, subsection: string, item = ''): AppliedExemption => ({ ref: { act: 'FOIA', section, subsection }, ncnd: false, item, engagement: '', publicInterestFor: '', publicInterestAgainst: '', balance: '', decidedBy: '', decidedOn: null, qualifiedPerson: null, reasoning: {} });

describe('marking withheld information by exemption (ICO: "marked to show which exemption applies")', () => {
  it('takes the exemptions applied to the file by name first', () => {
    const marked = exemptionsFor(attachment('tender-prices.pdf'), [exemption('43', '(2)', 'Tender-Prices.pdf'), exemption('40', '(2)')]);
    expect(marked.exemptionBasis).toBe('document');
    expect(exemptionLabel(marked)).toBe('FOIA s43(2)');
  });

  it('falls back to those applied to the whole request, and says so', () => {
    const marked = exemptionsFor(attachment('staff.txt'), [exemption('43', '(2)', 'tender-prices.pdf'), exemption('40', '(2)')]);
    expect(exemptionLabel(marked)).toBe('FOIA s40(2) (applied to the whole request)');
  });

  it('says when no exemption is recorded at all', () => {
    expect(exemptionLabel(exemptionsFor(attachment('x.pdf'), []))).toBe('No exemption recorded');
  });
});

describe('names and letters', () => {
  it('shows a sender by name, or by address when there is no name', () => {
    expect(displayName('"Ó Dónaill, Zoë" <zoe@example.org>')).toBe('Ó Dónaill, Zoë');
    expect(displayName('<foi@example.gov.uk>')).toBe('foi@example.gov.uk');
    expect(displayName('Sam Okafor <sam@example.org>, Legal <legal@example.gov.uk>')).toBe('Sam Okafor');
  });

  it('keeps one copy of a letter saved twice with the same bytes', () => {
    const l = (id: number, sha: string, letterDate: string) => ({ id, kind: 'acknowledgement' as const, letterDate, sha256: sha, size: 1, savedTo: null });
    expect(distinctLetters([l(2, 'b', '2012-04-11'), l(1, 'a', '2012-03-14'), l(3, 'a', '2012-03-14')]).map((x) => x.id)).toEqual([1, 2]);
  });

  it('makes ZIP entry names safe to unpack and CSV fields safe to read', () => {
    expect(zipPath('../../etc/passwd')).toBe('etc/passwd');
    expect(zipPath('C:\\Users\\a.txt')).toBe('C:/Users/a.txt');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
  });
});
