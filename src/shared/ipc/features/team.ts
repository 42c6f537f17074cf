// The team: who is working (and on which register), the officers, allocation, internal notes,
// and each officer's load.
import { z } from 'zod';
import { channel } from '../define';
import { isoDate, line, reference, requiredText } from '../fields';
import { caseDetail } from './cases';

const login = z.string().trim().min(1, 'Enter a login').max(63, 'A login has at most 63 characters');

const note = z.object({ id: z.number().int(), author: z.string(), at: z.string(), text: z.string() });

export const team = {
  'team:whoami': channel(
    z.object({}),
    z.object({
      /** 'sqlite': this machine's own register; 'postgres': the team database. */
      engine: z.enum(['sqlite', 'postgres']),
      actor: z.string(),
      lead: z.boolean(),
      /** The team database's address without its password; null on a local register. */
      database: z.string().nullable(),
    }),
  ),
  'team:officers': channel(z.object({}), z.array(z.object({ login: z.string(), name: z.string(), lead: z.boolean() }))),
  'team:workload': channel(
    z.object({ today: isoDate.optional() }),
    z.array(z.object({ officer: z.string().nullable(), name: z.string(), active: z.number().int(), overdue: z.number().int(), dueThisWeek: z.number().int(), onHold: z.number().int() })),
  ),
  /** Tries a team database address (postgres://…) as this machine's app would open it. */
  'team:test': channel(z.object({ url: line(2000) }), z.object({ database: z.string(), login: z.string(), lead: z.boolean(), ready: z.boolean() })),
  /** Which register the app opens from its next start: the team database (tested first), or null for this computer's own. */
  'team:choose': channel(z.object({ url: line(2000).nullable() }), z.object({ database: z.string().nullable(), restartNeeded: z.boolean() })),
  'cases:assign': channel(z.object({ reference, to: login }), caseDetail),
  'cases:notes': channel(z.object({ reference }), z.array(note)),
  'cases:addNote': channel(z.object({ reference, text: requiredText(20_000, 'the note') }), z.array(note)),
};
