// A small web-first expect for playwright-core, which lacks the test
// runner's: each assertion retries until it holds or its timeout passes.
const TIMEOUT = 10_000;

async function until(what, probe) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  for (let delay = 25; ; delay = Math.min(delay * 2, 100)) {
    try {
      if (await probe()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`expected ${what} within ${TIMEOUT} ms${last ? ': ' + last.message : ''}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

export function expect(locator) {
  const positive = {
    toBeVisible: () => locator.waitFor({ state: 'visible', timeout: TIMEOUT }),
    toBeHidden: () => locator.waitFor({ state: 'hidden', timeout: TIMEOUT }),
    toBeChecked: () => until(`${locator} to be checked`, () => locator.isChecked({ timeout: 1000 })),
    toContainText: (text) => until(`${locator} to contain "${text}"`, async () => (await locator.innerText({ timeout: 1000 })).includes(text)),
    toHaveCount: (n) => until(`${locator} to count ${n}`, async () => (await locator.count()) === n),
  };
  positive.not = {
    toBeChecked: () => until(`${locator} not to be checked`, async () => !(await locator.isChecked({ timeout: 1000 }))),
    toContainText: (text) => until(`${locator} not to contain "${text}"`, async () => !(await locator.innerText({ timeout: 1000 })).includes(text)),
  };
  return positive;
}
