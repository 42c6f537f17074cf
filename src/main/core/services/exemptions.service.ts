// Exemptions applied to a case or to an item in it, with the reasoning the ICO will ask for:
// engagement, the public interest for and against, the balance, who decided and when, and for s36
// the qualified person's opinion, and the DPA exemptions' own questions. Applying one the case
// already has updates it. Each regime takes only its own law (rules.ts).
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { AppliedExemption } from '../../../shared/domain/exemptions/types';
import { findEntry, formatProvision, parseProvision } from '../../../shared/domain/exemptions/catalogue';
import { actAllowed, ncndRefusal, reasoningProblems } from '../../../shared/domain/exemptions/rules';
import { requireCase } from '../repositories/cases.repository';
import { deleteApplied, findApplied, listApplied, upsertApplied } from '../repositories/exemptions.repository';

const DEFAULT_ACT = { foia: 'FOIA', eir: 'EIR', eisr: 'EISR', foisa: 'FOISA', sar: 'DPA' } as const;

function parse(text: string, regime: keyof typeof DEFAULT_ACT) {
  try {
    return parseProvision(text, DEFAULT_ACT[regime]);
  } catch (err) {
    throw new DiscloseError('VALIDATION', (err as Error).message, { provision: (err as Error).message });
  }
}

export async function listExemptions(ctx: CoreContext, reference: string): Promise<AppliedExemption[]> {
  return listApplied(ctx.db, (await requireCase(ctx.db, reference)).id);
}

export async function applyExemption(ctx: CoreContext, input: ParsedInput<'exemptions:apply'>): Promise<AppliedExemption[]> {
  const today = ctx.today();
  const caseId = await ctx.write(async ({ db: trx, audit, now, actor }) => {
    const found = await requireCase(trx, input.reference);
    const ref = parse(input.provision, found.record.regime);
    const wrongLaw = actAllowed(found.record.regime, ref.act);
    if (wrongLaw) throw new DiscloseError('VALIDATION', wrongLaw, { provision: wrongLaw });
    const entry = findEntry(ref);
    if (!entry) throw new DiscloseError('VALIDATION', `${formatProvision(ref)} is not an exemption or exception Disclose knows.`, { provision: 'Not in the catalogue' });
    const before = await findApplied(trx, found.id, { ref, item: input.item });
    const ncnd = input.ncnd ?? before?.ncnd ?? false;
    const noNcnd = ncnd ? ncndRefusal(ref) : null;
    if (noNcnd) throw new DiscloseError('VALIDATION', noNcnd, { ncnd: noNcnd });
    const reasoning = { ...(before?.reasoning ?? {}), ...(input.reasoning ?? {}) };
    const badFields = reasoningProblems(ref, reasoning);
    if (badFields) throw new DiscloseError('VALIDATION', badFields, { reasoning: badFields });
    // Fields not given keep what was recorded: re-applying to add the balance keeps the factors.
    const merged: AppliedExemption = {
      ref,
      item: input.item,
      ncnd,
      engagement: input.engagement ?? before?.engagement ?? '',
      publicInterestFor: input.publicInterestFor ?? before?.publicInterestFor ?? '',
      publicInterestAgainst: input.publicInterestAgainst ?? before?.publicInterestAgainst ?? '',
      balance: input.balance ?? before?.balance ?? '',
      decidedBy: input.decidedBy ?? before?.decidedBy ?? actor,
      decidedOn: input.decidedOn ?? before?.decidedOn ?? today,
      qualifiedPerson: input.qualifiedPerson ?? before?.qualifiedPerson ?? null,
      reasoning: Object.fromEntries(Object.entries(reasoning).filter(([, v]) => v.trim() !== '')),
    };
    await upsertApplied(trx, found.id, merged, now.toISOString());
    await audit({
      action: before ? 'exemption.updated' : 'exemption.applied',
      caseId: found.id,
      summary: `${before ? 'Updated' : 'Applied'} ${formatProvision(ref)}${input.item ? ` to ${input.item}` : ''}${merged.ncnd ? ' (neither confirm nor deny)' : ''}`,
      detail: { before: before ?? null, after: merged },
    });
    return found.id;
  });
  return listApplied(ctx.db, caseId);
}

export async function removeExemption(ctx: CoreContext, input: ParsedInput<'exemptions:remove'>): Promise<AppliedExemption[]> {
  const caseId = await ctx.write(async ({ db: trx, audit }) => {
    const found = await requireCase(trx, input.reference);
    const ref = parse(input.provision, found.record.regime);
    const before = await findApplied(trx, found.id, { ref, item: input.item });
    if (!before) throw new DiscloseError('NOT_FOUND', `${formatProvision(ref)} is not applied${input.item ? ` to ${input.item}` : ''} on ${input.reference}.`);
    await deleteApplied(trx, found.id, { ref, item: input.item });
    await audit({ action: 'exemption.removed', caseId: found.id, summary: `Removed ${formatProvision(ref)}${input.item ? ` from ${input.item}` : ''}`, detail: { before } });
    return found.id;
  });
  return listApplied(ctx.db, caseId);
}
