// demo generate: a register of fictional casework for demonstrations, screenshots and benchmarks.
import { STATUS_LABELS, REGIME_LABELS } from '../../shared/domain/cases';
import { UsageError, required, str } from './args';
import type { Command } from './commands';

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new UsageError(`--${name} must be a whole number`);
  return Number(value.replace(/_/g, ''));
}

export const DEMO_COMMANDS: Command[] = [
  {
    words: ['demo', 'generate'],
    options: { cases: { type: 'string' }, messages: { type: 'string' }, seed: { type: 'string' } },
    async run({ parsed: p, call, core }) {
      if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals[0]}`);
      const cases = whole('cases', required(p, 'cases'))!;
      const messages = whole('messages', str(p, 'messages'));
      const s = await call('demo:generate', { cases, ...(messages !== undefined ? { messages } : {}), ...(str(p, 'seed') !== undefined ? { seed: str(p, 'seed') } : {}) });
      const counts = (o: Record<string, number>, labels: Record<string, string>) => Object.entries(o).filter(([, n]) => n > 0).map(([k, n]) => `${labels[k] ?? k} ${n}`).join(', ');
      const text = [
        `Generated ${s.cases} cases received ${s.from} to ${s.to} (seed ${s.seed}) in ${s.seconds} s:`,
        `  ${s.messages} items of correspondence (${s.imported} saved emails), ${s.attachments} attachments, ${s.files} stored files,`,
        `  ${s.events} events, ${s.exemptions} exemptions, ${s.estimates} cost estimates, ${s.auditRows} audit entries.`,
        `  By regime: ${counts(s.regimes, REGIME_LABELS)}.`,
        `  Where they stand today: ${counts(s.statuses, STATUS_LABELS)}.`,
      ].join('\n');
      // The summary is printed at once; the command ends once the words of every generated
      // document are paired for phrase searches (as an import's are, and as a register of years
      // holds them), rather than leaving hundreds of thousands to the app's first minute.
      return { value: s, text, afterPrint: () => core.textRead() };
    },
  },
];

export const DEMO_USAGE = `  demo generate --cases N [--messages M] [--seed S]
              fill an EMPTY register with N fictional cases over the last six years (FOIA, EIR, EISR,
              FOISA, SAR in every state), M items of correspondence in all (default 11 a case) with
              attachments, estimates, exemptions and the audit trail; the same seed gives the same
              register. Refused (exit 1) when the register already holds a case.
`;
