// Retention and anonymisation. A policy per regime (a default with its source, editable); a review
// list of cases past their date; destruction only on confirmation, keeping what the statistics
// need. The audit log stays append-only and hash-chained: a destroyed or anonymised case's audit
// rows are redacted in place (content replaced, hashes and time kept, redacted_at set), so the
// chain still verifies, the redaction is visible, and a new row records it without personal data.
import { addYears, format, parseISO } from 'date-fns';
import { DiscloseError } from '../../../shared/errors';
import { REGIMES, type Regime } from '../../../shared/domain/clocks/events';
import type { RetentionOutcome, RetentionPolicy, RetentionView } from '../../../shared/ipc/contract';
import type { CoreContext } from '../context';
import { getRequester, requireCase } from '../repositories/cases.repository';
import { getMeta, setMeta } from '../repositories/holidays.repository';
import { activeLeases } from '../repositories/checkout.repository';
import { anonymiseCaseRow, anonymiseCorrespondence, countDestroyed, destroyCaseContent, dropUnreferencedBlobs, redactCaseAudit, replacer, retentionRows } from '../repositories/retention.repository';
import { eraseLog, erasingDeleted } from '../repositories/records.repository';

/** The default: 3 years after the last action, 6 where the requester went to the regulator or the
 * tribunal. Authorities set their own periods in their retention schedule: edit to match it. */
export const DEFAULT_RETENTION = { years: 3, appealYears: 6 } as const;
export const RETENTION_SOURCE =
  'The National Archives, retention scheduling guidance for FOI and EIR request files (request files kept for 3 years after the last action, 6 years where there was a complaint or appeal); the same is applied to FOISA and subject access files. Check against your authority\'s retention schedule.';

const policyKey = (r: Regime) => `retention.policy.${r}`;

async function policies(ctx: CoreContext): Promise<RetentionPolicy[]> {
  const out: RetentionPolicy[] = [];
  for (const regime of REGIMES) {
    const raw = await getMeta(ctx.db, policyKey(regime));
    const p = raw ? (JSON.parse(raw) as { years: number; appealYears: number }) : DEFAULT_RETENTION;
    out.push({ regime, years: p.years, appealYears: p.appealYears, source: raw ? 'Set by the authority' : RETENTION_SOURCE, edited: raw !== undefined });
  }
  return out;
}

async function candidates(ctx: CoreContext, asOf: string) {
  const byRegime = new Map((await policies(ctx)).map((p) => [p.regime, p]));
  const rows = await retentionRows(ctx.db);
  return rows
    .filter((r) => r.finished)
    .map((r) => {
      const p = byRegime.get(r.regime as Regime)!;
      const destroyFrom = format(addYears(parseISO(r.lastAction), r.appealed ? p.appealYears : p.years), 'yyyy-MM-dd');
      return { id: r.id, reference: r.reference, regime: r.regime as Regime, lastAction: r.lastAction, destroyFrom, appealed: r.appealed === 1 };
    })
    .filter((c) => c.destroyFrom <= asOf)
    .sort((a, b) => a.destroyFrom.localeCompare(b.destroyFrom) || a.reference.localeCompare(b.reference));
}

export async function retentionView(ctx: CoreContext, asOf = ctx.today()): Promise<RetentionView> {
  const due = (await candidates(ctx, asOf)).map(({ id: _id, ...c }) => c);
  return { policies: await policies(ctx), due, destroyed: await countDestroyed(ctx.db), asOf };
}

export async function setRetentionPolicy(ctx: CoreContext, input: { regime: Regime; years: number; appealYears: number }): Promise<RetentionView> {
  if (input.appealYears < input.years) throw new DiscloseError('VALIDATION', 'Files with a complaint or appeal are kept at least as long as the others.', { appealYears: 'Must be at least the ordinary period' });
  await ctx.write(async ({ db: trx, audit }) => {
    await setMeta(trx, policyKey(input.regime), JSON.stringify({ years: input.years, appealYears: input.appealYears }));
    await audit({ action: 'retention.policy', caseId: null, summary: `Retention for ${input.regime.toUpperCase()}: ${input.years} years after the last action, ${input.appealYears} after a complaint or appeal`, detail: input });
  });
  return retentionView(ctx);
}

/** Destroys every case whose retention ended before `before` (and not after today). */
export async function applyRetention(ctx: CoreContext, before: string): Promise<RetentionOutcome> {
  const today = ctx.today();
  // A case checked out to an officer's computer waits for its return (the team database would refuse it).
  const out = new Set(ctx.engine === 'postgres' ? (await activeLeases(ctx.db)).map((l) => l.case_id) : []);
  const due = (await candidates(ctx, today)).filter((c) => c.destroyFrom < before && !out.has(c.id));
  let removed: string[] = [];
  const sqlite = ctx.sqlite; // its secure_delete set by the write itself (erasingDeleted)
  await ctx.write(({ db: trx, audit, now: at }) => erasingDeleted(sqlite, async () => {
    const now = at.toISOString();
    for (const c of due) {
      await destroyCaseContent(trx, c.id, now);
      const redacted = await redactCaseAudit(trx, c.id, now, 'content destroyed under the retention policy');
      await audit({
        action: 'case.destroyed',
        caseId: c.id,
        summary: `Destroyed the content of ${c.reference} under the retention policy (last action ${c.lastAction}, retained until ${c.destroyFrom})`,
        detail: { regime: c.regime, lastAction: c.lastAction, destroyFrom: c.destroyFrom, auditRowsRedacted: redacted },
      });
    }
    removed = await dropUnreferencedBlobs(trx);
  }));
  await eraseLog(sqlite);
  // Files go only after the records that named them are gone for good.
  for (const sha of removed) ctx.blobs.remove(sha);
  return { destroyed: due.map((c) => c.reference), blobsRemoved: removed.length };
}

/** Replaces the requester's details wherever the case stores them, search index included. */
export async function anonymiseCase(ctx: CoreContext, reference: string): Promise<{ reference: string; replaced: number }> {
  let removed: string[] = [];
  let replaced = 0;
  let ref = reference;
  const sqlite = ctx.sqlite; // its secure_delete set by the write itself (erasingDeleted)
  await ctx.write(({ db: trx, audit, now: at }) => erasingDeleted(sqlite, async () => {
    const found = await requireCase(trx, reference);
    ref = found.record.reference;
    const req = await getRequester(trx, found.requesterId);
    const words = [req.name, req.email, req.address, req.organisation, ...req.address.split('\n'), ...req.name.split(/\s+/).filter((w) => w.length >= 3)];
    const replace = replacer(words, '[requester]');
    const now = at.toISOString();
    replaced = await anonymiseCorrespondence(trx, found.id, replace);
    await anonymiseCaseRow(trx, found.id, replace, `Anonymised requester (${found.record.reference})`, now);
    const redacted = await redactCaseAudit(trx, found.id, now, 'requester anonymised');
    await audit({ action: 'case.anonymised', caseId: found.id, summary: `Anonymised the requester of ${found.record.reference}`, detail: { itemsChanged: replaced, auditRowsRedacted: redacted } });
    removed = await dropUnreferencedBlobs(trx);
  }));
  await eraseLog(sqlite);
  for (const sha of removed) ctx.blobs.remove(sha);
  return { reference: ref, replaced };
}
