// Runs the Playwright side of bench/realapps: every flow of flows.mjs on
// every app, `--contexts` at a time, each in a fresh browser context of one
// Chromium (Debian's; Playwright downloads nothing). Prints one JSON line per
// flow, then a summary line, on stdout.
//
//	node run.mjs --base http://127.0.0.1:PORT --apps vanillajs,react --contexts 2
import { chromium } from 'playwright-core';
import { flows } from './flows.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : def;
};
const base = arg('base');
const apps = arg('apps', '').split(',').filter(Boolean);
const contexts = Number(arg('contexts', '2'));
const only = arg('flows', '').split(',').filter(Boolean);
const executablePath = arg('chromium', process.env.CHROME_BIN || '/usr/bin/chromium');
if (!base || apps.length === 0) {
  console.error('usage: node run.mjs --base URL --apps a,b [--contexts N] [--flows f,g] [--chromium PATH]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const jobs = [];
for (const app of apps) {
  for (const [name, flow] of Object.entries(flows)) {
    if (only.length === 0 || only.includes(name)) jobs.push({ app, name, flow });
  }
}
const started = Date.now();
let next = 0;
let passed = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const t0 = Date.now();
    const context = await browser.newContext({ baseURL: `${base}/${job.app}/`, viewport: { width: 1280, height: 720 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    let error = '';
    try {
      await job.flow(page);
      passed++;
    } catch (e) {
      error = String(e && e.message ? e.message : e).split('\n')[0];
    }
    await context.close();
    console.log(JSON.stringify({ app: job.app, flow: job.name, passed: !error, ms: Date.now() - t0, error }));
  }
}
await Promise.all(Array.from({ length: contexts }, worker));
const ms = Date.now() - started;
console.log(JSON.stringify({ summary: true, total: jobs.length, ok: passed, ms }));
await browser.close();
