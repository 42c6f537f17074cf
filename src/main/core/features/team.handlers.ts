// The team feature over the core (contract: src/shared/ipc/features/team.ts).
import type { team } from '../../../shared/ipc/features/team';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { addNote, assignCase, caseNotes, chooseRegister, officers, testTeamDatabase, workload } from '../services/team.service';

export const teamHandlers = (ctx: CoreContext) =>
  ({
    'team:whoami': async () => ({ engine: ctx.engine, actor: ctx.actor, lead: ctx.lead, database: ctx.databaseShown }),
    'team:officers': () => officers(ctx),
    'team:workload': (input) => workload(ctx, input.today ?? ctx.today()),
    'team:test': (input) => testTeamDatabase(input.url),
    'team:choose': (input) => chooseRegister(ctx, input.url),
    'cases:assign': (input) => assignCase(ctx, input.reference, input.to),
    'cases:notes': (input) => caseNotes(ctx, input.reference),
    'cases:addNote': (input) => addNote(ctx, input.reference, input.text),
  }) satisfies FeatureHandlers<typeof team>;
