// "Open with Disclose" on an .eml or .msg file (or a double-click once associated): the desktop
// app holds the file as a one-time ticket and this panel asks which case it belongs to. Shown in
// the desktop app only (the browser fallback has no files opened by the system).
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { FileTicket } from '../../../shared/ipc/contract';
import { href } from '../../router';

export function OpenedFiles() {
  const qc = useQueryClient();
  const [files, setFiles] = useState<FileTicket[]>([]);
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const desktop = !!window.api?.fileTickets;
  const cases = useQuery({ queryKey: ['cases', 'list', 'active'], queryFn: () => call('cases:list', { filter: 'active' }), enabled: desktop && files.length > 0 });

  useEffect(() => {
    if (!desktop) return;
    const check = () => void call('files:opened', {}).then((more) => more.length && setFiles((f) => [...f, ...more]), () => {});
    check();
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [desktop]);

  if (files.length === 0 && !message) return null;

  async function add() {
    if (!reference) return;
    const out = await call('correspondence:importFiles', { reference, tokens: files.map((f) => f.token) });
    setFiles([]);
    setMessage(`Added ${out.added.length} of ${out.added.length + out.skipped.length} to ${reference}.${out.skipped.map((s) => ` ${s.reason}`).join('')}`);
    await qc.invalidateQueries({ queryKey: ['cases', reference] });
  }

  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="opened-files-title" data-testid="opened-files">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="opened-files-title">
          Files opened with Disclose
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {message ? (
          <p className="govuk-body">
            {message} <a href={href({ name: 'case', reference })}>Open the case</a>
          </p>
        ) : (
          <>
            <ul className="govuk-list govuk-list--bullet">
              {files.map((f) => (
                <li key={f.token}>{f.name}</li>
              ))}
            </ul>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="opened-files-case">
                Which case do they belong to?
              </label>
              <select className="govuk-select" id="opened-files-case" value={reference} onChange={(e) => setReference(e.target.value)}>
                <option value="">Choose a case</option>
                {(cases.data ?? []).map((c) => (
                  <option key={c.reference} value={c.reference}>
                    {c.reference}: {c.summary}
                  </option>
                ))}
              </select>
            </div>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" disabled={!reference} onClick={() => void add()}>
                Add to case
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setFiles([])}>
                Not now
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
