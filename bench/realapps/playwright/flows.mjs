// The eight everyday flows of executor/testdata/apps/flows, written as a
// Playwright user would: role, label and placeholder locators, web-first
// assertions, no CSS or XPath.
import { expect } from './expect.mjs';

const NEW_TODO = 'What needs to be done?';

async function add(page, ...titles) {
  for (const t of titles) {
    await page.getByPlaceholder(NEW_TODO).fill(t);
    await page.getByPlaceholder(NEW_TODO).press('Enter');
  }
}

const item = (page, text) => page.getByRole('listitem').filter({ hasText: text });

export const flows = {
  '1-add-with-enter': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await expect(page.getByText('Buy milk')).toBeVisible();
    await expect(page.getByText('Walk the dog')).toBeVisible();
    await expect(page.locator('body')).toContainText('2 items left');
    await expect(page.getByRole('checkbox')).toHaveCount(3);
  },
  '2-complete': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await item(page, 'Buy milk').getByRole('checkbox').check();
    await expect(item(page, 'Buy milk').getByRole('checkbox')).toBeChecked();
    await expect(item(page, 'Walk the dog').getByRole('checkbox')).not.toBeChecked();
    await expect(page.locator('body')).toContainText('1 item left');
  },
  '3-toggle-all': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await page.getByRole('checkbox').first().check();
    await expect(item(page, 'Buy milk').getByRole('checkbox')).toBeChecked();
    await expect(item(page, 'Walk the dog').getByRole('checkbox')).toBeChecked();
    await expect(page.locator('body')).toContainText('0 items left');
    await page.getByRole('checkbox').first().uncheck();
    await expect(item(page, 'Buy milk').getByRole('checkbox')).not.toBeChecked();
    await expect(page.locator('body')).toContainText('2 items left');
  },
  '4-filters': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await item(page, 'Buy milk').getByRole('checkbox').check();
    await page.getByRole('link', { name: 'Active' }).click();
    await expect(page.getByText('Walk the dog')).toBeVisible();
    await expect(page.getByText('Buy milk')).toBeHidden();
    await page.getByRole('link', { name: 'Completed' }).click();
    await expect(page.getByText('Buy milk')).toBeVisible();
    await expect(page.getByText('Walk the dog')).toBeHidden();
    await page.getByRole('link', { name: 'All' }).click();
    await expect(page.getByText('Buy milk')).toBeVisible();
    await expect(page.getByText('Walk the dog')).toBeVisible();
  },
  '5-clear-completed': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await item(page, 'Buy milk').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Clear completed' }).click();
    await expect(page.locator('body')).not.toContainText('Buy milk');
    await expect(page.locator('body')).toContainText('Walk the dog');
    await expect(page.getByRole('checkbox')).toHaveCount(2);
  },
  '6-edit': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk');
    await page.getByText('Buy milk').dblclick();
    await page.locator(':focus').fill('Buy oat milk');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Buy oat milk')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Buy milk');
  },
  '7-delete': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await page.getByText('Buy milk').hover();
    await item(page, 'Buy milk').getByRole('button', { name: '✖' }).click();
    await expect(page.locator('body')).not.toContainText('Buy milk');
    await expect(page.locator('body')).toContainText('Walk the dog');
    await expect(page.locator('body')).toContainText('1 item left');
  },
  '8-persistence': async (page) => {
    await page.goto('./index.html');
    await add(page, 'Buy milk', 'Walk the dog');
    await item(page, 'Buy milk').getByRole('checkbox').check();
    await page.waitForTimeout(1000); // as the step flow: Knockout's app saves 500 ms after the last change
    await page.reload();
    await expect(page.getByText('Walk the dog')).toBeVisible();
    await expect(item(page, 'Buy milk').getByRole('checkbox')).toBeChecked();
    await expect(page.locator('body')).toContainText('1 item left');
  },
};
