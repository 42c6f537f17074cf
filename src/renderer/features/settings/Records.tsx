// Backups and verification: the last good backup (with a warning when there is none or it is
// old), a backup now, where automatic backups go and how many are kept, and a check of the whole
// record (database, every stored file, the audit chain, content hashes) with what it found.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { WarningText } from '../../components/WarningText';
import type { BackupStatus, VerifyReport } from '../../../shared/ipc/contract';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });

function AutomaticBackups({ status }: { status: BackupStatus }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ folder: status.folder ?? '', everyHours: String(status.everyHours), keep: String(status.keep) });
  const save = useMutation({
    mutationFn: () => call('records:configureBackups', { folder: form.folder.trim() || null, everyHours: Number(form.everyHours), keep: Number(form.keep) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['backupStatus'] }),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fields = Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`backup-${k}`, v]));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <h3 className="govuk-heading-m">Automatic backups</h3>
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <TextInput
        id="backup-folder"
        label="Backup folder"
        hint="A folder on another disk or a network drive, as IT set it up. Leave empty to turn automatic backups off."
        value={form.folder}
        onChange={(v) => setForm((f) => ({ ...f, folder: v }))}
        error={fields['backup-folder']}
        spellCheck={false}
      />
      <TextInput id="backup-everyHours" label="Back up every (hours)" type="number" width="4" value={form.everyHours} onChange={(v) => setForm((f) => ({ ...f, everyHours: v }))} error={fields['backup-everyHours']} />
      <TextInput id="backup-keep" label="Backups to keep" type="number" width="4" value={form.keep} onChange={(v) => setForm((f) => ({ ...f, keep: v }))} error={fields['backup-keep']} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={save.isPending}>
        Save backup settings
      </button>
      {save.isSuccess && (
        <p className="govuk-body" role="status">
          Backup settings saved.
        </p>
      )}
    </form>
  );
}

function Findings({ report }: { report: VerifyReport }) {
  // The button is disabled while the check runs, which takes the focus from it: it goes to the findings.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  return (
    <div role="status" data-testid="verify-result" tabIndex={-1} ref={ref}>
      {report.ok ? (
        <p className="govuk-body">
          <strong>No problems found.</strong> Checked {report.checked.cases} cases, {report.checked.blobs} stored files and {report.checked.auditRows} audit entries.
        </p>
      ) : (
        <>
          <WarningText>
            The check found {report.problems.length} problem{report.problems.length === 1 ? '' : 's'}. Restore from a backup or ask IT for help.
          </WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {report.problems.map((p, i) => (
              <li key={i}>{p.detail}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function Records() {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['backupStatus'], queryFn: () => call('records:backupStatus', {}) });
  const backup = useMutation({ mutationFn: () => call('records:backupNow', { reason: 'manual' }), onSuccess: () => qc.invalidateQueries({ queryKey: ['backupStatus'] }) });
  const check = useMutation({ mutationFn: () => call('records:verify', {}) });
  const whoami = useQuery({ queryKey: ['team', 'whoami'], queryFn: () => call('team:whoami', {}) });
  const s = status.data;
  if (whoami.data?.engine === 'postgres') {
    // The team database is the server's: IT backs it up whole (attachments included); a lead checks it.
    return (
      <section aria-labelledby="records-heading" className="govuk-!-margin-top-8">
        <h2 className="govuk-heading-l" id="records-heading">
          Backups and checks
        </h2>
        <p className="govuk-body" data-testid="team-backups">
          The team database is backed up by IT on the server, with every case and stored file in it. Backup files from this computer are for a register kept on it.
        </p>
        {whoami.data.lead && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => check.mutate()} disabled={check.isPending}>
            Check the team database
          </button>
        )}
        {check.isPending && <p className="govuk-body">Checking the audit chain, the correspondence and every stored file…</p>}
        {check.error && <ErrorSummary errors={{}} message={check.error.message} />}
        {check.data && <Findings report={check.data} />}
      </section>
    );
  }
  return (
    <section aria-labelledby="records-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="records-heading">
        Backups and checks
      </h2>
      {s && (
        <>
          <p className="govuk-body" data-testid="last-backup">
            {s.last ? `Last good backup: ${when(s.last.at)}, to ${s.last.file}.` : 'No backup has been made yet.'}
          </p>
          {s.warning && <WarningText>{s.warning} Back up now, and keep the backup away from this computer.</WarningText>}
          <AutomaticBackups key={`${s.folder}-${s.everyHours}-${s.keep}`} status={s} />
        </>
      )}
      {backup.error && <ErrorSummary errors={{}} message={backup.error.message} />}
      {backup.data && (
        <p className="govuk-body" role="status">
          Backed up {backup.data.cases} cases and {backup.data.blobs} files to {backup.data.file}.
        </p>
      )}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => backup.mutate()} disabled={backup.isPending}>
          Back up now
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => check.mutate()} disabled={check.isPending}>
          Check the case files
        </button>
      </div>
      {check.isPending && <p className="govuk-body">Checking every record and stored file…</p>}
      {check.error && <ErrorSummary errors={{}} message={check.error.message} />}
      {check.data && <Findings report={check.data} />}
    </section>
  );
}
