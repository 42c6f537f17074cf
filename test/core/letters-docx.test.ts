// Letters in Word: every letter kind exported as .docx with the same words as the PDF, read back
// with mammoth; the authority's own template keeps its letterhead (header part) and styles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { letterDocx } from '../../src/main/core/docx/letter-docx';
import { readZip } from '../../src/main/core/docx/unzip';
import { writeZip } from '../../src/main/core/bundle/zip';
import { buildLetter } from '../../src/shared/domain/letters/merge';
import { DEFAULT_TEMPLATES } from '../../src/shared/domain/letters/templates';
import { letterData } from '../helpers/letters';
import { tempDir } from '../helpers/core';
import type { LetterView } from '../../src/shared/domain/letters/view';

function viewOf(kind: 'acknowledgement' | 'response'): LetterView {
  return buildLetter(kind, DEFAULT_TEMPLATES[kind], letterData(kind, 'foia'));
}

async function textOf(path: string): Promise<string> {
  return (await mammoth.extractRawText({ path })).value;
}

const xml = (entries: { name: string; bytes: Uint8Array }[], name: string) => Buffer.from(entries.find((e) => e.name === name)!.bytes).toString('utf8');

describe('letters as .docx', () => {
  it('carries the same letter as the PDF: letterhead, addressee, subject, body, signature', async () => {
    const view = viewOf('acknowledgement');
    const out = join(tempDir(), 'ack.docx');
    await writeZip(out, letterDocx(view), { date: new Date('2026-03-03T00:00:00Z') });
    const text = await textOf(out);
    for (const s of [view.letterhead.name, view.recipient[0]!, view.subject, view.salutation, view.closing, view.signatory.name]) expect(text).toContain(s);
    for (const b of view.blocks) if (b.kind !== 'list') expect(text.replace(/\s+/g, ' ')).toContain(b.text.replace(/\s+/g, ' ').slice(0, 60));
    // The same letter gives the same bytes.
    const again = join(tempDir(), 'ack.docx');
    await writeZip(again, letterDocx(view), { date: new Date('2026-03-03T00:00:00Z') });
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    if (existsSync('/usr/bin/soffice')) {
      mkdirSync('test-results/letters', { recursive: true });
      const r = spawnSync('/usr/bin/soffice', ['--headless', '--convert-to', 'pdf', '--outdir', 'test-results/letters', out], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(0);
    }
  });

  it('escapes what XML cannot carry and keeps odd Unicode (Zoë Ó Dónaill-Nguyễn 王 <&>)', async () => {
    const view = { ...viewOf('acknowledgement'), salutation: 'Dear Zoë Ó Dónaill-Nguyễn 王 <&> "x"\u0001' };
    const out = join(tempDir(), 'odd.docx');
    await writeZip(out, letterDocx(view), { date: new Date('2026-03-03T00:00:00Z') });
    expect(await textOf(out)).toContain('Dear Zoë Ó Dónaill-Nguyễn 王 <&> "x"');
  });

  it('fills the authority’s template: its header (letterhead), styles and page set-up are kept, the body is the letter', async () => {
    const dir = tempDir();
    // A template as Word would save it: a header part with the letterhead and a styles part.
    const plain = letterDocx({ ...viewOf('acknowledgement'), blocks: [{ kind: 'paragraph', text: 'TEMPLATE PLACEHOLDER' }] });
    const docXml = xml(plain, 'word/document.xml').replace(
      /<w:sectPr>/,
      '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>',
    ).replace('w:w="11906"', 'w:w="12240"');
    const rels = xml(plain, 'word/_rels/document.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
    );
    const types = xml(plain, '[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
    );
    const styles = '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style></w:styles>';
    const header = '<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>BORSETSHIRE LETTERHEAD</w:t></w:r></w:p></w:hdr>';
    const enc = (s: string) => new Uint8Array(Buffer.from(s));
    const templatePath = join(dir, 'letterhead.docx');
    await writeZip(templatePath, [
      ...plain.filter((e) => !['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', 'word/styles.xml'].includes(e.name)),
      { name: '[Content_Types].xml', bytes: enc(types) },
      { name: 'word/_rels/document.xml.rels', bytes: enc(rels) },
      { name: 'word/document.xml', bytes: enc(docXml) },
      { name: 'word/styles.xml', bytes: enc(styles) },
      { name: 'word/header1.xml', bytes: enc(header) },
    ], { date: new Date('2026-01-01T00:00:00Z') });

    const view = viewOf('response');
    const entries = letterDocx(view, new Uint8Array(readFileSync(templatePath)));
    expect(xml(entries, 'word/header1.xml')).toContain('BORSETSHIRE LETTERHEAD');
    const body = xml(entries, 'word/document.xml');
    expect(body).toContain('<w:headerReference w:type="default" r:id="rIdH"/>');
    expect(body).toContain('w:w="12240"');
    expect(body).not.toContain('TEMPLATE PLACEHOLDER');
    expect(body).not.toContain('w:val="DiscloseLetterhead"'); // the template's header is the letterhead
    const st = xml(entries, 'word/styles.xml');
    expect(st).toContain('Georgia'); // the authority's Normal style wins
    expect(st.match(/w:styleId="Normal"/g)).toHaveLength(1);
    expect(st).toContain('w:styleId="DiscloseSubject"');
    const out = join(dir, 'response.docx');
    await writeZip(out, entries, { date: new Date('2026-03-03T00:00:00Z') });
    const text = await textOf(out);
    expect(text).toContain(view.subject);
    expect(text).toContain(view.signatory.name);
  });

  it('refuses a template that is not a .docx, with the reason', () => {
    expect(() => readZip(new Uint8Array(Buffer.from('not a zip at all')))).toThrow(/not a \.docx/);
    expect(() => letterDocx(viewOf('acknowledgement'), new Uint8Array(Buffer.from('PK\u0005\u0006' + '\0'.repeat(18))))).toThrow(/no word\/document.xml/);
  });
});
