// The fonts letters are printed in. The standard 14 PDF fonts are WinAnsi only and cannot encode
// most requesters' names, so we embed Noto Sans (Latin, Greek, Cyrillic, Vietnamese) and fall back
// to Droid Sans Fallback for CJK. Licences sit beside the files in resources/fonts/.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** The raw TrueType bytes, read once per process and shared by every document. */
export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly fallback: Uint8Array;
}

/** Fonts embedded in one document; a PDFFont cannot be reused in another document. */
export interface LetterFonts {
  regular: PDFFont;
  bold: PDFFont;
  fallback: PDFFont;
}

export const FONT_FILE_NAMES: Record<keyof FontFiles, string> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  fallback: 'DroidSansFallbackFull.ttf',
};

/**
 * PDF 32000-1 §9.6.4: a subset font's name starts with a six-letter tag and '+', which tells
 * viewers and PDF/A checkers it is a subset (pdf-lib's own '-1234' suffix does not). The tags are
 * fixed so the output stays the same run to run; they differ so no viewer confuses two subsets.
 */
const SUBSET_NAMES: Record<keyof FontFiles, string> = {
  regular: 'DSCLRG+NotoSans-Regular',
  bold: 'DSCLBD+NotoSans-Bold',
  fallback: 'DSCLFB+DroidSansFallback',
};

// Keyed by folder; the promise is cached so concurrent first renders read the files once.
const cache = new Map<string, Promise<FontFiles>>();

/** Reads the three font files from `<resourcesDir>/fonts`, once per folder. */
export function loadFontFiles(resourcesDir: string): Promise<FontFiles> {
  const dir = resolve(resourcesDir, 'fonts');
  let pending = cache.get(dir);
  if (!pending) {
    const read = (name: string) => readFile(join(dir, name)).then((b) => new Uint8Array(b));
    pending = Promise.all([read(FONT_FILE_NAMES.regular), read(FONT_FILE_NAMES.bold), read(FONT_FILE_NAMES.fallback)]).then(
      ([regular, bold, fallback]) => ({ regular, bold, fallback }),
    );
    // A failed read (folder missing while installing) must not be remembered forever.
    pending.catch(() => cache.delete(dir));
    cache.set(dir, pending);
  }
  return pending;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` table in the short format (offsets halved)
 * without padding glyph records to an even length, so every glyph after an odd-length one is
 * read from the wrong place and prints blank while pdftotext still finds the text: in our fonts,
 * every CJK character (Hopding/pdf-lib#1232; fixed upstream by foliojs/fontkit#191, never
 * released in the fork). Presetting the long format, as that fix does, makes `preEncode` keep the
 * offsets as they are. TTFSubset assigns `this.loca` afresh in each `encode`, hence the setter.
 */
export const fontkitWithLongLoca: Fontkit = {
  create(data, postscriptName) {
    const font = fontkit.create(data, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      let loca: unknown;
      Object.defineProperty(subset, 'loca', {
        configurable: true,
        get: () => loca,
        set: (value: unknown) => {
          if (value !== null && typeof value === 'object') (value as { version?: number }).version = 1;
          loca = value;
        },
      });
      return subset;
    };
    return font;
  },
};

/**
 * Embeds the fonts in `doc`. `subset: true` keeps only the glyphs used: the CJK fallback is
 * 4 MB whole, a few kilobytes subset.
 */
export async function embedFonts(doc: PDFDocument, files: FontFiles): Promise<LetterFonts> {
  doc.registerFontkit(fontkitWithLongLoca);
  const regular = await doc.embedFont(files.regular, { subset: true, customName: SUBSET_NAMES.regular });
  const bold = await doc.embedFont(files.bold, { subset: true, customName: SUBSET_NAMES.bold });
  const fallback = await doc.embedFont(files.fallback, { subset: true, customName: SUBSET_NAMES.fallback });
  return { regular, bold, fallback };
}
