// Fills a GOV.UK date input (day, month and year fields in a fieldset named by its legend).
import type { Page } from 'playwright-core';

export async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}
