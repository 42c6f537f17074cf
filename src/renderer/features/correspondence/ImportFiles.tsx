// Adding files to a case: drop several at once, or choose them with the file picker (the
// keyboard route). Each file is imported in turn, with progress and a result per file.
import { useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { ImportOutcome } from '../../../shared/domain/correspondence';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(file);
  });
}

export function ImportFiles({ reference }: { reference: string }) {
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);

  // In the desktop app each file is read by path in main (a one-time ticket from the preload);
  // in the browser fallback there are no paths, so its bytes travel instead.
  async function importOne(f: File): Promise<ImportOutcome> {
    if (window.api.fileTickets) {
      const [ticket] = await window.api.fileTickets([f]);
      if (!ticket) return { added: [], skipped: [{ file: f.name, reason: `${f.name} could not be read: drop a file saved on this computer.` }] };
      return call('correspondence:importFiles', { reference, tokens: [ticket.token] });
    }
    return call('correspondence:import', { reference, files: [{ name: f.name, data: await toBase64(f) }] });
  }

  async function importAll(files: File[]) {
    if (files.length === 0) return;
    const out: ImportOutcome = { added: [], skipped: [] };
    for (const [i, f] of files.entries()) {
      setProgress({ done: i, total: files.length, name: f.name });
      try {
        const r = await importOne(f);
        out.added.push(...r.added);
        out.skipped.push(...r.skipped);
      } catch (err) {
        out.skipped.push({ file: f.name, reason: (err as Error).message });
      }
    }
    setProgress(null);
    setResult(out);
    await qc.invalidateQueries({ queryKey: ['cases', reference] });
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void importAll([...e.dataTransfer.files]);
  };

  return (
    <div className="govuk-!-margin-bottom-6">
      <div
        className={`app-dropzone${over ? ' app-dropzone--over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className="govuk-form-group govuk-!-margin-bottom-0">
          <label className="govuk-label govuk-label--s" htmlFor="import-files">
            Add emails and files
          </label>
          <div id="import-files-hint" className="govuk-hint">
            Drag Outlook messages (.msg), saved emails (.eml) or any other files here, or choose them. Emails keep their headers and attachments.
          </div>
          <input
            ref={input}
            className="govuk-file-upload"
            id="import-files"
            name="import-files"
            type="file"
            multiple
            aria-describedby="import-files-hint"
            onChange={(e) => {
              void importAll([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      <div role="status" aria-live="polite">
        {progress && (
          <p className="govuk-body" data-testid="import-progress">
            Importing {progress.done + 1} of {progress.total}: {progress.name}
            <progress className="app-progress" max={progress.total} value={progress.done} aria-hidden="true" />
          </p>
        )}
        {result && (
          <div data-testid="import-result">
            {result.added.length > 0 && (
              <p className="govuk-body">
                Added {result.added.length} {result.added.length === 1 ? 'item' : 'items'}.
              </p>
            )}
            {result.skipped.length > 0 && (
              <ul className="govuk-list">
                {result.skipped.map((s) => (
                  <li key={s.file}>
                    <strong>Not added:</strong> {s.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
