// The correspondence feature over the core (contract: src/shared/ipc/features/correspondence.ts).
import type { correspondence } from '../../../shared/ipc/features/correspondence';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import {
  addCorrespondence,
  attachmentContent,
  caseCorrespondence,
  importBytes,
  importChosen,
  importTickets,
  markCorrespondence,
  saveAttachment,
  search,
  setAttachmentRole,
  voidCorrespondence,
} from '../services/correspondence.service';
import { readTextNow, textProgress } from '../services/text-reader.service';

export const correspondenceHandlers = (ctx: CoreContext) =>
  ({
    'correspondence:list': (input) => caseCorrespondence(ctx, input.reference),
    'correspondence:add': (input) => addCorrespondence(ctx, input),
    'correspondence:mark': (input) => markCorrespondence(ctx, input),
    'correspondence:void': (input) => voidCorrespondence(ctx, input),
    'correspondence:import': (input) => importBytes(ctx, input),
    'correspondence:importChosen': (input) => importChosen(ctx, input),
    'correspondence:importFiles': (input) => importTickets(ctx, input),
    'files:opened': async () => (await ctx.host.openedFiles?.()) ?? [],
    'attachments:content': (input) => attachmentContent(ctx, input.id),
    'attachments:save': (input) => saveAttachment(ctx, input.id),
    'attachments:setRole': (input) => setAttachmentRole(ctx, input.id, input.role),
    'text:pending': (input) => textProgress(ctx, input.reference),
    'text:read': () => readTextNow(ctx),
    'search:query': (input) => search(ctx, input.query, input.limit),
  }) satisfies FeatureHandlers<typeof correspondence>;
