// Drives GraphIntel's GraphiQL IDE in a real headless Chromium and reports what a user would see.
//
//   node tests/browser/graphiql.mjs --url <api base url> --chromium <path> --screenshot <file.png>
//
// Steps: open <url>/graphql as a browser does (Accept: text/html); wait for the query editor; run the default
// query with the run button; take a screenshot; replace the query with one that has a syntax error and run it
// with Ctrl-Enter. Prints one JSON object on stdout:
//   { browserVersion, title, load, defaultQuery, syntaxError, screenshot, pageErrors, consoleErrors }
// where each step is { ok, ..., error? } so one failing step does not hide the others.
// Exits 0 when the report was written (even with failed steps), 1 when the browser could not run, 2 for bad input.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

// The flags the project runs Chromium with. Playwright's launch() gives every run a fresh temporary
// --user-data-dir of its own (and deletes it on close); it refuses one passed in args.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const STEP_TIMEOUT_MS = 10_000;
const SYNTAX_ERROR_QUERY = '{\n  organization(name: "ISIS-K") {\n    id name\n';

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const RESULT_EDITOR = '.result-window .CodeMirror';
const RUN_BUTTON = '.graphiql-execute-button';

function usage(message) {
  console.error(`${message}\nusage: graphiql.mjs --url <api base url> --chromium <path> --screenshot <file.png>`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: { url: { type: 'string' }, chromium: { type: 'string' }, screenshot: { type: 'string' } },
  }));
} catch (e) {
  usage(e.message);
}
for (const name of ['url', 'chromium', 'screenshot']) if (!options[name]) usage(`missing --${name}`);

/** Runs one step; its failure is recorded with the step's name instead of ending the run. */
async function step(name, body) {
  try {
    return { ok: true, ...(await body()) };
  } catch (e) {
    return { ok: false, error: `${name}: ${e.message.split('\n')[0]}` };
  }
}

/** The text of a CodeMirror 5 editor (GraphiQL 3's editors): its whole document and the part on screen. */
async function editorText(page, selector) {
  return page.$eval(selector, (el) => ({
    text: el.CodeMirror.getValue(),
    visibleText: el.querySelector('.CodeMirror-code')?.innerText ?? '',
  }));
}

/** Waits until the result pane holds a non-empty document different from `previous`, and returns it. */
async function nextResult(page, previous) {
  await page.waitForFunction(
    ([selector, before]) => {
      const value = document.querySelector(selector)?.CodeMirror?.getValue() ?? '';
      return value.trim() !== '' && value !== before;
    },
    [RESULT_EDITOR, previous],
    { timeout: STEP_TIMEOUT_MS },
  );
  return editorText(page, RESULT_EDITOR);
}

let browser;
try {
  browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
} catch (e) {
  console.log(JSON.stringify({ error: `could not launch ${options.chromium}: ${e.message.split('\n')[0]}` }));
  process.exit(1);
}

const report = { browserVersion: browser.version(), pageErrors: [], consoleErrors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (e) => report.pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && report.consoleErrors.push(m.text()));

  report.load = await step('load', async () => {
    const response = await page.goto(new URL('/graphql', options.url).href, { waitUntil: 'load' });
    await page.waitForSelector(QUERY_EDITOR, { state: 'visible' });
    await page.waitForSelector(RUN_BUTTON, { state: 'visible' });
    return { status: response?.status() ?? 0, query: (await editorText(page, QUERY_EDITOR)).text };
  });
  report.title = await page.title();

  let result = '';
  if (report.load.ok) {
    report.defaultQuery = await step('run the default query with the run button', async () => {
      await page.click(RUN_BUTTON);
      const shown = await nextResult(page, result);
      result = shown.text;
      return shown;
    });

    report.screenshot = await step('screenshot', async () => {
      await mkdir(dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot });
      return { path: options.screenshot };
    });

    report.syntaxError = await step('run a query with a syntax error with Ctrl-Enter', async () => {
      await page.click(QUERY_EDITOR);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      // insertText types the text as one input, like a paste: the editor's bracket auto-closing cannot repair it.
      await page.keyboard.insertText(SYNTAX_ERROR_QUERY);
      const query = (await editorText(page, QUERY_EDITOR)).text;
      await page.keyboard.press('Control+Enter');
      return { query, ...(await nextResult(page, result)) };
    });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 2));
