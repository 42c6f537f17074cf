// A letter as a Word document (Office Open XML, ECMA-376), with the same content as the PDF, for
// officers who finish letters on their own letterhead or whose lawyers want tracked changes.
// Written by hand rather than through a library: the parts are few, the output is byte-stable
// for the same letter, and the authority's own template can be filled without converting it.
//
// With a template (a .docx the authority sets), its headers, footers, page set-up and styles are
// kept and only the body is replaced; our paragraphs use Word's built-in style ids (Normal,
// Heading2, Quote, ListBullet) and a few of our own (Disclose*), which the template may restyle.
import { formatLongDate } from '../../../shared/domain/dates';
import type { LetterBlock, LetterView } from '../../../shared/domain/letters/view';
import type { ZipEntry } from '../bundle/zip';
import { DiscloseError } from '../../../shared/errors';
import { readZip } from './unzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** XML text: escaped, and without the characters XML 1.0 cannot carry. */
function esc(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A run of text; line breaks within it become <w:br/>. */
function run(text: string, opts: { bold?: boolean } = {}): string {
  const props = opts.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return text
    .split('\n')
    .map((line, i) => `<w:r>${props}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
    .join('');
}

function para(style: string, text: string, opts: { bold?: boolean; align?: 'right' } = {}): string {
  const jc = opts.align ? `<w:jc w:val="${opts.align}"/>` : '';
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr>${run(text, opts)}</w:p>`;
}

function bodyBlock(block: LetterBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return para('Normal', block.text);
    case 'quote':
      return para('Quote', block.text);
    case 'heading':
      return para('Heading2', block.text);
    case 'list':
      return block.items.map((item) => para('ListBullet', `•\t${item}`)).join('');
    default: {
      const unknown: never = block;
      throw new Error(`Unknown letter block: ${JSON.stringify(unknown)}`);
    }
  }
}

/** The body paragraphs, in the order the PDF prints them; the letterhead only without a template. */
function bodyXml(view: LetterView, withLetterhead: boolean): string {
  const references = [...view.references.map((r) => `${r.label}: ${r.value}`), `Date: ${formatLongDate(view.date)}`];
  const signature = [view.signatory.name, view.signatory.title, view.signatory.authority].filter((s) => s !== '');
  return [
    withLetterhead ? para('DiscloseLetterhead', view.letterhead.name, { bold: true, align: 'right' }) : '',
    withLetterhead && view.letterhead.lines.length ? para('DiscloseDetails', view.letterhead.lines.join('\n'), { align: 'right' }) : '',
    para('DiscloseRecipient', view.recipient.join('\n')),
    para('DiscloseDetails', references.join('\n'), { align: 'right' }),
    para('DiscloseSubject', view.subject, { bold: true }),
    para('Normal', view.salutation),
    ...view.blocks.map(bodyBlock),
    para('Normal', view.closing),
    para('DiscloseSignature', signature.join('\n')),
  ].join('');
}

const A4_SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';

function documentXml(body: string, sectPr: string): string {
  return `${HEADER}<w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${body}${sectPr}</w:body></w:document>`;
}

// Styles a template may lack; each is added only when the template does not define that id.
const OWN_STYLES: Record<string, string> = {
  Normal: `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="160" w:line="276" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="22"/></w:rPr></w:style>`,
  Heading2: `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`,
  Quote: `<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr></w:style>`,
  ListBullet: `<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="80"/><w:ind w:left="567" w:hanging="283"/></w:pPr></w:style>`,
  DiscloseLetterhead: `<w:style w:type="paragraph" w:customStyle="1" w:styleId="DiscloseLetterhead"><w:name w:val="Letterhead"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:sz w:val="30"/></w:rPr></w:style>`,
  DiscloseDetails: `<w:style w:type="paragraph" w:customStyle="1" w:styleId="DiscloseDetails"><w:name w:val="Letter details"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="19"/></w:rPr></w:style>`,
  DiscloseRecipient: `<w:style w:type="paragraph" w:customStyle="1" w:styleId="DiscloseRecipient"><w:name w:val="Recipient"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="480"/></w:pPr></w:style>`,
  DiscloseSubject: `<w:style w:type="paragraph" w:customStyle="1" w:styleId="DiscloseSubject"><w:name w:val="Letter subject"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:before="360"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`,
  DiscloseSignature: `<w:style w:type="paragraph" w:customStyle="1" w:styleId="DiscloseSignature"><w:name w:val="Signature block"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="720"/></w:pPr></w:style>`,
};

function stylesXml(existing: string | null): string {
  if (existing === null) return `${HEADER}<w:styles xmlns:w="${W}">${Object.values(OWN_STYLES).join('')}</w:styles>`;
  const missing = Object.entries(OWN_STYLES)
    .filter(([id]) => !new RegExp(`w:styleId="${id}"`).test(existing))
    .map(([, xml]) => xml)
    .join('');
  if (!existing.includes('</w:styles>')) throw new DiscloseError('VALIDATION', 'The Word template cannot be read: its styles part is damaged.');
  return existing.replace('</w:styles>', `${missing}</w:styles>`);
}

function coreXml(view: LetterView): string {
  const when = `${view.date}T00:00:00Z`;
  return (
    `${HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(view.title)}</dc:title><dc:creator>${esc(view.letterhead.name)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** A complete .docx for the letter, in Disclose's own plain style. */
function standalone(view: LetterView): ZipEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      bytes: utf8(
        `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      bytes: utf8(
        `${HEADER}<Relationships xmlns="${PKG_REL}">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          '</Relationships>',
      ),
    },
    { name: 'docProps/core.xml', bytes: utf8(coreXml(view)) },
    {
      name: 'word/_rels/document.xml.rels',
      bytes: utf8(`${HEADER}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
    },
    { name: 'word/styles.xml', bytes: utf8(stylesXml(null)) },
    { name: 'word/document.xml', bytes: utf8(documentXml(bodyXml(view, true), A4_SECTION)) },
  ];
}

/**
 * The authority's template with the letter as its body: every other part (headers and footers
 * with the letterhead, images, numbering, settings) is kept, and so is the template's own last
 * section (page size, margins, which header goes where).
 */
function fromTemplate(view: LetterView, template: Uint8Array): ZipEntry[] {
  const parts = readZip(template);
  const doc = parts.find((p) => p.name === 'word/document.xml');
  if (!doc) throw new DiscloseError('VALIDATION', 'The Word template cannot be read: it has no word/document.xml (is it a .docx?).');
  const xml = Buffer.from(doc.bytes).toString('utf8');
  const open = /<w:body>/.exec(xml);
  const close = xml.lastIndexOf('</w:body>');
  if (!open || close < open.index) throw new DiscloseError('VALIDATION', 'The Word template cannot be read: its document has no body.');
  const inner = xml.slice(open.index + open[0].length, close);
  const sect = inner.lastIndexOf('<w:sectPr');
  const sectPr = sect >= 0 ? inner.slice(sect) : A4_SECTION;
  const body = `${xml.slice(0, open.index + open[0].length)}${bodyXml(view, false)}${sectPr}${xml.slice(close)}`;
  const styles = parts.find((p) => p.name === 'word/styles.xml');
  return parts.map((p) => {
    if (p === doc) return { name: p.name, bytes: utf8(body) };
    if (p === styles) return { name: p.name, bytes: utf8(stylesXml(Buffer.from(p.bytes).toString('utf8'))) };
    if (p.name === 'docProps/core.xml') return { name: p.name, bytes: utf8(coreXml(view)) };
    return p;
  });
}

/** The parts of the letter's .docx, ready for writeZip. */
export function letterDocx(view: LetterView, template?: Uint8Array | null): ZipEntry[] {
  return template ? fromTemplate(view, template) : standalone(view);
}
