/// <reference lib="dom" />
// Browser journeys in real headless Chromium: the map and its date slider, a jurisdiction page, the board,
// a policy upload, the CSV export; with axe checks on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, maybeScreenshot, skipBrowser, startHarness, type Harness } from './browser.ts';

let h: Harness;
const opts = skipBrowser ? { skip: String(skipBrowser) } : {};
const DENVER = 'ocd-division/country:us/state:co/place:denver';

before(async () => {
  if (!skipBrowser) h = await startHarness();
});
after(async () => {
  await h?.close();
});

const categoryOf = (page: import('playwright-core').Page, id: string) =>
  page.locator(`svg [data-id="${id}"]`).getAttribute('data-category');

test(
  'moving the date slider from 2017-09-01 to 2018-02-24 puts Denver on the map as overdue',
  opts,
  async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/?asOf=2017-09-01`);
    // On 2017-09-01 Denver had received no letter yet (its first came on 2017-11-15): it is not on the map.
    await page.waitForFunction(() => document.querySelectorAll('svg [data-id]').length === 9);
    assert.equal(await page.locator(`svg [data-id="${DENVER}"]`).count(), 0);
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    );
    process.stdout.write(`# first contentful paint of / : ${fcp.toFixed(0)} ms\n`);

    // Drag the thumb to about the right place, then step with the arrow keys to the exact day.
    const slider = page.getByTestId('date-slider');
    const box = await slider.boundingBox();
    assert.ok(box);
    const max = Number(await slider.getAttribute('max'));
    const target = Math.round((Date.parse('2018-02-24') - Date.parse('2016-01-01')) / 86_400_000);
    const current = Number(await slider.inputValue());
    await page.mouse.move(box.x + (box.width * current) / max, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * target) / max, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    for (let i = 0; i < 40; i++) {
      const v = Number(await slider.inputValue());
      if (v === target) break;
      await slider.press(v < target ? 'ArrowRight' : 'ArrowLeft');
    }
    assert.equal(await slider.getAttribute('aria-valuetext'), '2018-02-24');
    await page.waitForURL(/asOf=2018-02-24/);
    await page.waitForFunction(
      (id) => document.querySelector(`svg [data-id="${id}"]`)?.getAttribute('data-category') === 'overdue',
      DENVER,
    );
    assert.equal(await categoryOf(page, DENVER), 'overdue');
    assert.match(await page.getByTestId('map-summary').innerText(), /2018-02-24/);
    await maybeScreenshot(page, 'map');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  },
);

test(
  'opening Chicago names the injunction as the reason the access condition is not enforceable',
  opts,
  async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/?asOf=2018-02-24`);
    await page.getByRole('link', { name: 'City of Chicago, IL' }).first().click();
    await page.getByTestId('jurisdiction-page').waitFor();
    const row = page.locator('tr[data-requirement="jag-fy2017-access"]');
    assert.equal(await row.getAttribute('data-enforceable'), 'false');
    assert.match(
      await row.innerText(),
      /enjoined nationwide by City of Chicago v\. Sessions, N\.D\. Ill\., 2017-09-15/,
    );
    assert.match(await page.locator('.timeline').innerText(), /2018-02-23/);
    await maybeScreenshot(page, 'jurisdiction');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  },
);

test('the campaign board filters by state and downloads the selection', opts, async () => {
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/campaign?asOf=2018-02-24`);
  await page.getByRole('heading', { name: /January 2018 document requests/ }).waitFor();
  await page.getByLabel('State', { exact: true }).selectOption('responded');
  const jan = page.locator('section.wave', { hasText: 'January 2018 document requests' });
  assert.equal(await jan.locator('tbody tr').count(), 2);
  await jan.getByRole('checkbox', { name: /Select all shown/ }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download selected (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  assert.equal(csv.trim().split('\r\n').length, 3);
  await jan.getByText('How was this deadline computed?').click();
  assert.match(await jan.locator('.trace').innerText(), /30 calendar days|day 30/);
  await page.getByLabel('State', { exact: true }).selectOption('all');
  await maybeScreenshot(page, 'campaign');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('the CSV export downloads the status as of the chosen date', opts, async () => {
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/exports?asOf=2018-02-24`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'accordance-status-2018-02-24.csv');
  const lines = readFileSync((await download.path()) as string, 'utf8')
    .trim()
    .split('\r\n');
  assert.match(lines[0] ?? '', /^id,name,kind,category/);
  assert.ok(lines.length > 30);
  assert.ok(lines.some((l) => l.startsWith(`${DENVER},`) && l.includes(',overdue,')));
  await maybeScreenshot(page, 'exports');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('keyboard: skip link, then a map jurisdiction opened with Enter', opts, async () => {
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/?asOf=2018-02-24`);
  await page.locator(`svg [data-id="${DENVER}"]`).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.locator(`a[aria-label^="City and County of Denver"]`).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('jurisdiction-page').waitFor();
  assert.match(page.url(), /\/j\/ocd-division\/country:us\/state:co\/place:denver/);
  await page.close();
});

test('on a phone-sized screen nothing overflows sideways', opts, async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/?asOf=2018-02-24', `/j/${DENVER}?asOf=2018-02-24`, '/campaign?asOf=2018-02-24']) {
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator('main h1').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${path} overflows by ${overflow}px`);
  }
  await page.close();
});

test('a respondent opens a signed link, uploads a file and gets a receipt with its hash', opts, async () => {
  const admin = {
    kind: 'user' as const,
    id: 'e2e',
    email: 'analyst@example.gov',
    role: 'analyst' as const,
    jurisdiction: null,
  };
  const link = await h.app.uploads.createLink(admin, {
    jurisdiction: DENVER,
    days: 7,
    uploader: 'Denver City Attorney',
  });
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/respond/${link.token}`);
  await page.getByRole('heading', { name: /Response of City and County of Denver/ }).waitFor();
  assert.match(await page.locator('main').innerText(), /due 2018-02-23/);
  await page.getByTestId('respond-upload').setInputFiles({
    name: 'denver-policy.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Sec. 1. No city employee shall inquire about immigration status.'),
  });
  await page.getByRole('button', { name: 'Submit' }).click();
  const receipts = page.getByTestId('receipts');
  await receipts.waitFor();
  assert.match(
    await receipts.innerText(),
    /denver-policy\.txt[\s\S]*[0-9a-f]{64}[\s\S]*Denver City Attorney/,
  );
  await maybeScreenshot(page, 'respond');
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${h.baseUrl}/respond/${link.token.slice(0, -3)}xyz`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /not valid/);
  await page.close();
});

test(
  'uploading a policy in the review workspace shows highlighted provisions and both readings side by side',
  opts,
  async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/review`);
    await page.getByTestId('review-upload').setInputFiles({
      name: 'sheriff-order.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'General Order 18-2. Section 1. Jail staff shall not provide ICE with release dates or times.\n' +
          'Section 2. ICE agents shall not be permitted access to persons in custody without a criminal warrant.\n' +
          'Section 3. Staff shall wear uniforms on duty.',
      ),
    });
    const result = page.getByTestId('review-result');
    await result.waitFor();
    const provisions = page.getByTestId('provision');
    assert.ok((await provisions.count()) >= 2);
    assert.ok((await page.locator('.provision mark').count()) >= 2, 'evidence is highlighted');
    const text = await result.innerText();
    assert.match(text, /release-notification/);
    assert.match(text, /facility-access/);
    assert.match(text, /Agency reading[\s\S]*Courts’ reading/);
    await maybeScreenshot(page, 'review');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  },
);

test('a long policy in the review workspace is shown 200 provisions at a time', opts, async () => {
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/review`);
  const rule = (i: number) =>
    `Section ${i + 1}. Jail staff shall not provide ICE with release dates or times of inmate ${i + 1}.\n`;
  await page.getByTestId('review-upload').setInputFiles({
    name: 'long-order.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(Array.from({ length: 450 }, (_, i) => rule(i)).join('')),
  });
  await page.getByTestId('review-result').waitFor();
  const provisions = page.getByTestId('provision');
  assert.equal(await provisions.count(), 200);
  const more = page.getByTestId('more-provisions');
  assert.match(await more.innerText(), /Show 200 more \(250 not shown\)/);
  await more.click();
  assert.equal(await provisions.count(), 400);
  await more.click();
  assert.equal(await provisions.count(), 450);
  assert.equal(await more.count(), 0, 'no button once everything is shown');
  await page.close();
});
