// Text out of a PDF an officer files (a request scanned by the post room, a letter, a report), for
// search and for redaction review. pdf.js runs in this process with no worker, no eval, no font
// loading and no network; whatever a PDF does, the answer is a status, never an exception.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PdfText {
  status: 'ok' | 'encrypted' | 'unreadable';
  text: string;
  pages: number;
  reason: string | null;
}

export const MAX_PAGES = 2000; // a bundle larger than this is a scan dump: index the start, say so
export const MAX_TEXT_CHARS = 5 * 1024 * 1024; // about 5 MB of text, far beyond any letter

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// Where pdf.js keeps its character maps (needed to read text in many CJK fonts), as a file path.
export function packageFolder(file: string): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), file) + '/';
  } catch {
    return undefined; // text in fonts with predefined CMaps may then be missing; the rest still reads
  }
}

let loading: Promise<Pdfjs> | null = null;
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    // Register the worker code on the main thread, so pdf.js never spawns or fetches a worker.
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(/* @vite-ignore */ workerModule);
    // On load pdf.js warns that it cannot polyfill DOMMatrix/Path2D for page rendering (its canvas
    // package is stubbed out: see scripts/stubs). Text extraction needs neither, so those two
    // start-up warnings are dropped; every other message gets through.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!/Cannot polyfill `(DOMMatrix|Path2D)`/.test(String(args[0]))) warn(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const unreadable = (reason: string, pages = 0): PdfText => ({ status: 'unreadable', text: '', pages, reason });

export interface PdfLimits {
  maxPages: number;
  maxTextChars: number;
}

/**
 * How the core opens a PDF with pdf.js, for text and for redaction alike: no fonts installed, no
 * fetching, no script engine, no XFA, and recover what it can from a damaged page. pdf.js 6 no
 * longer evaluates generated code (the old isEvalSupported switch is gone).
 */
export function documentOptions(pdfjs: Pdfjs, bytes: Uint8Array) {
  return {
    // A plain copy: pdf.js transfers (detaches) the buffer it is given, and refuses a Buffer.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false, // recover what text it can from a damaged page
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: packageFolder('standard_fonts'),
  };
}

export async function extractPdfText(bytes: Uint8Array, limits: PdfLimits = { maxPages: MAX_PAGES, maxTextChars: MAX_TEXT_CHARS }): Promise<PdfText> {
  const { maxPages, maxTextChars } = limits;
  if (bytes.length === 0) return unreadable('The file is empty.');
  let pdfjs: Pdfjs;
  try {
    pdfjs = await loadPdfjs();
  } catch (error) {
    return unreadable(`The PDF reader could not be loaded: ${describe(error)}`);
  }

  const task = pdfjs.getDocument(documentOptions(pdfjs, bytes));

  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    // Only a user (open) password stops reading; an owner password alone does not reach here.
    if (error instanceof Error && error.name === 'PasswordException') {
      return { status: 'encrypted', text: '', pages: 0, reason: 'The PDF is protected by a password.' };
    }
    return unreadable(`The PDF could not be opened: ${describe(error)}`);
  }

  const notes: string[] = [];
  const pageTexts: string[] = [];
  let length = 0;
  let truncated = false;
  try {
    const pages = pdf.numPages;
    const last = Math.min(pages, maxPages);
    if (pages > maxPages) notes.push(`Only the first ${maxPages} of ${pages} pages were read.`);
    for (let number = 1; number <= last && !truncated; number++) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        let text = '';
        for (const item of content.items) {
          if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
        }
        page.cleanup();
        text = text.replace(/[ \t]+\n/gu, '\n').trim();
        pageTexts.push(text);
        length += text.length + 2;
        truncated = length > maxTextChars && number < last;
      } catch (error) {
        notes.push(`Page ${number} could not be read: ${describe(error)}`);
      }
    }
    let text = pageTexts.filter(Boolean).join('\n\n');
    if (text.length > maxTextChars) {
      text = text.slice(0, maxTextChars);
      truncated = true;
    }
    if (truncated) notes.push(`The text was cut at ${maxTextChars} characters.`);
    if (!text && pageTexts.length > 0) notes.push('The PDF has no text layer (it may be a scan); no text was extracted.');
    return { status: 'ok', text, pages, reason: notes.length > 0 ? notes.join(' ') : null };
  } catch (error) {
    return unreadable(`The PDF could not be read: ${describe(error)}`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
