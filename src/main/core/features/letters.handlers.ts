// The letters feature over the core (contract: src/shared/ipc/features/letters.ts).
import type { letters } from '../../../shared/ipc/features/letters';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { getDraft, listTemplates, resetTemplate, setDraft, updateTemplate } from '../services/letters.service';
import { printLetter, saveLetter } from '../services/letters-output.service';
import { docxTemplate, saveLetterDocx, setDocxTemplate } from '../services/letters-docx.service';

export const lettersHandlers = (ctx: CoreContext) =>
  ({
    'letters:templates': () => listTemplates(ctx),
    'letters:saveTemplate': (input) => updateTemplate(ctx, input.kind, input.subject, input.body),
    'letters:resetTemplate': (input) => resetTemplate(ctx, input.kind),
    'letters:draft': (input) => getDraft(ctx, input.reference, input.kind, input),
    'letters:setDraft': (input) => setDraft(ctx, input.reference, input.kind, input.fields),
    'letters:save': (input) => saveLetter(ctx, input),
    'letters:print': (input) => printLetter(ctx, input),
    'letters:saveDocx': (input) => saveLetterDocx(ctx, input.reference, input.kind),
    'letters:docxTemplate': () => docxTemplate(ctx),
    'letters:setDocxTemplate': (input) => setDocxTemplate(ctx, input.clear),
  }) satisfies FeatureHandlers<typeof letters>;
