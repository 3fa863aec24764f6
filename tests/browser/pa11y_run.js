// pa11y's HTML_CodeSniffer runner on every URL given, in one Debian Chromium (no download).
// Usage: node tests/browser/pa11y_run.js URL... ; prints {"<url>": [issue, ...]} as JSON.
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main(urls) {
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  const results = {};
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      // pa11y's own navigation waits for network idle, seconds per page; "load" is enough here.
      await page.goto(url, { waitUntil: "load", timeout: 30000 });
      const report = await pa11y(url, {
        browser,
        page,
        ignoreUrl: true,
        runners: ["htmlcs"],
        standard: "WCAG2AA",
        includeNotices: false,
        includeWarnings: false,
        timeout: 30000,
      });
      results[url] = report.issues.filter((issue) => issue.type === "error");
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(2);
});
