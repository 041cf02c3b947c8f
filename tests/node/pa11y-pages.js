// HTML_CodeSniffer through pa11y (WCAG2AA), on Debian's Chromium, one browser for every page.
// Usage: node pa11y-pages.js BASE_URL PAGE... ; prints one JSON object: {page: [issues]} (errors only).
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main() {
    const [base, ...pages] = process.argv.slice(2);
    const browser = await puppeteer.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--no-sandbox", "--headless=new"],
    });
    const found = {};
    try {
        for (const path of pages) {
            const page = await browser.newPage();
            try {
                const result = await pa11y(base + path, {
                    browser, page, standard: "WCAG2AA", runners: ["htmlcs"], includeWarnings: false,
                    includeNotices: false, timeout: 60000,
                });
                found[path] = result.issues
                    .filter(issue => issue.type === "error")
                    .map(issue => ({code: issue.code, selector: issue.selector, context: issue.context,
                                    message: issue.message}));
            } finally {
                await page.close();
            }
        }
    } finally {
        await browser.close();
    }
    process.stdout.write(JSON.stringify(found));
}

main().catch(error => { console.error(error); process.exit(1); });
