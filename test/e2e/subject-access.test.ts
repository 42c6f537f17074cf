// A subject access request through the interface: the exemptions screen offers the DPA 2018
// catalogue with each exemption's own questions (Sch 2 para 16(2)-(3) for information about
// another person), the letters screen offers only the SAR letters (UK GDPR Art 12(3), 12(4)),
// and the Art 12(4) refusal is produced. axe on each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openCaseSession, type Session } from './session';
import { axeViolations, screenshot } from './browser';

let page: Page;
let session: Session;
beforeAll(async () => {
  session = await openCaseSession({ regime: 'sar', received: '2026-11-02', requester: { name: 'Ann Lee', address: '2 Church Row\nFelpersham' }, summary: 'My noise complaint file' }, 10_000);
  ({ page } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('subject access', () => {
  it('applies DPA Sch 2 para 16 with its own reasoning, and refuses a FOIA exemption', async () => {
    await page.getByRole('tab', { name: 'Exemptions' }).click();
    await page.getByLabel('Data Protection Act 2018 exemption').fill('FOIA s40(2)');
    await page.getByLabel('Why the exemption applies').fill('Names of neighbours.');
    await page.getByRole('button', { name: 'Apply exemption' }).click();
    await page.locator('.govuk-error-summary').getByText(/refused only under the exemptions in the Data Protection Act 2018/).first().waitFor();
    expect(await page.getByLabel('Neither confirm nor deny that the information is held').count()).toBe(0);

    await page.getByLabel('Data Protection Act 2018 exemption').fill('DPA Sch 2 para 16');
    await page.getByLabel('Whether their consent was sought, and the answer').fill('Asked on 5 November 2026; refused.');
    await page.getByLabel('The type of information that would be disclosed').fill('Their names and what they said.');
    await page.getByLabel('Any duty of confidentiality owed to them').fill('Promised on the complaint form.');
    await page.getByLabel('Why it is not reasonable to disclose without their consent').fill('Consent refused and confidence promised; the substance is given without names.');
    await page.getByLabel('Who the other person is, and what information identifies them').fill('Two neighbours.');
    await page.getByLabel('Applies to (optional)').fill('the neighbours’ statements');
    expect(await page.getByLabel('Public interest in disclosure').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Apply exemption' }).click();
    await page.getByRole('button', { name: 'Remove DPA Sch 2 para 16' }).waitFor();
    expect(await page.getByTestId('exemptions').textContent()).toContain('No public interest test (DPA 2018)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sar-01-exemptions');
  });

  it('offers only the subject access letters and builds the Art 12(4) refusal', async () => {
    await page.getByRole('tab', { name: 'Letters' }).click();
    const options = await page.getByLabel('Letter', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual(['Acknowledgement', 'Clarification request', 'Response', 'Extension notice (subject access)', 'Subject access refusal']);
    await page.getByLabel('Letter', { exact: true }).selectOption('sar-refusal');
    await page.getByLabel('Some personal data provided, some withheld').check();
    await page.getByLabel('What is withheld').fill('The neighbours’ names and statements.');
    await page.getByLabel('What is provided').fill('Your complaint file, with the neighbours’ details removed.');
    await page.getByLabel('Purposes of the processing').fill('Investigating noise complaints.');
    await page.getByLabel('Categories of personal data').fill('Contact details and complaint records.');
    await page.getByLabel('Recipients').fill('Our environmental health team only.');
    await page.getByLabel('How long it is kept').fill('Six years after the complaint closes.');
    await page.getByLabel('Where it came from').fill('You and your neighbours.');
    await page.getByRole('button', { name: 'Update the letter' }).click();
    await page.getByTestId('letter-preview').waitFor();
    expect(await page.getByTestId('letter-problems').count()).toBe(0);
    const text = await page.getByTestId('letter-preview').textContent();
    expect(text).toContain('Article 12(4)');
    expect(text).toContain('Paragraph 16 of Schedule 2 to the Data Protection Act 2018');
    expect(text).not.toContain('£450');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sar-02-refusal');
  });
});
