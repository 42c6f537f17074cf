// Taking team cases offline: the app's state (online, offline with copies, a register of its own),
// who has which case out, checking out and in, a lead's release, and the copies kept aside when a
// lease was lost, side by side with the live case.
import { z } from 'zod';
import { channel } from '../define';
import { id, isoDate, line, reference } from '../fields';

const risk = z.enum(['overdue', 'due-soon', 'lease-overdue']).nullable();

const lease = z.object({
  reference: z.string(),
  holder: z.string(),
  holderName: z.string(),
  /** When it was checked out (the team database's clock). */
  since: z.string(),
  /** When it is due back. */
  until: z.string(),
  /** The computer the copy went to, as it names itself. */
  device: z.string(),
  /** Checked out by the login asking. */
  mine: z.boolean(),
  /** Why it needs attention: its deadline passed or near while out, or it is due back. */
  risk,
  /** The deadline in force, if any. */
  due: z.string().nullable(),
});

const copy = z.object({
  reference: z.string(),
  takenAt: z.string(),
  until: z.string(),
  /** 'checking-in': sent and not yet confirmed; the copy is frozen until it is. */
  status: z.enum(['out', 'checking-in', 'returned']),
  outcome: z.enum(['checked-in', 'kept-aside']).nullable(),
  returnedAt: z.string().nullable(),
  /** Changes made offline so far. */
  changes: z.number().int(),
});

const pending = z.object({
  id: z.number().int(),
  reference: z.string(),
  officer: z.string(),
  submittedAt: z.string(),
  takenAt: z.string(),
  reason: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

const references = z.array(reference).min(1, 'Name at least one case').max(50, 'At most 50 cases at once');
/** A copy kept aside, by its number or by its case's reference (the latest not yet merged). */
const which = <T extends z.ZodRawShape>(extra: T) =>
  z
    .object({ id: id.optional(), reference: reference.optional(), ...extra })
    .refine((w) => ((w as { id?: number }).id === undefined) !== ((w as { reference?: string }).reference === undefined), 'Give the copy kept aside by its number or by its case reference');

export const checkout = {
  'checkout:state': channel(
    z.object({}),
    z.object({
      /** 'online': the team database; 'offline': the copies checked out to this computer; 'local': a register of its own. */
      mode: z.enum(['online', 'offline', 'local']),
      database: z.string().nullable(),
      login: z.string(),
      lead: z.boolean(),
      /** This computer's copies: out, being checked in, or kept aside when they came back. */
      copies: z.array(copy),
      /** Cases out that need attention (the login's own, or every one for a lead). */
      atRisk: z.array(lease),
      /** Copies kept aside and not yet merged (a lead sees all; an officer their own). */
      keptAside: z.number().int(),
      /** The app opens the copies from its next start even with the team database in reach. */
      workOffline: z.boolean(),
    }),
  ),
  'checkout:leases': channel(z.object({}), z.array(lease)),
  'checkout:case': channel(z.object({ reference }), z.object({ lease: lease.nullable(), copy: copy.nullable() })),
  'checkout:take': channel(
    z.object({ references, until: isoDate.optional() }),
    z.object({
      database: z.string(),
      folder: z.string(),
      login: z.string(),
      cases: z.array(z.object({ reference: z.string(), leaseId: z.number().int(), takenAt: z.string(), until: z.string(), serverVersion: z.number().int(), files: z.number().int() })),
    }),
  ),
  'checkout:checkin': channel(
    z.object({ references }),
    z.object({
      database: z.string(),
      folder: z.string(),
      remaining: z.number().int(),
      cases: z.array(
        z.object({
          reference: z.string(),
          outcome: z.enum(['checked-in', 'kept-aside', 'already']),
          changes: z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
          offline: z.number().int(),
          pendingId: z.number().int().nullable(),
          reason: z.string().nullable(),
        }),
      ),
    }),
  ),
  'checkout:release': channel(z.object({ reference, reason: line(500).default('') }), z.object({ reference: z.string(), holder: z.string(), releasedAt: z.string() })),
  'checkout:keptAside': channel(z.object({ all: z.boolean().default(false) }), z.array(pending)),
  'checkout:keptAsideCopy': channel(
    which({}),
    pending.extend({
      sections: z.array(
        z.object({
          table: z.string(),
          label: z.string(),
          rows: z.array(
            z.object({
              label: z.string(),
              state: z.enum(['added-offline', 'changed-offline', 'removed-offline', 'added-on-server', 'changed-on-server', 'removed-on-server', 'changed-both']),
              fields: z.array(z.object({ column: z.string(), checkedOut: z.string().nullable(), laptop: z.string().nullable(), live: z.string().nullable() })),
            }),
          ),
        }),
      ),
      offline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), summary: z.string() })),
    }),
  ),
  /** Whether the app opens the copies checked out to this computer from its next start, even with the team database in reach. */
  'checkout:workOffline': channel(z.object({ offline: z.boolean() }), z.object({ offline: z.boolean(), restartNeeded: z.boolean() })),
  'checkout:merged': channel(which({ note: line(1000).default('') }), pending),
};
