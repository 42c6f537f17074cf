// Exemptions and exceptions: the catalogue, and those applied to a case with their reasoning.
import { z } from 'zod';
import type { AppliedExemption } from '../../domain/exemptions/types';
import type { CatalogueData } from '../../domain/exemptions/catalogue';
import { channel, type Agrees, type Same } from '../define';
import { empty, isoDate, line, reference, requiredText, text } from '../fields';

const qualifiedPersonInput = z.object({
  name: requiredText(200, "the qualified person's name"),
  opinionDate: isoDate,
  materialPutToThem: requiredText(20_000, 'what was put to the qualified person'),
});

const item = text(500).default('').transform((s) => s.trim());

export const exemptionInput = z.object({
  reference,
  provision: line(200).transform((s) => s.trim()).pipe(z.string().min(1, 'Enter the exemption, e.g. FOIA s43(2)').max(80)),
  item,
  ncnd: z.boolean().optional(),
  engagement: text(20_000).optional(),
  publicInterestFor: text(20_000).optional(),
  publicInterestAgainst: text(20_000).optional(),
  balance: text(20_000).optional(),
  decidedBy: text(200).optional(),
  decidedOn: isoDate.optional(),
  qualifiedPerson: qualifiedPersonInput.nullable().optional(),
  /** Answers to the provision's own reasoning fields (DPA 2018 exemptions), by field id. */
  reasoning: z.record(z.string().max(60), text(20_000)).optional(),
});

const act = z.enum(['FOIA', 'EIR', 'EISR', 'FOISA', 'DPA']);
const test = z.enum(['class', 'prejudice', 'adverse-effect', 'required-for', 'endanger', 'factual']);
const provisionRef = z.object({ act, section: z.string(), subsection: z.string() });
// The catalogue as shipped: the citable fields and, beside them, what the s17 check reads (purpose
// limbs, cautions, where confirm-or-deny is excluded), all of which cross the boundary with it.
const catalogueEntry = z.object({
  act,
  section: z.string(),
  title: z.string(),
  absolute: z.boolean(),
  test,
  subsections: z.array(
    z.object({
      subsection: z.string(),
      title: z.string(),
      absolute: z.boolean().optional(),
      test: test.optional(),
      ncnd: z.string().nullable().optional(),
      ncndElsewhere: provisionRef.nullable().optional(),
      purposeOnly: z.boolean().optional(),
      purposeFrom: z.string().optional(),
      notOnEmissions: z.boolean().optional(),
      warning: z.string().optional(),
    }),
  ),
  ncnd: z.string().nullable(),
  needsQualifiedPerson: z.boolean().optional(),
  notes: z.string().optional(),
  reasoning: z.array(z.object({ id: z.string(), label: z.string(), hint: z.string().optional(), required: z.boolean() })).optional(),
  ncndElsewhere: provisionRef.optional(),
  warning: z.string().optional(),
});
type _Catalogue = Agrees<Same<z.output<typeof catalogueEntry>, CatalogueData>>;

const appliedExemption = z.object({
  ref: provisionRef,
  ncnd: z.boolean(),
  item: z.string(),
  engagement: z.string(),
  publicInterestFor: z.string(),
  publicInterestAgainst: z.string(),
  balance: z.string(),
  decidedBy: z.string(),
  decidedOn: z.string().nullable(),
  qualifiedPerson: z.object({ name: z.string(), opinionDate: z.string(), materialPutToThem: z.string() }).nullable(),
  reasoning: z.record(z.string(), z.string()),
});
type _Applied = Agrees<Same<z.output<typeof appliedExemption>, AppliedExemption>>;

const applied = z.array(appliedExemption);

export const exemptions = {
  'exemptions:catalogue': channel(empty, z.array(catalogueEntry).readonly()),
  'exemptions:list': channel(z.object({ reference }), applied),
  'exemptions:apply': channel(exemptionInput, applied),
  'exemptions:remove': channel(z.object({ reference, provision: line(200).transform((s) => s.trim()).pipe(z.string().min(1).max(80)), item }), applied),
};
