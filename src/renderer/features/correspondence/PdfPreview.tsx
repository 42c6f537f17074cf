// PDF pages drawn in the app with pdf.js (loaded only when a PDF is previewed), a few at a time;
// if a page cannot be drawn, the extracted text is shown instead.
import { useEffect, useRef, useState } from 'react';

const PAGES_AT_A_TIME = 3;

type PdfDoc = { numPages: number; getPage(n: number): Promise<PdfPage> };
type LoadingTask = { promise: Promise<unknown>; destroy(): Promise<void> };
type PdfPage = {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvasContext: CanvasRenderingContext2D; viewport: unknown; canvas: HTMLCanvasElement }): { promise: Promise<void> };
};

async function openPdf(base64: string): Promise<LoadingTask> {
  const pdfjs = await import('pdfjs-dist');
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  // From bytes only: nothing is fetched from anywhere.
  return pdfjs.getDocument({ data: bytes, disableAutoFetch: true, disableStream: true }) as unknown as LoadingTask;
}

function Page({ doc, n, total, name }: { doc: PdfDoc; n: number; total: number; name: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = ref.current;
        if (!canvas || cancelled) return;
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await page.render({ canvasContext: canvas.getContext('2d')!, viewport, canvas }).promise;
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [doc, n]);
  if (failed) return <p className="govuk-body-s">Page {n} could not be drawn.</p>;
  return <canvas ref={ref} className="app-pdf-page" role="img" aria-label={`Page ${n} of ${total} of ${name}`} data-testid="pdf-page" />;
}

export function PdfPreview({ base64, text, name }: { base64: string; text: string | null; name: string }) {
  const [doc, setDoc] = useState<PdfDoc | null>(null);
  const [error, setError] = useState(false);
  const [shown, setShown] = useState(PAGES_AT_A_TIME);
  useEffect(() => {
    let task: LoadingTask | null = null;
    let closed = false;
    openPdf(base64)
      .then((t) => {
        task = t;
        if (closed) return t.destroy();
        return t.promise.then((d) => setDoc(d as PdfDoc));
      })
      .catch(() => setError(true));
    return () => {
      closed = true;
      void task?.destroy();
    };
  }, [base64]);
  if (error) return text ? <pre className="app-preview-text">{text}</pre> : <p className="govuk-body-s">This PDF cannot be shown: save a copy to open it.</p>;
  if (!doc) return <p className="govuk-body-s">Opening {name}…</p>;
  const pages = Array.from({ length: Math.min(shown, doc.numPages) }, (_, i) => i + 1);
  return (
    <div className="app-pdf">
      {pages.map((n) => (
        <Page key={n} doc={doc} n={n} total={doc.numPages} name={name} />
      ))}
      {shown < doc.numPages && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setShown((s) => s + PAGES_AT_A_TIME)}>
          Show more pages ({doc.numPages - shown} left)
        </button>
      )}
    </div>
  );
}
