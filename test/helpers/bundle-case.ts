// A case file as an officer would have it when the ICO asks for the bundle: the Kent County Council
// request of 2012 (the published samples in test/fixtures/samples), its thread imported message by
// message as .eml files, the letters saved on their own dates, a section 12 estimate with sampling
// and s16 advice aggregated with a second request, two exemptions, and the awkward files real
// cases hold: a multi-page PDF with a rotated page, an owner-password PDF, a PDF that needs a
// password, a corrupt PDF, a stored file altered since, images, a spreadsheet, text documents, and
// withheld information.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../../src/main/core';
import { databaseArgsFor, ok, tempDir, testCore } from './core';
import { asAdmin } from './team';
import { SAMPLES_DIR as SAMPLES } from './samples';
import { alterStored } from './stored';

export const REF = 'FOI/12/0385';

export interface BundleCase {
  dataDir: string;
  files: string;
  /** Opens the core on the case's data as of `today`, saving to files/<slot or name>. */
  open(today: string, saved?: string[]): Promise<Core>;
  /** The attachment whose stored copy was altered after import. */
  tampered: string;
}

export async function textPdf(title: string, pages: number, opts: { rotateLast?: boolean } = {}): Promise<Uint8Array> {
  const d = await PDFDocument.create({ updateMetadata: false });
  const font = await d.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const p = d.addPage([595.28, 841.89]);
    p.drawText(`${title}`, { x: 60, y: 760, size: 16, font });
    p.drawText(`Page ${i} of the document (its own numbering)`, { x: 60, y: 730, size: 11, font });
    for (let l = 0; l < 30; l++) p.drawText(`Line ${l + 1}: record of the search carried out for the request, folder ${i}-${l}.`, { x: 60, y: 690 - l * 20, size: 10, font });
    if (opts.rotateLast && i === pages) p.setRotation(degrees(90));
  }
  return d.save();
}

/** The Kent thread as the messages it holds: the requester's start "Dear Kent County Council,". */
function kentMessages(): { direction: 'in' | 'out'; body: string }[] {
  const lines = readFileSync(join(SAMPLES, 'kent-social-services-facebook-thread.txt'), 'utf8').split('\n');
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('Dear Kent County Council')) starts.push(i);
    if (line === 'Kent County Council' && lines[i + 2]?.startsWith('Dear ')) starts.push(i);
  });
  return starts.map((s, i) => ({ direction: lines[s]!.startsWith('Dear Kent') ? 'in' : 'out', body: lines.slice(s, starts[i + 1] ?? lines.length).join('\n').trim() }));
}

const eml = (h: Record<string, string>, body: string, attachments: { name: string; type: string; bytes: Uint8Array }[] = []) => {
  const head = Object.entries(h).map(([k, v]) => `${k}: ${v}`);
  if (attachments.length === 0) return [...head, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
  const parts = attachments.map((a) =>
    [`--b`, `Content-Type: ${a.type}; name="${a.name}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${a.name}"`, '', Buffer.from(a.bytes).toString('base64').replace(/.{76}/g, '$&\r\n')].join('\r\n'),
  );
  return [...head, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', body, ...parts, '--b--', ''].join('\r\n');
};

/** An HTML message whose body shows a logo (cid:), as Outlook sends a signature. */
const emlWithLogo = (h: Record<string, string>, body: string, png: Uint8Array) =>
  [
    ...Object.entries(h).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="rel"', '',
    '--rel', 'Content-Type: multipart/alternative; boundary="alt"', '',
    '--alt', 'Content-Type: text/plain; charset=utf-8', '', body,
    '--alt', 'Content-Type: text/html; charset=utf-8', '', `<img src="cid:logo@kent.example" alt="Kent County Council"><pre>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`, '--alt--',
    '--rel', 'Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-ID: <logo@kent.example>', 'Content-Disposition: inline; filename="logo.png"', '',
    Buffer.from(png).toString('base64').replace(/.{76}/g, '$&\r\n'), '--rel--', '',
  ].join('\r\n');

export async function buildBundleCase(): Promise<BundleCase> {
  const dataDir = tempDir('disclose-bundle-data-');
  const files = tempDir('disclose-bundle-files-');
  let chosen: string[] = [];
  const open = (today: string, saved: string[] = []) =>
    testCore({
      dataDir,
      today,
      host: {
        chooseSavePath: async ({ defaultName, slot }) => {
          const p = join(files, slot ? `${slot}-${defaultName}` : defaultName);
          saved.push(p);
          return p;
        },
        printPdf: async () => true,
        chooseFiles: async () => chosen,
      },
    });
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = join(files, name);
    writeFileSync(p, bytes);
    return p;
  };
  const importAs = async (core: Core, role: string, ...paths: string[]) => {
    chosen = paths;
    const r = ok(await core.invoke('correspondence:importChosen', { reference: REF, role }));
    if (r.skipped.length) throw new Error(`skipped: ${JSON.stringify(r.skipped)}`);
    return r;
  };

  // Images made from a rendered page, so they are real PNG and JPEG files of a useful size.
  const logoPdf = file('logo.pdf', await textPdf('Kent County Council', 1));
  execFileSync('pdftoppm', ['-png', '-r', '20', '-singlefile', logoPdf, join(files, 'logo')]);
  execFileSync('pdftoppm', ['-jpeg', '-r', '40', '-singlefile', logoPdf, join(files, 'photo')]);

  // March 2012: the request arrives and is acknowledged.
  let core = await open('2012-03-14');
  ok(await core.invoke('settings:update', {
    name: 'Kent County Council',
    address: 'Sessions House\nCounty Road\nMaidstone ME14 1XQ',
    email: 'foi@example.kent.gov.uk',
    centralGovernment: false,
    referenceFormat: 'FOI/{yy}/{seq:4}',
    signatoryName: 'James Mercer',
    signatoryTitle: 'Information Access Officer',
    region: 'england-and-wales',
  }));
  ok(await core.invoke('cases:create', {
    regime: 'foia', received: '2012-03-12', reference: REF, requester: { name: 'Sandy Joyce', email: 'request-105000@example.org' },
    summary: 'Social Services and Facebook', requestText: readFileSync(join(SAMPLES, 'kent-social-services-facebook-thread.txt'), 'utf8').split('\n').slice(6, 14).join('\n'),
  }));
  const messages = kentMessages();
  const dates = ['2012-03-12T09:15:00Z', '2012-03-14T10:02:00Z', '2012-04-11T16:40:00Z', '2012-04-12T08:30:00Z', '2012-04-12T08:45:00Z', '2012-04-23T19:05:00Z', '2012-05-18T11:20:00Z'];
  const withheldOnEmail = await textPdf('Social work practice note (internal, draft)', 2);
  const emls = messages.map((m, i) =>
    file(`kent-${i + 1}.eml`, (i === 1 ? (h: Record<string, string>, body: string) => emlWithLogo(h, body, readFileSync(join(files, 'logo.png'))) : eml)({
      From: m.direction === 'in' ? 'Sandy Joyce <request-105000@example.org>' : 'Kent County Council <foi@example.kent.gov.uk>',
      To: m.direction === 'in' ? 'FOI requests at Kent County Council <foi@example.kent.gov.uk>' : 'Sandy Joyce <request-105000@example.org>',
      Subject: `${m.direction === 'out' ? 'RE: ' : ''}Freedom of Information request - Social Services and Facebook`,
      Date: new Date(dates[i] ?? dates.at(-1)!).toUTCString().replace('GMT', '+0000'),
      'Message-ID': `<kent-${i + 1}@example.org>`,
    }, m.body, i === 2 ? [{ name: 'practice-note-draft.pdf', type: 'application/pdf', bytes: withheldOnEmail }] : [])),
  );
  await importAs(core, 'correspondence', ...emls);
  const home = readFileSync(join(SAMPLES, 'home-office-social-media-request-thread.txt'), 'utf8');
  await importAs(core, 'correspondence', file('home-office-thread.eml', eml({ From: 'James Mercer <james.mercer@example.kent.gov.uk>', To: 'FOI team <foi@example.kent.gov.uk>', Subject: 'FW: a similar request answered by the Home Office', Date: 'Mon, 2 Apr 2012 12:00:00 +0100', 'Message-ID': '<home-office@example.kent.gov.uk>' }, home)));
  const items = ok(await core.invoke('cases:get', { reference: REF })).correspondence;
  const byDate = (d: string) => items.find((c) => c.sentAt.startsWith(d))!.id;
  ok(await core.invoke('correspondence:mark', { reference: REF, id: byDate('2012-03-14'), as: 'acknowledged' }));
  ok(await core.invoke('letters:save', { reference: REF, kind: 'acknowledgement' }));
  await core.close();

  // April 2012: the estimate, the s16 advice, the response; and the files that go with them.
  core = await open('2012-04-11');
  ok(await core.invoke('cases:create', { regime: 'foia', received: '2012-03-20', reference: 'FOI/12/0402', requester: { name: 'Sandy Joyce', email: 'request-105000@example.org' }, summary: 'Social workers and Twitter' }));
  ok(await core.invoke('costs:set', { reference: REF, scope: 'comply', lines: [
    { activity: 'locating', description: 'social workers asked to search their case files', quantity: 360, minutesEach: 3, sample: { items: 10, minutes: 30, note: 'Ten social workers timed in the Maidstone team, March 2012' } },
    { activity: 'extracting', description: 'case files with a record of a search', quantity: 40, minutesEach: 15 },
  ] }));
  ok(await core.invoke('costs:setAdvice', { reference: REF, s16Advice: 'If you limit the request to the policy and guidance given to social workers, rather than the practice of each one, we can answer it within the limit.' }));
  ok(await core.invoke('costs:link', { reference: REF, other: 'FOI/12/0402', reason: 'Same requester, similar information (social workers and social media), within 60 working days' }));
  ok(await core.invoke('correspondence:mark', { reference: REF, id: byDate('2012-04-11'), as: 'responded' }));
  ok(await core.invoke('letters:save', { reference: REF, kind: 's12-refusal' }));
  const searchPdf = file('search-record.pdf', await textPdf('Record of searches, children and families teams', 12, { rotateLast: true }));
  const ownerLocked = join(files, 'policy-owner-password.pdf');
  execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', file('policy.pdf', await textPdf('Social media policy for staff (owner password only)', 3)), ownerLocked]);
  const userLocked = join(files, 'minutes-user-password.pdf');
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', file('minutes.pdf', await textPdf('Management team minutes', 2)), userLocked]);
  const corrupt = file('scan-corrupt.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.alloc(300, 0x41)]));
  await importAs(core, 'disclosed', file('home-office-social-networking-guidance.txt', readFileSync(join(SAMPLES, 'home-office-social-networking-guidance.txt'))), ownerLocked);
  await importAs(core, 'evidence', searchPdf, join(files, 'photo.jpg'), file('ico-social-media-policy-2013.txt', readFileSync(join(SAMPLES, 'ico-social-media-policy-2013.txt'))), userLocked, corrupt, file('timings.xlsx', Buffer.from('PK\u0003\u0004 not really a spreadsheet')));
  await importAs(core, 'correspondence', file('cabinet-office-article.txt', readFileSync(join(SAMPLES, 'cabinet-office-social-media-guidance-article.txt'))), file('phone-note.txt', 'Phone call from the requester, 20 April 2012: asked when the review would be done.'));
  await importAs(core, 'withheld', file('tender-prices.pdf', await textPdf('Tender prices: social media monitoring software (commercial in confidence)', 3)), file('staff-list.txt', 'Names and direct lines of the social workers in the Maidstone team.'));
  const detail = ok(await core.invoke('cases:get', { reference: REF }));
  const practiceNote = detail.correspondence.flatMap((c) => c.attachments).find((a) => a.filename === 'practice-note-draft.pdf')!;
  ok(await core.invoke('attachments:setRole', { id: practiceNote.id, role: 'withheld' }));
  ok(await core.invoke('exemptions:apply', { reference: REF, provision: 'FOIA s43(2)', item: 'tender-prices.pdf', engagement: 'Disclosure would be likely to prejudice the commercial interests of the supplier and of the council while the contract is being renegotiated.', publicInterestFor: 'Transparency in the spending of public money on monitoring software.', publicInterestAgainst: 'Protecting the council’s negotiating position and value for money.', balance: 'While the renegotiation is live the public interest favours withholding the prices.' }));
  ok(await core.invoke('exemptions:apply', { reference: REF, provision: 'FOIA s40(2)', item: '', engagement: 'The names and direct lines of junior staff are their personal data; disclosure would not be fair or lawful (UK GDPR Art 6(1)(f)).' }));
  await core.close();

  // The review, its outcome, and the complaint to the ICO.
  core = await open('2012-06-01');
  ok(await core.invoke('correspondence:mark', { reference: REF, id: byDate('2012-04-23'), as: 'review-requested' }));
  ok(await core.invoke('correspondence:mark', { reference: REF, id: byDate('2012-05-18'), as: 'review-completed' }));
  ok(await core.invoke('cases:addEvent', { reference: REF, type: 'ico-complaint', date: '2012-06-01', note: 'Complaint to the ICO, their reference IC-12345-A1B2' }));
  await core.close();

  // A stored file altered on disk after it was imported: it must be reported, never exported.
  const tampered = detail.attachments.find((a) => a.filename === 'phone-note.txt')!;
  alterStored(dataDir, tampered.sha256, 'Someone edited this file after it was filed.');
  // On the team database this machine's copy is only a cache: the database's own copy is altered too.
  const team = databaseArgsFor(dataDir)[1];
  if (team) {
    const schema = new URL(team).searchParams.get('schema')!;
    await asAdmin((c) => c.query("UPDATE blob_chunks SET data = convert_to('Someone edited this file after it was filed.', 'UTF8') WHERE sha256 = $1", [tampered.sha256]), schema);
  }
  return { dataDir, files, open, tampered: tampered.filename };
}
