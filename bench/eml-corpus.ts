// Saved emails for the import benchmark, made from a seed so that every run imports the same bytes:
// the correspondence of a year of requests as an inbox exports it. Requests, acknowledgements,
// clarifications and replies, in plain text and HTML (quoted-printable), some with encoded
// subjects, threads quoting the message before, and about a third with attachments: a PDF letter
// (a real, small PDF with text, different in every message), a spreadsheet as CSV, a Word file, and
// the sender's logo shown inline in the signature (the same few images again and again, as in a
// real inbox).
import { random as seeded } from '../test/hostile/make-corpus-bytes';

const FIRST = ['Zoë', 'Aled', 'Priya', 'Tom', 'Siobhán', 'Kwame', 'Morag', 'Dafydd', 'Grace', 'Hamza', 'Ewan', 'Olufemi', 'Niamh', 'Wei', 'Beth'];
const LAST = ['Ó Dónaill', 'Jones', 'Patel', 'Hughes', 'Murphy', 'Mensah', 'MacLeod', 'Evans', 'Okafor', 'Khan', 'Fraser', 'Adeyemi', 'Byrne', 'Zhang', 'Thomas'];
const TOPICS = ['potholes on Mill Lane', 'gritting routes', 'parking fines in 2025', 'library opening hours', 'consultants’ fees', 'flood defence spending', 'school transport contracts', 'bin collection complaints', 'agency staff costs', 'the town centre CCTV'];
const SENTENCES = [
  'Please provide the information in an electronic format if you can.',
  'I would like to know how many complaints were received in each of the last three financial years.',
  'Under the Freedom of Information Act 2000 I request copies of the contracts and any variations to them.',
  'Thank you for your request, which we received on the date above and are dealing with under the Act.',
  'We aim to respond promptly and in any case within twenty working days of receipt.',
  'To help us find the information, could you say which period your request covers?',
  'Some of the information is exempt under section 43(2) because its release would prejudice commercial interests.',
  'The attached spreadsheet sets out the figures by quarter; the totals are in the final row.',
  'If you are unhappy with this response you may ask for an internal review within forty working days.',
  'I am still waiting for a reply and would be grateful for an update on progress.',
  'The council holds the repair log for the road, which is attached with personal data removed.',
  'Our records management policy sets out how long we keep correspondence of this kind.',
];
const LOGOS = 6;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** RFC 2045 quoted-printable, soft breaks at 76 characters. */
function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      encoded += (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    encoded = encoded.replace(/ $/u, '=20');
    while (encoded.length > 75) {
      let cut = 75;
      while (encoded[cut - 1] === '=' || encoded[cut - 2] === '=') cut--;
      out.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join('\r\n');
}

const base64 = (bytes: Uint8Array) => (Buffer.from(bytes).toString('base64').match(/.{1,76}/gu) ?? []).join('\r\n');
const encodedWord = (text: string) => (/^[\x20-\x7e]*$/u.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`);

/** A real PDF of a few pages of text (uncompressed content streams), different for every `n`. */
function letterPdf(r: () => number, n: number): Uint8Array {
  const pages = 1 + Math.floor(r() * 3);
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const lines = Array.from({ length: 20 + Math.floor(r() * 25) }, (_, l) => `BT /F1 10 Tf 56 ${780 - l * 14} Td (${`Letter ${n}, page ${p + 1}: ${pick(r, SENTENCES)}`.replace(/[()\\’]/gu, '')}) Tj ET`).join('\n');
    objects.push(`<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function csv(r: () => number, n: number): Uint8Array {
  const rows = ['Quarter,Complaints,Resolved,Cost (£)'];
  for (let i = 0; i < 20 + Math.floor(r() * 300); i++) rows.push(`Q${(i % 4) + 1} ${2020 + Math.floor(i / 4)},${Math.floor(r() * 500)},${Math.floor(r() * 400)},${(r() * 1e5).toFixed(2)} ${n}`);
  return Buffer.from(rows.join('\r\n'), 'utf8');
}

/** Compressed-looking bytes behind a ZIP signature, as a .docx is to anything but Word. */
function opaque(r: () => number, size: number): Uint8Array {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE(Math.floor(r() * 0x100000000), Math.min(i, size - 4));
  bytes.set([0x50, 0x4b, 0x03, 0x04], 0);
  return bytes;
}

const logos = Array.from({ length: LOGOS }, (_, i) => {
  const bytes = opaque(seeded(1000 + i), 3000 + i * 900);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return bytes;
});

interface Part {
  type: string;
  name: string;
  bytes: Uint8Array;
  cid?: string;
}

/** The `n`th message of the corpus made from `seed`. */
export function makeEml(seed: number, n: number): Uint8Array {
  const r = seeded(seed * 1_000_003 + n);
  const person = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const address = `${person.toLowerCase().normalize('NFD').replace(/[^a-z ]/gu, '').replace(/ /gu, '.')}${n % 97}@example.org`;
  const outgoing = r() < 0.4;
  const team = '"FOI Team, Borsetshire County Council" <foi@borsetshire.example.gov.uk>';
  const from = outgoing ? team : `"${person}" <${address}>`;
  const to = outgoing ? `"${person}" <${address}>` : team;
  const topic = pick(r, TOPICS);
  const subject = `${n % 3 === 0 ? 'RE: ' : ''}Request for information: ${topic} (${n})`;
  const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 3 * 365 * 86_400_000));
  const paragraphs = Array.from({ length: 1 + Math.floor(r() * 8) }, () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(r, SENTENCES)).join(' '));
  if (n % 3 === 0) paragraphs.push(`On ${date.toUTCString()}, ${person} wrote:\n> ${Array.from({ length: 4 + Math.floor(r() * 20) }, () => pick(r, SENTENCES)).join('\n> ')}`);
  const text = `Dear ${outgoing ? person : 'FOI Team'},\n\n${paragraphs.join('\n\n')}\n\nYours sincerely,\n${outgoing ? 'Alex Morgan\nInformation Governance Officer' : person}`;
  const logo = outgoing ? Math.floor(r() * LOGOS) : -1;
  const html = `<html><body>${text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/\n/gu, '<br>')}</p>`)
    .join('\n')}${logo >= 0 ? `<p><img src="cid:logo${logo}@borsetshire.example.gov.uk" alt="Borsetshire County Council"></p>` : ''}</body></html>`;
  const files: Part[] = [];
  if (r() < 0.32) {
    const kinds = 1 + Math.floor(r() * 2);
    for (let k = 0; k < kinds; k++) {
      const roll = r();
      if (roll < 0.45) files.push({ type: 'application/pdf', name: `Response letter ${n}.pdf`, bytes: letterPdf(r, n) });
      else if (roll < 0.75) files.push({ type: 'text/csv', name: `figures-${n}.csv`, bytes: csv(r, n) });
      else files.push({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: `Notes ${n}.docx`, bytes: opaque(r, 8000 + Math.floor(r() * 60_000)) });
    }
  }
  const headers = [
    `Received: from mx${n % 4}.example.org by mail.borsetshire.example.gov.uk; ${date.toUTCString().replace('GMT', '+0000')}`,
    `From: ${from}`,
    `To: ${to}`,
    ...(r() < 0.3 ? ['Cc: Records <records@borsetshire.example.gov.uk>'] : []),
    `Subject: ${encodedWord(subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <bench-${seed}-${n}@example.org>`,
    ...(n % 3 === 0 ? [`In-Reply-To: <bench-${seed}-${n - 1}@example.org>`] : []),
    'MIME-Version: 1.0',
    'X-Mailer: Microsoft Outlook 16.0',
  ];
  const alternative = [
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(html),
    '--alt--',
  ];
  const body = logo >= 0 ? ['Content-Type: multipart/related; boundary="rel"', '', '--rel', ...alternative, '--rel', 'Content-Type: image/png', 'Content-Transfer-Encoding: base64', `Content-ID: <logo${logo}@borsetshire.example.gov.uk>`, 'Content-Disposition: inline; filename="logo.png"', '', base64(logos[logo]!), '--rel--'] : alternative;
  const lines = files.length === 0 ? [...headers, ...body] : [...headers, 'Content-Type: multipart/mixed; boundary="mixed"', '', '--mixed', ...body, ...files.flatMap((f) => ['--mixed', `Content-Type: ${f.type}; name="${f.name}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${f.name}"`, '', base64(f.bytes)]), '--mixed--'];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
