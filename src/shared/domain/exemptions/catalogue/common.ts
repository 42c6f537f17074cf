// Pieces the three catalogues share: the subsection constructor and the law-enforcement
// subsections that FOIA s31 and FOISA s35 have in common (FOISA has no (1)(i)). [R] verify titles
import type { CatalogueSubsection } from '../catalogue';

export const sub = (subsection: string, title: string, extra: Partial<CatalogueSubsection> = {}): CatalogueSubsection => ({
  subsection,
  title,
  ...extra,
});

// (1)(g)-(i) protect functions or proceedings for the (2) purposes; cite them together.
const VIA_2 = { purposeFrom: '(2)' };
const PURPOSE = { purposeOnly: true };

export function lawEnforcementSubsections(section: '31' | '35'): CatalogueSubsection[] {
  return [
    sub('(1)(a)', 'Prevention or detection of crime'),
    sub('(1)(b)', 'Apprehension or prosecution of offenders'),
    sub('(1)(c)', 'Administration of justice'),
    sub('(1)(d)', 'Assessment or collection of any tax or duty'),
    sub('(1)(e)', 'Operation of the immigration controls'),
    sub('(1)(f)', 'Security and good order in prisons and other places of lawful detention'),
    sub('(1)(g)', `Exercise of functions for a purpose in s${section}(2)`, VIA_2),
    sub('(1)(h)', `Civil proceedings arising from an investigation for a purpose in s${section}(2)`, VIA_2),
    ...(section === '31' ? [sub('(1)(i)', 'Scottish fatal accident inquiry arising from an investigation for a purpose in s31(2)', VIA_2)] : []),
    sub('(2)(a)', 'Purpose: ascertaining whether any person has failed to comply with the law', PURPOSE),
    sub('(2)(b)', 'Purpose: ascertaining whether any person is responsible for improper conduct', PURPOSE),
    sub('(2)(c)', 'Purpose: ascertaining whether circumstances justifying regulatory action exist or may arise', PURPOSE),
    sub('(2)(d)', "Purpose: ascertaining a person's fitness or competence as a director or in a profession", PURPOSE),
    sub('(2)(e)', 'Purpose: ascertaining the cause of an accident', PURPOSE),
    sub('(2)(f)', 'Purpose: protecting charities against misconduct or mismanagement', PURPOSE),
    sub('(2)(g)', 'Purpose: protecting the property of charities from loss or misapplication', PURPOSE),
    sub('(2)(h)', 'Purpose: recovering the property of charities', PURPOSE),
    sub('(2)(i)', 'Purpose: securing the health, safety and welfare of persons at work', PURPOSE),
    sub('(2)(j)', 'Purpose: protecting others against risks to health or safety from the actions of persons at work', PURPOSE),
  ];
}
