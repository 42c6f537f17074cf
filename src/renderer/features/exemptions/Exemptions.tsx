// Exemptions applied to the case or to items in it, each with the reasoning the regulator asks
// for: why it is engaged, the public interest for and against, the balance, who decided and when;
// for a subject access request, the DPA 2018 exemption's own questions (e.g. consent sought).
// Each regime is offered its own catalogue: DPA 2018 for a SAR, the EISR for an EISR case.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { findEntry, formatProvision, exemptionTitle, needsPublicInterestTest, parseProvision } from '../../../shared/domain/exemptions/catalogue';
import type { AppliedExemption, CatalogueEntry, ReasoningField } from '../../../shared/domain/exemptions/types';
import type { Regime } from '../../../shared/domain/clocks/events';
import { TextArea, TextInput, Checkbox, DateInput, SuccessBanner } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

const ACT_FOR: Record<Regime, CatalogueEntry['act']> = { foia: 'FOIA', eir: 'EIR', eisr: 'EISR', foisa: 'FOISA', sar: 'DPA' };

const EXAMPLE: Record<CatalogueEntry['act'], string> = {
  FOIA: 'FOIA s43(2): section 17(1)(b) requires the subsection.',
  EIR: 'EIR reg 12(5)(e): regulation 14(3) requires the exception.',
  EISR: 'EISR reg 10(5)(e): regulation 13(b) requires the exception.',
  FOISA: 'FOISA s33(1)(b): section 16(1)(c) requires the exemption.',
  DPA: 'DPA Sch 2 para 16 (information about another person) or DPA Sch 2 para 2 (crime and taxation).',
};

interface Form {
  provision: string;
  item: string;
  ncnd: boolean;
  engagement: string;
  publicInterestFor: string;
  publicInterestAgainst: string;
  balance: string;
  qpName: string;
  qpDate: string;
  qpMaterial: string;
  reasoning: Record<string, string>;
  decidedBy: string;
  decidedOn: string;
}

const EMPTY: Form = { provision: '', item: '', ncnd: false, engagement: '', publicInterestFor: '', publicInterestAgainst: '', balance: '', qpName: '', qpDate: '', qpMaterial: '', reasoning: {}, decidedBy: '', decidedOn: '' };

function toForm(e: AppliedExemption): Form {
  return {
    provision: formatProvision(e.ref),
    item: e.item,
    ncnd: e.ncnd,
    engagement: e.engagement,
    publicInterestFor: e.publicInterestFor,
    publicInterestAgainst: e.publicInterestAgainst,
    balance: e.balance,
    qpName: e.qualifiedPerson?.name ?? '',
    qpDate: e.qualifiedPerson?.opinionDate ?? '',
    qpMaterial: e.qualifiedPerson?.materialPutToThem ?? '',
    reasoning: { ...e.reasoning },
    decidedBy: e.decidedBy,
    decidedOn: e.decidedOn ?? '',
  };
}

export function Exemptions({ reference, regime }: { reference: string; regime: Regime }) {
  const qc = useQueryClient();
  const applied = useQuery({ queryKey: ['cases', reference, 'exemptions'], queryFn: () => call('exemptions:list', { reference }) });
  const catalogue = useQuery({ queryKey: ['catalogue'], queryFn: () => call('exemptions:catalogue', {}), staleTime: Infinity });
  const [form, setForm] = useState<Form>(EMPTY);
  const set = <K extends keyof Form>(k: K) => (v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const refresh = () => qc.invalidateQueries({ queryKey: ['cases', reference] });
  const apply = useMutation({
    mutationFn: () =>
      call('exemptions:apply', {
        reference,
        provision: form.provision,
        item: form.item,
        ncnd: form.ncnd,
        engagement: form.engagement,
        publicInterestFor: form.publicInterestFor,
        publicInterestAgainst: form.publicInterestAgainst,
        balance: form.balance,
        qualifiedPerson: form.qpName ? { name: form.qpName, opinionDate: form.qpDate, materialPutToThem: form.qpMaterial } : null,
        ...(form.decidedBy.trim() ? { decidedBy: form.decidedBy } : {}),
        ...(form.decidedOn ? { decidedOn: form.decidedOn } : {}),
        ...(reasoningFields.length ? { reasoning: form.reasoning } : {}),
      }),
    onSuccess: async () => {
      setDone((d) => ({ message: `Applied ${form.provision}${form.item ? ` to ${form.item}` : ''}. The refusal letter will give it.`, seq: d.seq + 1 }));
      setForm(EMPTY);
      await refresh();
    },
  });
  const [done, setDone] = useState({ message: '', seq: 0 });
  const [checks, setChecks] = useState<Record<string, string>>({});
  const remove = useMutation({ mutationFn: (e: AppliedExemption) => call('exemptions:remove', { reference, provision: formatProvision(e.ref), item: e.item }), onSuccess: refresh });
  const err = apply.error instanceof ApiError ? apply.error : null;
  const fields = { ...Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`exemption-${k.replace(/\./g, '-')}`, v])), ...checks };
  const act = ACT_FOR[regime];
  const options = (catalogue.data ?? []).filter((e) => e.act === act).flatMap((e) => (e.subsections.length ? e.subsections.map((s) => ({ ref: { act: e.act, section: e.section, subsection: s.subsection }, title: `${e.title}: ${s.title}` })) : [{ ref: { act: e.act, section: e.section, subsection: '' }, title: e.title }]));
  // Which fields to ask for follows from the provision typed: absolute ones have no public interest
  // test (s2(3)); s36 needs the qualified person's opinion.
  let parsedQualified = act !== 'DPA';
  let needsQp = false;
  let reasoningFields: ReasoningField[] = [];
  let subsectionMissing = false;
  try {
    const ref = parseProvision(form.provision, act);
    const entry = findEntry(ref);
    subsectionMissing = !!entry && entry.subsections.length > 0 && ref.subsection === '';
    parsedQualified = entry ? needsPublicInterestTest(ref) : parsedQualified;
    needsQp = !!entry?.needsQualifiedPerson;
    reasoningFields = entry?.reasoning ?? [];
  } catch {
    // Not a provision yet (still typing): show the regime's usual fields.
  }
  const noun = act === 'EIR' || act === 'EISR' ? 'exception' : 'exemption';
  // What the refusal letter will need (s17(1)(b)-(c), s17(3)), checked when saved rather than
  // found missing when the letter is drafted.
  const letterNeeds = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (subsectionMissing) out['exemption-provision'] = `Give the subsection the letter must cite, for example ${EXAMPLE[act]}`;
    if (!form.ncnd && form.engagement.trim() === '') out['exemption-engagement'] = `Say why the ${noun} ${act === 'DPA' ? 'applies' : 'is engaged'}: the letter must explain it`;
    if (parsedQualified && !form.ncnd) {
      if (form.publicInterestFor.trim() === '') out['exemption-publicInterestFor'] = 'Give the public interest in disclosure (s17(3))';
      if (form.publicInterestAgainst.trim() === '') out['exemption-publicInterestAgainst'] = 'Give the public interest in maintaining it (s17(3))';
      if (form.balance.trim() === '') out['exemption-balance'] = 'Give the balance and the conclusion (s17(3))';
    }
    return out;
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems = form.provision.trim() === '' ? {} : letterNeeds();
    setChecks(problems);
    if (Object.keys(problems).length === 0) apply.mutate();
  };
  return (
    <section aria-labelledby="exemptions-heading">
      <h2 className="govuk-heading-l" id="exemptions-heading">
        Exemptions
      </h2>
      {applied.data && applied.data.length === 0 && <p className="govuk-body">No exemption applied.</p>}
      {applied.data && applied.data.length > 0 && (
        <table className="govuk-table" data-testid="exemptions">
          <caption className="govuk-table__caption govuk-visually-hidden">Exemptions applied</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Exemption</th>
              <th scope="col" className="govuk-table__header">Applies to</th>
              <th scope="col" className="govuk-table__header">Public interest</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {applied.data.map((e) => (
              <tr className="govuk-table__row" key={`${formatProvision(e.ref)}|${e.item}`}>
                <td className="govuk-table__cell">
                  <strong>{formatProvision(e.ref)}</strong> {exemptionTitle(e.ref)}
                  {e.ncnd && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-1">NCND</strong>}
                  <div className="govuk-body-s">Decided by {e.decidedBy}{e.decidedOn ? ` on ${e.decidedOn}` : ''}</div>
                </td>
                <td className="govuk-table__cell">{e.item || 'The whole request'}</td>
                <td className="govuk-table__cell govuk-body-s">{e.ref.act === 'DPA' ? 'No public interest test (DPA 2018)' : needsPublicInterestTest(e.ref) ? e.balance || 'Balance not yet recorded' : 'Absolute: no public interest test'}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => setForm(toForm(e))}>
                    Edit<span className="govuk-visually-hidden"> {formatProvision(e.ref)}</span>
                  </button>{' '}
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => remove.mutate(e)}>
                    Remove<span className="govuk-visually-hidden"> {formatProvision(e.ref)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SuccessBanner message={done.message || null} seq={done.seq} testId="exemption-applied" />
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <form onSubmit={onSubmit} noValidate>
        <h3 className="govuk-heading-m">Apply an {noun}</h3>
        <TextInput id="exemption-provision" label={act === 'DPA' ? 'Data Protection Act 2018 exemption' : `${noun === 'exception' ? 'Exception, with its paragraph' : 'Exemption, with its subsection'}`} hint={`For example ${EXAMPLE[act]}`} value={form.provision} onChange={set('provision')} error={fields['exemption-provision']} width="20" spellCheck={false} list="exemption-options" />
        <datalist id="exemption-options">
          {options.map((o) => (
            <option key={formatProvision(o.ref)} value={formatProvision(o.ref)}>
              {o.title}
            </option>
          ))}
        </datalist>
        <TextInput id="exemption-item" label="Applies to (optional)" hint="A document, or a described part of one. Leave empty for the whole request." value={form.item} onChange={set('item')} />
        {act !== 'DPA' && <Checkbox id="exemption-ncnd" label="Neither confirm nor deny that the information is held" checked={form.ncnd} onChange={set('ncnd')} />}
        {fields['exemption-ncnd'] && <p className="govuk-error-message">{fields['exemption-ncnd']}</p>}
        <TextArea id="exemption-engagement" label={`Why the ${noun} ${act === 'DPA' ? 'applies' : 'is engaged'}`} hint="The prejudice and how likely it is, or why the information falls in the class." value={form.engagement} onChange={set('engagement')} rows={3} error={fields['exemption-engagement']} />
        {reasoningFields.length > 0 && (
          <fieldset className="govuk-fieldset" id="exemption-reasoning">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What this exemption asks you to record</legend>
            {reasoningFields.map((f) => (
              <TextArea
                key={f.id}
                id={`exemption-reasoning-${f.id}`}
                label={f.required ? f.label : `${f.label} (optional)`}
                {...(f.hint ? { hint: f.hint } : {})}
                value={form.reasoning[f.id] ?? ''}
                onChange={(v: string) => setForm((x) => ({ ...x, reasoning: { ...x.reasoning, [f.id]: v } }))}
                rows={2}
              />
            ))}
          </fieldset>
        )}
        {parsedQualified && (
          <>
            <TextArea id="exemption-publicInterestFor" label="Public interest in disclosure" value={form.publicInterestFor} onChange={set('publicInterestFor')} rows={3} error={fields['exemption-publicInterestFor']} />
            <TextArea id="exemption-publicInterestAgainst" label="Public interest in maintaining the exemption" value={form.publicInterestAgainst} onChange={set('publicInterestAgainst')} rows={3} error={fields['exemption-publicInterestAgainst']} />
            <TextArea id="exemption-balance" label="The balance, and the conclusion" value={form.balance} onChange={set('balance')} rows={3} error={fields['exemption-balance']} />
          </>
        )}
        {(needsQp || form.qpName) && (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">The qualified person's opinion (section 36)</legend>
            <TextInput id="exemption-qpName" label="Qualified person" value={form.qpName} onChange={set('qpName')} error={fields['exemption-qualifiedPerson-name']} />
            <DateInput id="exemption-qpDate" legend="Date of the opinion" value={form.qpDate} onChange={set('qpDate')} error={fields['exemption-qualifiedPerson-opinionDate']} />
            <TextArea id="exemption-qpMaterial" label="What was put to them" value={form.qpMaterial} onChange={set('qpMaterial')} rows={3} error={fields['exemption-qualifiedPerson-materialPutToThem']} />
          </fieldset>
        )}
        <TextInput id="exemption-decidedBy" label="Decided by (optional)" value={form.decidedBy} onChange={set('decidedBy')} error={fields['exemption-decidedBy']} width="20" />
        <DateInput id="exemption-decidedOn" legend="Decided on (optional)" value={form.decidedOn} onChange={set('decidedOn')} error={fields['exemption-decidedOn']} />
        <button type="submit" className="govuk-button" disabled={apply.isPending}>
          Apply {noun}
        </button>
      </form>
    </section>
  );
}
