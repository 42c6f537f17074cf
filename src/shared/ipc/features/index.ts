// Every feature's channels, merged into the one contract. A channel declared by two features
// fails to compile (and, were types bypassed, fails at load), so the merge never hides one.
import type { FeatureSpec } from '../define';
import { app } from './app';
import { settings } from './settings';
import { cases } from './cases';
import { audit } from './audit';
import { deadlines } from './deadlines';
import { holidays } from './holidays';
import { reports } from './reports';
import { costs } from './costs';
import { exemptions } from './exemptions';
import { letters } from './letters';
import { correspondence } from './correspondence';
import { disclosure } from './disclosure';
import { bundles } from './bundles';
import { redaction } from './redaction';
import { records } from './records';
import { team } from './team';
import { demo } from './demo';
import { checkout } from './checkout';

export const FEATURES = { app, settings, cases, audit, deadlines, holidays, reports, costs, exemptions, letters, correspondence, disclosure, bundles, redaction, records, team, demo, checkout } satisfies Record<string, FeatureSpec>;
export type Features = typeof FEATURES;
export type FeatureName = keyof Features;

type ChannelsOf<F> = F extends FeatureName ? keyof Features[F] : never;
type Clash = { [F in FeatureName]: ChannelsOf<F> & ChannelsOf<Exclude<FeatureName, F>> }[FeatureName];
const noChannelInTwoFeatures: [Clash] extends [never] ? true : false = true;
void noChannelInTwoFeatures;

type Merged = { [F in FeatureName]: Features[F] }[FeatureName];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Contract = { [C in keyof UnionToIntersection<Merged>]: UnionToIntersection<Merged>[C] };

function merge(): Contract {
  const all: Record<string, unknown> = {};
  for (const [feature, channels] of Object.entries(FEATURES)) {
    for (const [name, spec] of Object.entries(channels)) {
      if (Object.hasOwn(all, name)) throw new Error(`The channel ${name} is declared twice (again in ${feature}).`);
      all[name] = spec;
    }
  }
  return all as Contract;
}

/** Every channel with its input and output schemas, by `feature:action` name. */
export const CONTRACT: Contract = merge();
