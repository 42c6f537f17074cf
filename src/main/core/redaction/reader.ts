// A PDF opened for redaction with pdf.js: each page's size as shown, its text as positioned runs,
// and the page rendered to pixels with black boxes burned in. Rendering needs the Skia canvas
// (@napi-rs/canvas and its platform binary); where it cannot load, the officer is told why.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DiscloseError } from '../../../shared/errors';
import type { Box, TextRun } from '../../../shared/domain/redaction';
import { documentOptions, loadPdfjs } from '../pdf/extract';

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;

export interface CanvasModule {
  loadError?: string;
  createCanvas(width: number, height: number): NapiCanvas;
  Image: new () => { src: Buffer; width: number; height: number };
  GlobalFonts: { registerFromPath(path: string, alias: string): unknown };
}
export interface NapiCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
  encode(format: 'png'): Promise<Buffer>;
  encode(format: 'jpeg', quality: number): Promise<Buffer>;
  /** The pixels as RGBA bytes (premultiplied). */
  data(): Buffer;
}

let canvasModule: CanvasModule | null = null;
const LABEL_FONT = 'Disclose Redaction Label';

/** The Skia canvas, or a clear refusal naming what is missing on this computer. */
export function loadCanvas(resourcesDir: string): CanvasModule {
  if (canvasModule) return canvasModule;
  let loaded: CanvasModule;
  try {
    loaded = createRequire(import.meta.url)('@napi-rs/canvas') as CanvasModule;
  } catch (err) {
    loaded = { loadError: (err as Error).message } as CanvasModule;
  }
  if (loaded.loadError || typeof loaded.createCanvas !== 'function') {
    throw new DiscloseError(
      'INTERNAL',
      `Pages cannot be rendered for redaction on this computer (${process.platform}-${process.arch}): the page renderer @napi-rs/canvas-${process.platform}-${process.arch} is not installed (${loaded.loadError ?? 'no canvas'}). Reinstall Disclose, or run npm ci on a supported platform (Linux x64, macOS, Windows x64).`,
    );
  }
  loaded.GlobalFonts.registerFromPath(join(resourcesDir, 'fonts', 'NotoSans-Bold.ttf'), LABEL_FONT);
  canvasModule = loaded;
  return loaded;
}

export interface PageGeometry {
  width: number;
  height: number;
  runs: TextRun[];
  /** The page's /Rotate (0, 90, 180 or 270): `shown` is false when the geometry is unturned. */
  rotation: number;
}

/** Shown: the page as a reader displays it (marks are made so); unturned: as its content is drawn. */
export type Orientation = 'shown' | 'unturned';

export interface BurnBox extends Box {
  label: string;
}

export interface RedactionReader {
  pages: number;
  geometry(page: number, orientation?: Orientation): Promise<PageGeometry>;
  /** The page at `dpi`, white behind, each box filled black with its label in white. */
  render(page: number, dpi: number, boxes: readonly BurnBox[], orientation?: Orientation): Promise<NapiCanvas>;
  close(): Promise<void>;
}

/** A text item placed in top-left page coordinates; rotated text as its bounding box. */
function toRun(pdfjs: Pdfjs, viewportTransform: number[], item: { str: string; transform: number[]; width: number }): TextRun {
  const t = pdfjs.Util.transform(viewportTransform, item.transform) as number[];
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  if (Math.abs(b) < 1e-3 * Math.abs(a) && a > 0 && d < 0) return { str: item.str, x: e, baseline: f, width: item.width, size, horizontal: true };
  const along = Math.hypot(a, b) || 1;
  const ux = (a / along) * item.width;
  const uy = (b / along) * item.width;
  // (c, d) is the glyphs' "up" in page space: the run's box reaches from the baseline that way.
  const vx = c;
  const vy = d;
  const xs = [e, e + ux, e + vx, e + ux + vx];
  const ys = [f, f + uy, f + vy, f + uy + vy];
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const h = Math.max(...ys) - y0 || size;
  // Expressed so that the run's core box (shared/domain/redaction.ts) is exactly this bounding box.
  const s = h / 0.85;
  return { str: item.str, x: x0, baseline: y0 + 0.7 * s, width: Math.max(...xs) - x0, size: s, horizontal: false };
}

export async function openReader(bytes: Uint8Array, resourcesDir: string): Promise<RedactionReader> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument(documentOptions(pdfjs, bytes));
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const what = err instanceof Error && err.name === 'PasswordException' ? 'it is protected by a password' : `it cannot be read (${(err as Error).message})`;
    throw new DiscloseError('VALIDATION', `The PDF cannot be redacted: ${what}.`);
  }
  return {
    pages: pdf.numPages,
    async geometry(n, orientation = 'shown') {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1, ...(orientation === 'unturned' ? { rotation: 0 } : {}) });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if ('str' in item && item.str.trim() !== '') runs.push(toRun(pdfjs, viewport.transform, item));
      }
      page.cleanup();
      return { width: viewport.width, height: viewport.height, runs, rotation: page.rotate };
    },
    async render(n, dpi, boxes, orientation = 'shown') {
      const canvasLib = loadCanvas(resourcesDir);
      const page = await pdf.getPage(n);
      const scale = dpi / 72;
      const viewport = page.getViewport({ scale, ...(orientation === 'unturned' ? { rotation: 0 } : {}) });
      const canvas = canvasLib.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const g = canvas.getContext('2d');
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: g, viewport, intent: 'print', annotationMode: pdfjs.AnnotationMode.DISABLE }).promise;
      page.cleanup();
      for (const b of boxes) burn(g, b, scale);
      return canvas;
    },
    async close() {
      await task.destroy().catch(() => undefined);
    },
  };
}

/** Fills a box black over every pixel it touches (rounded outward), then writes its label in it. */
function burn(g: CanvasRenderingContext2D, b: BurnBox, scale: number): void {
  const x0 = Math.floor(b.x * scale);
  const y0 = Math.floor(b.y * scale);
  const x1 = Math.ceil((b.x + b.w) * scale);
  const y1 = Math.ceil((b.y + b.h) * scale);
  g.globalAlpha = 1;
  g.globalCompositeOperation = 'source-over';
  g.fillStyle = '#000000';
  g.fillRect(x0, y0, x1 - x0, y1 - y0);
  const height = y1 - y0;
  let size = Math.min(10 * scale, height * 0.7);
  if (size < 4 * scale * 0.6 || !b.label) return;
  g.font = `${size}px "${LABEL_FONT}"`;
  const room = x1 - x0 - 2 * scale;
  let width = g.measureText(b.label).width;
  if (width > room) {
    size *= room / width;
    if (size < 4 * scale * 0.6) return;
    g.font = `${size}px "${LABEL_FONT}"`;
    width = g.measureText(b.label).width;
  }
  g.fillStyle = '#ffffff';
  g.textBaseline = 'middle';
  g.fillText(b.label, x0 + (x1 - x0 - width) / 2, y0 + height / 2);
}
