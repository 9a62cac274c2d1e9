import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(process.argv[4] ?? 1100), height: 800 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2]);
await page.waitForTimeout(Number(process.argv[5] ?? 3000));
await page.screenshot({ path: process.argv[3], fullPage: true });
await browser.close();
