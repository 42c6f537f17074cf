// Bundles for the regulator or the tribunal: the plan, the export (open, closed or ZIP) and its
// progress while it runs.
import { z } from 'zod';
import { channel } from '../define';
import { line, reference } from '../fields';

/** What a bundle export makes: the open bundle, the closed bundle, or a ZIP of the native files. */
export const BUNDLE_EXPORT_KINDS = ['open', 'closed', 'zip'] as const;
/** Chosen by the caller, so it can ask for progress while the export runs (IPC is request and response). */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'A job id is 6 to 64 letters, digits, - or _');
const planInput = z.object({
  reference,
  /** Who the bundle is for; by default the case's ICO complaint or tribunal appeal event says. */
  forum: z.enum(['ico', 'tribunal']).optional(),
  forumReference: line(100).transform((s) => s.trim()).optional(),
});

/** A bundle's contents before it is made: sections and documents in order, and what is withheld. */
const bundlePreview = z.object({
  reference: z.string(),
  forum: z.object({ body: z.enum(['ico', 'tribunal']).nullable(), reference: z.string() }),
  sections: z.array(z.object({ letter: z.string(), title: z.string(), documents: z.array(z.object({ tab: z.string(), title: z.string(), date: z.string().nullable() })) })),
  /** The closed bundle's items (withheld information), each with the exemptions marked on it. */
  closed: z.array(z.object({ tab: z.string(), title: z.string(), exemptions: z.string() })),
  /** What the officer should know before sending it (a withheld file with no exemption recorded). */
  warnings: z.array(z.string()),
});
export type BundlePreview = z.output<typeof bundlePreview>;

const bundleExport = z.object({
  saved: z.boolean(),
  kind: z.enum(BUNDLE_EXPORT_KINDS),
  path: z.string().nullable(),
  size: z.number(),
  sha256: z.string().nullable(),
  /** Pages in a PDF bundle; files in a ZIP. */
  pages: z.number(),
  documents: z.number(),
  /** Documents or files that could not be reproduced, with the reason: the officer is told. */
  notReproduced: z.array(z.object({ tab: z.string(), document: z.string(), reason: z.string() })),
  jobId: z.string(),
  /** The host showed the saved file in its folder. */
  revealed: z.boolean(),
});
export type BundleExport = z.output<typeof bundleExport>;

const bundleProgress = z.object({
  jobId: z.string(),
  /** 'unknown': no such job (yet): a poll may arrive before the export it follows. */
  state: z.enum(['unknown', 'choosing', 'running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  step: z.string(),
});
export type BundleProgress = z.output<typeof bundleProgress>;

export const bundles = {
  'bundles:plan': channel(planInput, bundlePreview),
  'bundles:export': channel(planInput.extend({ kind: z.enum(BUNDLE_EXPORT_KINDS), jobId: jobId.optional(), reveal: z.boolean().default(false) }), bundleExport),
  'bundles:progress': channel(z.object({ jobId }), bundleProgress),
  'bundles:cancel': channel(z.object({ jobId }), bundleProgress),
};
