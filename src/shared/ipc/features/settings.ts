// The authority's own details: who the letters come from, its reference format and region.
import { z } from 'zod';
import type { AuthoritySettings } from '../../domain/settings';
import { REGIONS } from '../../domain/calendar/holidays';
import { referenceFormatProblem } from '../../domain/reference';
import { channel, type Agrees, type Same } from '../define';
import { email, empty, line, requiredText, text } from '../fields';

export const settingsInput = z.object({
  name: requiredText(200, "the authority's name"),
  address: text(1000),
  email,
  centralGovernment: z.boolean(),
  referenceFormat: line(200)
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const problem = referenceFormatProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  signatoryName: requiredText(200, "the signatory's name"),
  signatoryTitle: text(200),
  region: z.enum(REGIONS),
});

export const authoritySettings = z.object({
  configured: z.boolean(),
  name: z.string(),
  address: z.string(),
  email: z.string(),
  centralGovernment: z.boolean(),
  referenceFormat: z.string(),
  signatoryName: z.string(),
  signatoryTitle: z.string(),
  region: z.enum(REGIONS),
});
type _Settings = Agrees<Same<z.output<typeof authoritySettings>, AuthoritySettings>>;

export const settings = {
  'settings:get': channel(empty, authoritySettings),
  'settings:update': channel(settingsInput, authoritySettings),
};
