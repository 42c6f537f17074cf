// The audit feature over the core (contract: src/shared/ipc/features/audit.ts).
import type { audit } from '../../../shared/ipc/features/audit';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import { DiscloseError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { listAudit } from '../repositories/audit.repository';
import { findCase } from '../repositories/cases.repository';

export const auditHandlers = (ctx: CoreContext) =>
  ({
    'audit:list': async (input) => {
      let caseId: number | undefined;
      if (input.reference !== undefined) {
        const found = await findCase(ctx.db, input.reference);
        if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${input.reference}.`);
        caseId = found.id;
      }
      return listAudit(ctx.db, { limit: input.limit, ...(caseId !== undefined ? { caseId } : {}) });
    },
  }) satisfies FeatureHandlers<typeof audit>;
