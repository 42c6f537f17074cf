// Emails officers drag into a case file (.eml from most mail programs, .msg from Outlook) become
// plain data: headers as sent, text, attachments with safe names, and warnings instead of failures.
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { htmlToText, MailParseError, parseEml, parseMessageFile, parseMsg, safeFilename } from '../../src/main/core/mail';
import { buildMsg, eml, msgSpecs, PDF_BYTES } from '../fixtures/mail/make-fixtures';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytesOf = (text: string): number => utf8(text).length;

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['C:\\Users\\zoe\\report.docx', 'report.docx'],
    ['C:report.doc', 'report.doc'],
    ['/etc/shadow', 'shadow'],
    ['a<b>c:d"e|f?g*h.txt', 'abcdefgh.txt'],
    ['bad\u0000name\u0007\u009b.pdf', 'badname.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['report.pdf. . ', 'report.pdf'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['LPT9.log', '_LPT9.log'],
    ['nul.tar.gz', '_nul.tar.gz'],
    ['CONSOLE.txt', 'CONSOLE.txt'],
    ['Zoë Ó Dónaill.pdf', 'Zoë Ó Dónaill.pdf'],
    ['王小明 申请.docx', '王小明 申请.docx'],
  ])('makes %j safe as %j', (name, expected) => {
    expect(safeFilename(name)).toBe(expected);
  });

  it('NFC-normalises, so the same name typed on a Mac and on Windows is one name', () => {
    expect(safeFilename('Zoe\u0308.pdf')).toBe('Zo\u00eb.pdf');
  });

  it.each(['', '.', '..', '...', '   ', '/', '\\', '\u202e', '../'])('never returns an empty or dot name (for %j)', (name) => {
    expect(safeFilename(name)).toBe('attachment');
    expect(safeFilename(name, 'letter.pdf')).toBe('letter.pdf');
  });

  it('caps names at 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const latin = safeFilename(`${'a'.repeat(300)}.pdf`);
    expect(bytesOf(latin)).toBe(200);
    expect(latin.endsWith('.pdf')).toBe(true);
    const chinese = safeFilename(`${'王'.repeat(100)}.docx`);
    expect(bytesOf(chinese)).toBeLessThanOrEqual(200);
    expect(chinese).toMatch(/^王+\.docx$/u);
    const noExtension = safeFilename('é'.repeat(150));
    expect(bytesOf(noExtension)).toBe(200);
    expect(noExtension).toBe('é'.repeat(100));
  });
});

describe('htmlToText', () => {
  it.each([
    ['block elements and <br> become line breaks', '<p>One</p><p>Two<br>Three</p><div>Four</div>', 'One\n\nTwo\nThree\n\nFour'],
    ['lists get "- " and numbers', '<ul><li>Apples</li><li>Pears</li></ul><ol><li>First</li></ol>', '- Apples\n- Pears\n\n 1. First'],
    ['links show their address when it differs', '<a href="https://ico.org.uk/foi">ICO guidance</a> <a href="https://ico.org.uk">https://ico.org.uk</a>', 'ICO guidance (https://ico.org.uk/foi) https://ico.org.uk'],
    ['tables read row by row', '<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>&pound;1,200</td></tr></table>', 'Year | Cost\n2024 | £1,200'],
    ['entities are decoded', '&pound;5 &amp; &lt;b&gt; &eacute; &#8364; a&nbsp;b', '£5 & <b> é € a b'],
    ['scripts, styles and the head are dropped', '<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script>Hi</body></html>', 'Hi'],
    ['whitespace is collapsed', '<p>  lots   of \n\n spaces </p>', 'lots of spaces'],
    ['images keep their alt text only', '<img src="cid:x" alt="Council logo"><img src="https://t.example/pixel.gif">', 'Council logo'],
    ['empty input gives empty text', '  ', ''],
  ])('%s', (_what, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('parseEml', () => {
  it('reads multipart/alternative with an inline cid image and a PDF attachment', async () => {
    const m = await parseEml(eml.alternativeWithInlineAndPdf);
    expect(m).toMatchObject({
      format: 'eml',
      messageId: 'req-001@example.org',
      date: '2025-07-01T09:00:00.000Z', // 10:00 BST
      from: 'Ó Dónaill, Zoë <zoe@example.org>',
      to: ['FOI Team <foi@borsetshire.gov.uk>', 'records@borsetshire.gov.uk'],
      cc: ['Legal <legal@borsetshire.gov.uk>'],
      subject: 'Request for information: potholes on Mill Lane',
      text: 'Please send the repair log for Mill Lane.',
      warnings: [],
    });
    expect(m.headers.map(([name]) => name)).toEqual(['Received', 'From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type']);
    expect(m.headers[4]).toEqual(['Subject', 'Request for information: potholes on Mill Lane']); // unfolded
    expect(m.html).toContain('src="cid:logo@example.org"');
    const [logo, plan] = m.attachments;
    expect(logo).toMatchObject({ filename: 'logo.png', contentType: 'image/png', inline: true, contentId: 'logo@example.org' });
    expect([...(logo?.bytes.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(plan).toMatchObject({ filename: 'plan.pdf', contentType: 'application/pdf', inline: false, contentId: null });
    expect(Buffer.from(plan?.bytes ?? []).equals(PDF_BYTES)).toBe(true);
  });

  it('decodes ISO-8859-1 quoted-printable bodies and encoded-word names (Zoë Ó Dónaill)', async () => {
    const m = await parseEml(eml.latin1QuotedPrintable);
    expect(m.from).toBe('Zoë Ó Dónaill <zoe@example.org>');
    expect(m.subject).toBe('Café receipts');
    expect(m.text).toContain('Zoë Ó Dónaill, café owner and a very long line that is soft-wrapped');
    expect(m.headers).toContainEqual(['Subject', '=?iso-8859-1?q?Caf=E9_receipts?=']); // headers stay as sent
  });

  it.each([
    ['ISO-2022-JP', eml.iso2022jp, '情報公開請求について'],
    ['Shift_JIS', eml.shiftJis, '開示決定通知書'],
    ['KOI8-R', eml.koi8r, 'Запрос информации'],
  ])('decodes a %s subject', async (_charset, bytes, subject) => {
    expect((await parseEml(bytes)).subject).toBe(subject);
  });

  it('decodes ISO-2022-JP, GBK and Windows-1252 bodies', async () => {
    expect((await parseEml(eml.iso2022jp)).text).toBe('王さん、資料を添付します。');
    const m = await parseEml(eml.gbkAndWindows1252);
    expect(m.from).toBe('王小明 <wang@example.cn>');
    expect(m.text).toContain('王先生您好：附件是您申请的信息。');
    expect(m.text).toContain('“Quoted” €5');
    expect(m.warnings).toEqual([]);
  });

  it('keeps a forwarded message/rfc822 as one .eml attachment named after its subject', async () => {
    const m = await parseEml(eml.forwarded);
    expect(m.text).toBe('See the original below.');
    expect(m.attachments).toHaveLength(1);
    const [original] = m.attachments;
    expect(original).toMatchObject({ filename: 'Original request from Zoë.eml', contentType: 'message/rfc822', inline: false });
    const inner = await parseEml(original?.bytes ?? new Uint8Array());
    expect(inner).toMatchObject({ subject: 'Original request from Zoë', text: 'The original words.' });
  });

  it('decodes RFC 2047 and RFC 2231 file names and neutralises hostile ones', async () => {
    const m = await parseEml(eml.filenames);
    expect(m.attachments.map((a) => a.filename)).toEqual(['Zoë Ó Dónaill — response.pdf', '王 notes.txt', 'passwd', '_CON.txt']);
  });

  it('names an unnamed attachment after its position and type', async () => {
    const m = await parseEml(utf8('From: a@example.org\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nhi\r\n--x\r\n' +
      'Content-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\n--x\r\nContent-Type: application/x-unknown\r\n\r\nzz\r\n--x--\r\n'));
    expect(m.attachments.map((a) => a.filename)).toEqual(['attachment-1.ics', 'attachment-2']);
  });

  it('renders the text of an HTML-only message from its HTML', async () => {
    const m = await parseEml(eml.htmlOnly);
    expect(m.html).toContain('<h1>Update</h1>');
    expect(m.text).toBe('Update\n\nSee the log (https://example.org/log).\n\n- One\n- Two');
  });

  it('returns what it can of a truncated message, with warnings, instead of throwing', async () => {
    const m = await parseEml(eml.truncated);
    expect(m.text).toBe('The body survived.');
    expect(m.date).toBeNull();
    expect(m.attachments.map((a) => a.filename)).toEqual(['big.pdf']);
    expect(m.warnings).toEqual([expect.stringMatching(/date "sometime last week"/u), expect.stringMatching(/cut short.*"cut"/u)]);
  });

  it('knows a part closed whatever the bytes of its boundary, and says which of two is never closed', async () => {
    // A boundary with 8-bit bytes in it (sent raw, as old mailers did), closed; another never closed.
    const raw = (outer: string, inner: string, closeInner: boolean) =>
      Buffer.concat([
        Buffer.from(`From: a@example.org\r\nContent-Type: multipart/mixed; boundary="`, 'latin1'),
        Buffer.from(outer, 'latin1'),
        Buffer.from(`"\r\n\r\n--${outer}\r\nContent-Type: multipart/alternative; BOUNDARY=${inner}\r\n\r\n--${inner}\r\n\r\nhi\r\n${closeInner ? `--${inner}--\r\n` : ''}--${outer}--\r\n`, 'latin1'),
      ]);
    expect((await parseEml(raw('caf\xe9=\xff', 'in', true))).warnings).toEqual([]);
    expect((await parseEml(raw('caf\xe9=\xff', 'in', false))).warnings).toEqual([expect.stringMatching(/cut short.*"in"/u)]);
  });

  it('keeps a file with no headers whole as the message text, and says so', async () => {
    const m = await parseEml(eml.noHeaders);
    expect(m.text).toContain('Dear FOI team,\n\nThis was pasted from somewhere');
    expect(m.headers).toEqual([]);
    expect(m.warnings).toEqual([expect.stringMatching(/No email headers/u), expect.stringMatching(/no sender/u)]);
  });

  it('reads raw UTF-8 headers and warns about characters it cannot decode', async () => {
    const m = await parseEml(utf8('From: "Zoë" <z@example.org>\r\nSubject: Grüße 王\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nH\u00e9llo'));
    expect(m.headers).toEqual([['From', '"Zoë" <z@example.org>'], ['Subject', 'Grüße 王'], ['Content-Type', 'text/plain; charset=x-unknown']]);
    const latin = await parseEml(Buffer.from('From: a@example.org\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nH\u00e9llo', 'latin1'));
    expect(latin.warnings).toEqual([expect.stringMatching(/could not be decoded/u)]);
  });

  it('keeps the raw text, with a warning, when the MIME parser gives up (a 3 MB header)', async () => {
    const m = await parseEml(utf8(`From: a@example.org\r\nX-Huge: ${'a'.repeat(3_000_000)}\r\n\r\nbody`));
    expect(m.text.endsWith('\r\n\r\nbody')).toBe(true);
    expect(m.warnings).toEqual([expect.stringMatching(/structure could not be read/u)]);
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['a PDF', utf8('%PDF-1.7\n...')],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['binary data', new Uint8Array(64).map((_, i) => i % 7)],
  ])('throws MailParseError for %s, which is not an email at all', async (_what, bytes) => {
    await expect(parseEml(bytes)).rejects.toBeInstanceOf(MailParseError);
  });

  it('takes a file for binary data by its first 1,024 bytes: more than one in ten a control byte (tab, line breaks, form feed and ESC aside)', async () => {
    const headed = (controls: number, fill: number) => {
      const bytes = utf8(`From: a@example.org\r\nSubject: Gritting\r\n\r\n${'x'.repeat(1024)}`);
      for (let i = 0; i < controls; i++) bytes[60 + i] = fill;
      return bytes;
    };
    // 102 of the first 1,024 bytes are control bytes: not more than a tenth.
    await expect(parseEml(headed(102, 0x01))).resolves.toMatchObject({ subject: 'Gritting' });
    await expect(parseEml(headed(103, 0x01))).rejects.toThrow('The file is binary data, not an email.');
    // Tabs, line breaks, form feeds and ESC (ISO-2022-JP) are text.
    for (const allowed of [0x09, 0x0a, 0x0c, 0x0d, 0x1b]) await expect(parseEml(headed(200, allowed))).resolves.toMatchObject({ subject: 'Gritting' });
    // Control bytes after the first 1,024 are not looked at.
    const late = utf8(`From: a@example.org\r\nSubject: Late\r\n\r\n${'x'.repeat(1100)}`);
    for (let i = 1030; i < late.length; i++) late[i] = 0x02;
    await expect(parseEml(late)).resolves.toMatchObject({ subject: 'Late' });
    // A short file is judged by its own length.
    await expect(parseEml(Uint8Array.from([0x46, 0x01, 0x01]))).rejects.toThrow('binary data');
  });
});

describe('parseMsg', () => {
  it('reads an Outlook message: sender, recipients by type, transport headers, date and body', async () => {
    const m = await parseMsg(buildMsg(msgSpecs.plain));
    expect(m).toMatchObject({
      format: 'msg',
      messageId: 'msg-001@example.org',
      date: '2025-07-01T09:00:00.000Z',
      from: 'Zoë Ó Dónaill <zoe@example.org>',
      to: ['FOI Team <foi@borsetshire.gov.uk>'],
      cc: ['Legal <legal@borsetshire.gov.uk>'],
      subject: 'Request for information: Mill Lane',
      text: 'Please send the repair log.\r\n\r\nZoë',
      html: null,
      attachments: [],
    });
    expect(m.headers).toEqual([
      ['Received', 'from mx.example.org\tby mail.borsetshire.gov.uk; Tue, 1 Jul 2025 10:00:05 +0100'],
      ['From', '=?utf-8?Q?Zo=C3=AB?= <zoe@example.org>'],
      ['Subject', 'Request for information: Mill Lane'],
      ['Message-ID', '<msg-001@example.org>'],
      ['X-Long', 'one two'],
    ]);
    expect(m.warnings).toEqual(['1 Bcc recipient is not listed among the recipients.']);
  });

  it('reads attachments with Unicode names, inline images, an embedded .msg and a code-page HTML body', async () => {
    const m = await parseMsg(buildMsg(msgSpecs.withAttachments));
    expect(m.subject).toBe('王先生 — documents');
    expect(m.from).toBe('王小明 <wang@example.cn>');
    expect(m.html).toContain('Grüße'); // Windows-1252 bytes, decoded by PR_INTERNET_CPID
    expect(m.text).toBe('Grüße, see'); // no plain body: rendered from the HTML
    const [pdf, chart, embedded] = m.attachments;
    expect(pdf).toMatchObject({ filename: 'Zoë Ó Dónaill — response.pdf', contentType: 'application/pdf', inline: false, contentId: null });
    expect(Buffer.from(pdf?.bytes ?? []).equals(PDF_BYTES)).toBe(true);
    expect(chart).toMatchObject({ filename: 'chart.png', contentType: 'image/png', inline: true, contentId: 'chart@x' });
    expect(embedded).toMatchObject({ filename: 'Original request.msg', contentType: 'application/vnd.ms-outlook' });
    const inner = await parseMsg(embedded?.bytes ?? new Uint8Array());
    expect(inner).toMatchObject({ subject: 'Original request', text: 'inner body' });
  });

  it('falls back to the transport headers for sender, recipients and date when MAPI lacks them', async () => {
    const headers = 'From: =?utf-8?Q?Zo=C3=AB?= <zoe@example.org>\r\nTo: foi@borsetshire.gov.uk\r\nDate: Tue, 1 Jul 2025 10:00:00 +0100\r\n';
    const m = await parseMsg(buildMsg({ subject: 'Headers only', headers }));
    expect(m).toMatchObject({ from: 'Zoë <zoe@example.org>', to: ['foi@borsetshire.gov.uk'], cc: [], date: '2025-07-01T09:00:00.000Z' });
  });

  it('reads bytes handed over as a view into a larger buffer (as Node file reads are)', async () => {
    const file = buildMsg(msgSpecs.plain);
    const view = Buffer.concat([Buffer.from('junk before'), file, Buffer.from('junk after')]).subarray(11, 11 + file.length);
    expect((await parseMsg(view)).subject).toBe('Request for information: Mill Lane');
    const emlView = Buffer.concat([Buffer.from('%PDF-'), eml.htmlOnly]).subarray(5);
    expect((await parseEml(emlView)).subject).toBe('HTML only');
  });

  it('decodes 8-bit strings with the message code page (Windows-1252 “Café”)', async () => {
    expect((await parseMsg(buildMsg(msgSpecs.ansi))).subject).toBe('“Café”');
  });

  it('throws MailParseError for bytes that are not an OLE compound file', async () => {
    await expect(parseMsg(eml.htmlOnly)).rejects.toBeInstanceOf(MailParseError);
    await expect(parseMsg(PDF_BYTES)).rejects.toThrow(/not an OLE compound file/u);
  });

  it('throws MailParseError for a compound file that holds no message (a Word document)', async () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'WordDocument', new Uint8Array(600));
    const doc = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
    await expect(parseMsg(doc)).rejects.toBeInstanceOf(MailParseError);
  });
});

describe('parseMessageFile', () => {
  const msg = buildMsg(msgSpecs.plain);
  it.each([
    ['request.eml', eml.latin1QuotedPrintable, 'eml'],
    ['Request.MSG', msg, 'msg'],
    ['saved-as-text.msg', eml.latin1QuotedPrintable, 'eml'],
    ['message', eml.alternativeWithInlineAndPdf, 'eml'],
    ['message', msg, 'msg'],
  ])('reads %s as %s', async (name, bytes, format) => {
    expect((await parseMessageFile(name, bytes))?.format).toBe(format);
  });

  it.each([
    ['notes.txt', eml.latin1QuotedPrintable],
    ['scan.pdf', PDF_BYTES],
    ['renamed.eml', PDF_BYTES],
    ['Report.doc', msg],
    ['empty.msg', new Uint8Array()],
    ['readme', utf8('Subject: just a text file\n\nnot a message')],
  ])('leaves %s to be stored as a plain attachment (null)', async (name, bytes) => {
    expect(await parseMessageFile(name, bytes)).toBeNull();
  });
});
