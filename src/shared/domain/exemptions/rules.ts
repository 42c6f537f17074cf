// Which law a case may rely on, and when neither-confirm-nor-deny is available: checked when an
// exemption is applied, so a case file never records one the law does not give.
import type { Regime } from '../clocks/events';
import type { Act, ProvisionRef } from './types';
import { findEntry, formatProvision, ncndProvision, shortProvision } from './catalogue';

const LAW_NAME: Record<Act, string> = {
  FOIA: 'the Freedom of Information Act 2000',
  EIR: 'the Environmental Information Regulations 2004',
  EISR: 'the Environmental Information (Scotland) Regulations 2004',
  FOISA: 'the Freedom of Information (Scotland) Act 2002',
  DPA: 'the Data Protection Act 2018',
};

/**
 * The acts each regime may cite. A subject access request is refused only under the DPA 2018
 * exemptions (UK GDPR Art 23, DPA 2018 s15 and Schedules 2-4); FOI exemptions say nothing about a
 * person's own data (FOIA s40(1), FOISA s38(1)(a) and EIR reg 5(3) send it to the DPA). An EISR
 * case takes the EISR exceptions (reg 10, 11). A FOIA, EIR or FOISA case may record the other FOI
 * law's provisions while it is decided which regime applies (FOIA s39, FOISA s39(2)); the refusal
 * notice check then insists on the case's own law.
 */
const ALLOWED: Record<Regime, readonly Act[]> = {
  foia: ['FOIA', 'EIR', 'FOISA'],
  eir: ['FOIA', 'EIR', 'FOISA'],
  foisa: ['FOIA', 'EIR', 'FOISA'],
  eisr: ['EISR'],
  sar: ['DPA'],
};

/** Why this case cannot take a provision of `act`, or null when it can. */
export function actAllowed(regime: Regime, act: Act): string | null {
  if (ALLOWED[regime].includes(act)) return null;
  if (regime === 'sar') {
    return `A subject access request is refused only under the exemptions in ${LAW_NAME.DPA} (Schedules 2 to 4), not under ${LAW_NAME[act]}: cite one like "DPA Sch 2 para 16".`;
  }
  if (act === 'DPA') {
    return `${LAW_NAME.DPA} exemptions apply to subject access requests, not to freedom of information requests: for someone else's personal data cite ${
      regime === 'eisr' ? 'EISR reg 11' : regime === 'foisa' ? 'FOISA s38(1)(b)' : regime === 'eir' ? 'EIR reg 13' : 'FOIA s40(2)'
    }; for the requester's own, handle that part as a subject access request.`;
  }
  if (regime === 'eisr') {
    return `This request is handled under ${LAW_NAME.EISR}: cite its exceptions (reg 10 or reg 11), e.g. "EISR reg 10(5)(e)", not ${LAW_NAME[act]}.`;
  }
  return `The EISR exceptions are for Scottish environmental requests: handle this request under ${LAW_NAME.EISR} (an EISR case) to rely on them.`;
}

/**
 * Why neither-confirm-nor-deny is not available for this citation, or null when it is. Each
 * provision names its own NCND provision in the catalogue: FOIA s43(3) covers only s43(2), so a
 * trade secret (s43(1)) has none; EIR reg 12(6) only reg 12(5)(a); EISR reg 10(8) only reg
 * 10(5)(a); FOISA s18(1) only ss28-35, 38, 39(1) and 41; the DPA exemptions none at all.
 */
export function ncndRefusal(ref: ProvisionRef): string | null {
  if (!findEntry(ref) || ncndProvision(ref)) return null;
  const cite = formatProvision(ref);
  if (ref.act === 'DPA') {
    return `${cite} gives no right to neither confirm nor deny: a subject access refusal says what is withheld and under which exemption (UK GDPR Art 12(4)), unless saying so would itself prejudice the purpose the exemption protects.`;
  }
  const entry = findEntry(ref)!;
  const others = entry.subsections
    .filter((s) => ncndProvision({ ...ref, subsection: s.subsection }) && !s.purposeOnly)
    .map((s) => shortProvision({ ...ref, subsection: s.subsection }));
  const hint = others.length > 0 && others.length <= 4 ? ` (it exists for ${others.join(', ')})` : '';
  if (ref.act === 'FOISA') {
    return `${cite} has no neither-confirm-nor-deny provision: FOISA s18(1) allows it only for exemptions in sections 28 to 35, 38, 39(1) and 41.`;
  }
  return `${cite} has no neither-confirm-nor-deny provision${hint}: no part of ${LAW_NAME[ref.act]} removes the duty to confirm or deny for it.`;
}

/** Answers given to fields the provision does not ask, or null. */
export function reasoningProblems(ref: ProvisionRef, reasoning: Record<string, string>): string | null {
  const asked = new Set((findEntry(ref)?.reasoning ?? []).map((f) => f.id));
  const unknown = Object.keys(reasoning).filter((k) => !asked.has(k) && reasoning[k]?.trim() !== '');
  if (unknown.length === 0) return null;
  const takes = [...asked].join(', ') || 'none';
  return `${formatProvision(ref)} has no reasoning field ${unknown.join(', ')}; it takes ${takes}.`;
}
