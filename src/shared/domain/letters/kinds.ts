// The letters Disclose produces. Each kind has a builder in this folder.
export const LETTER_KINDS = ['acknowledgement'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  acknowledgement: 'Acknowledgement',
};
