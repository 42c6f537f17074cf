// Exemptions and exceptions as data, and how an officer applies one to a case or an item.
import type { IsoDate } from '../dates';

/** The law a provision is in: DPA is the Data Protection Act 2018 (Schedules 2-4, for subject access). */
export type Act = 'FOIA' | 'EIR' | 'EISR' | 'FOISA' | 'DPA';

/** A provision as officers cite it, e.g. { act: 'FOIA', section: '43', subsection: '(2)' } for "FOIA s43(2)". */
export interface ProvisionRef {
  act: Act;
  /**
   * The section or regulation number, e.g. '43', '22A', '12' (EIR) or '10' (EISR); for the DPA
   * the schedule and paragraph, e.g. 'Sch 2 para 16'.
   */
  section: string;
  /** Everything after the number, e.g. '(2)', '(1)(a)', '(5)(e)'; '' when none was given. */
  subsection: string;
}

export type ExemptionTest = 'class' | 'prejudice' | 'adverse-effect' | 'required-for' | 'endanger' | 'factual';

export interface SubsectionEntry {
  /** e.g. '(2)' or '(1)(a)'. */
  subsection: string;
  title: string;
  /** Overrides the section's own for this subsection (e.g. s37(1)(a) absolute, s40(2) first condition). */
  absolute?: boolean;
  test?: ExemptionTest;
}

export interface CatalogueEntry {
  act: Act;
  section: string;
  title: string;
  /** Absolute exemptions need no public interest test (FOIA s2(3)). */
  absolute: boolean;
  test: ExemptionTest;
  subsections: SubsectionEntry[];
  /** The subsection that removes the duty to confirm or deny, e.g. '(3)' for s43; null when none. */
  ncnd: string | null;
  /** Needs a qualified person's reasonable opinion (FOIA s36; FOISA s30). */
  needsQualifiedPerson?: boolean;
  notes?: string;
  /**
   * The reasoning this provision asks for beyond "why it applies", recorded by field id in
   * AppliedExemption.reasoning (DPA 2018 exemptions: e.g. consent sought for Sch 2 para 16).
   */
  reasoning?: ReasoningField[];
}

/** A question the officer answers when relying on a provision, kept with the decision. */
export interface ReasoningField {
  id: string;
  label: string;
  hint?: string;
  /** The s17-style check refuses a notice while a required answer is blank. */
  required: boolean;
}

export interface QualifiedPersonOpinion {
  name: string;
  opinionDate: IsoDate;
  /** What was put to them: the submission, the information, the arguments. */
  materialPutToThem: string;
}

export interface AppliedExemption {
  ref: ProvisionRef;
  /** Neither confirm nor deny. */
  ncnd: boolean;
  /** What it covers: '' for the whole request, or a document or a described part of one. */
  item: string;
  /** Why the exemption is engaged (prejudice and likelihood, or the class). */
  engagement: string;
  /** Public interest factors in favour of disclosure. */
  publicInterestFor: string;
  /** Public interest factors in favour of maintaining the exemption (against disclosure). */
  publicInterestAgainst: string;
  /** The balance and the conclusion. */
  balance: string;
  decidedBy: string;
  decidedOn: IsoDate | null;
  qualifiedPerson: QualifiedPersonOpinion | null;
  /** Answers to the provision's own reasoning fields (CatalogueEntry.reasoning), by field id. */
  reasoning: Record<string, string>;
}
