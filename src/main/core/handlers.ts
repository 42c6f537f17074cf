// One handler per contract channel: the whole of what an officer can do, over one core.
import type { Channel } from '../../shared/ipc/channels';
import type { Output, ParsedInput } from '../../shared/ipc/contract';
import { computeClock } from '../../shared/domain/clocks/clocks';
import type { CoreContext } from './context';
import { getSettings } from './repositories/settings.repository';
import { listAudit } from './repositories/audit.repository';
import { requireCase } from './repositories/cases.repository';
import { addCaseEvent, createCase, getCase, listCaseItems, updateCase, voidCaseEvent } from './services/cases.service';
import { caseListMatches } from '../../shared/domain/case-list';
import { getDraft, listTemplates, resetTemplate, setDraft, updateTemplate } from './services/letters.service';
import { printLetter, saveLetter } from './services/letters-output.service';
import { updateSettings } from './services/settings.service';
import { saveStatistics, statistics } from './services/statistics.service';
import { exportDisclosureLog, publicationOf, publishCase } from './services/disclosure.service';
import { docxTemplate, saveLetterDocx, setDocxTemplate } from './services/letters-docx.service';
import { addHoliday, holidayList, removeHoliday } from './services/holidays.service';
import { dashboardCounts, matchesFilter, timelinessReport } from '../../shared/domain/reports';
import { getCosts, linkCases, setAdvice, setCostLines } from './services/costs.service';
import { applyExemption, listExemptions, removeExemption } from './services/exemptions.service';
import { EXEMPTION_CATALOGUE } from '../../shared/domain/exemptions/catalogue';
import { addCorrespondence, attachmentContent, caseCorrespondence, importBytes, importChosen, importTickets, markCorrespondence, saveAttachment, search, setAttachmentRole, voidCorrespondence } from './services/correspondence.service';
import { join } from 'node:path';
import { DATABASE_FILE, APP_VERSION } from './constants';
import { backupNow, backupStatus, configureBackups, verify } from './services/records.service';
import { anonymiseCase, applyRetention, retentionView, setRetentionPolicy } from './services/retention.service';
import { bundleProgress, cancelBundle, exportBundle, previewBundle } from './services/bundle.service';
import { redactionHandlers } from './redaction/handlers';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app:info': async () => ({
      version: APP_VERSION,
      dataDir: ctx.dataDir,
      databaseFile: join(ctx.dataDir, DATABASE_FILE),
      today: ctx.today(),
    }),
    'settings:get': () => getSettings(ctx.db),
    'settings:update': (input) => updateSettings(ctx, input),
    'cases:list': async ({ today = ctx.today(), filter, ...by }) => (await listCaseItems(ctx, today)).filter((i) => matchesFilter(i, filter, today) && caseListMatches(i, by)),
    'cases:get': (input) => getCase(ctx, input.reference),
    'cases:create': (input) => createCase(ctx, input),
    'cases:update': (input) => updateCase(ctx, input.reference, input.changes),
    'cases:addEvent': (input) => addCaseEvent(ctx, input),
    'cases:voidEvent': (input) => voidCaseEvent(ctx, input),
    'audit:list': async (input) => {
      let caseId: number | undefined;
      if (input.reference !== undefined) {
        caseId = (await requireCase(ctx.db, input.reference)).id;
      }
      return listAudit(ctx.db, { limit: input.limit, ...(caseId !== undefined ? { caseId } : {}) });
    },
    'deadlines:compute': async ({ clock, from, pausedFrom, pausedTo }) =>
      computeClock(clock, { from, ...(pausedFrom && pausedTo ? { pausedFrom, pausedTo } : {}) }, await ctx.calendars()),
    'holidays:list': () => holidayList(ctx),
    'holidays:add': (input) => addHoliday(ctx, input),
    'holidays:remove': (input) => removeHoliday(ctx, input),
    'reports:dashboard': async ({ today = ctx.today() }) => dashboardCounts(await listCaseItems(ctx, today), today),
    'reports:timeliness': async ({ from, to, today = ctx.today() }) => timelinessReport(await listCaseItems(ctx, today), from, to),
    'costs:get': (input) => getCosts(ctx, input.reference),
    'costs:set': (input) => setCostLines(ctx, input.reference, input.scope, input.lines),
    'costs:setAdvice': (input) => setAdvice(ctx, input.reference, input.s16Advice),
    'costs:link': (input) => linkCases(ctx, input.reference, input.other, input.reason, true),
    'costs:unlink': (input) => linkCases(ctx, input.reference, input.other, '', false),
    'exemptions:catalogue': async () => EXEMPTION_CATALOGUE,
    'exemptions:list': (input) => listExemptions(ctx, input.reference),
    'exemptions:apply': (input) => applyExemption(ctx, input),
    'exemptions:remove': (input) => removeExemption(ctx, input),
    'letters:templates': () => listTemplates(ctx),
    'letters:saveTemplate': (input) => updateTemplate(ctx, input.kind, input.subject, input.body),
    'letters:resetTemplate': (input) => resetTemplate(ctx, input.kind),
    'letters:draft': (input) => getDraft(ctx, input.reference, input.kind, input),
    'letters:setDraft': (input) => setDraft(ctx, input.reference, input.kind, input.fields),
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
    'search:query': (input) => search(ctx, input.query, input.limit),
    'letters:save': (input) => saveLetter(ctx, input),
    'letters:print': (input) => printLetter(ctx, input),
    'letters:saveDocx': (input) => saveLetterDocx(ctx, input.reference, input.kind),
    'letters:docxTemplate': () => docxTemplate(ctx),
    'letters:setDocxTemplate': (input) => setDocxTemplate(ctx, input.clear),
    'disclosure:get': (input) => publicationOf(ctx, input.reference),
    'disclosure:publish': (input) => publishCase(ctx, input),
    'disclosure:export': (input) => exportDisclosureLog(ctx, input.from, input.to),
    'reports:statistics': (input) => statistics(ctx, input),
    'reports:saveStatistics': ({ format, ...input }) => saveStatistics(ctx, input, format),
    'bundles:plan': (input) => previewBundle(ctx, input),
    'bundles:export': (input) => exportBundle(ctx, input),
    'bundles:progress': async (input) => bundleProgress(ctx, input.jobId),
    'bundles:cancel': async (input) => cancelBundle(ctx, input.jobId),
    ...redactionHandlers(ctx),
    'records:verify': async () => verify(ctx),
    'records:backupStatus': () => backupStatus(ctx),
    'records:backupNow': (input) => backupNow(ctx, input.reason),
    'records:configureBackups': (input) => configureBackups(ctx, input),
    'retention:list': (input) => retentionView(ctx, input.asOf),
    'retention:setPolicy': (input) => setRetentionPolicy(ctx, input),
    'retention:apply': (input) => applyRetention(ctx, input.before),
    'cases:anonymise': (input) => anonymiseCase(ctx, input.reference),
  };
}
