// SPDX-License-Identifier: GPL-3.0-or-later
// Checks generated web pages: html-validate (no errors), then axe-core (WCAG 2.1 A/AA rules)
// in headless Chromium at 320 px and 1280 px wide, light and dark, and that the page makes no
// request other than itself.
// Usage: node check-web.mjs FILE.html...   (exit 0 if every page passes)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const modules = process.env.CANDOR_JS_MODULES;
if (!modules) {
  console.error("CANDOR_JS_MODULES is not set");
  process.exit(2);
}
const require = createRequire(join(modules, "noop.js"));
const { HtmlValidate } = require("html-validate");
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: check-web.mjs FILE.html...");
  process.exit(2);
}

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(message);
};

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
for (const file of files) {
  const report = await validator.validateFile(file);
  for (const result of report.results)
    for (const m of result.messages)
      if (m.severity >= 2) fail(`${file}:${m.line}:${m.column}: html-validate ${m.ruleId}: ${m.message}`);
  console.log(`html-validate ${file}: ${report.valid ? "ok" : "errors"}`);
}

const profile = mkdtempSync(join(tmpdir(), "candor-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CANDOR_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  // The page forbids scripts by CSP (as it should); axe is injected by the test only.
  bypassCSP: true,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const file of files) {
    const url = pathToFileURL(resolve(file)).href;
    for (const [width, scheme] of [[320, "light"], [1280, "light"], [320, "dark"], [1280, "dark"]]) {
      const requests = [];
      const onRequest = (request) => {
        if (request.url() !== url && !request.url().startsWith("data:")) requests.push(request.url());
      };
      page.on("request", onRequest);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      page.off("request", onRequest);
      for (const r of requests) fail(`${file}: external request to ${r}`);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) fail(`${file} at ${width} px: content is ${overflow} px wider than the window`);

      await page.evaluate(axeSource);
      const results = await page.evaluate(() =>
        window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        }));
      for (const v of results.violations)
        fail(`${file} at ${width} px (${scheme}): axe ${v.id}: ${v.help} — ` +
             v.nodes.map((n) => n.target.join(" ")).join(", "));
      console.log(`axe ${file} ${width}px ${scheme}: ${results.violations.length} violations, ` +
                  `${results.passes.length} rules passed`);
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
