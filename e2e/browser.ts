/// <reference lib="dom" />
// Test harness for browser journeys: an in-process server on a free port and Debian's Chromium via playwright-core.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openApp, serverFor, type App } from '../src/main.ts';
import { fixedClock } from '../src/app/ports/clock.ts';
import { isoDate } from '../src/domain/shared/iso-date.ts';

/** The flags the project's machines need (no network, no sandbox as root, no GPU). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Harness = {
  readonly baseUrl: string;
  readonly app: App;
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

export const skipBrowser =
  process.env.ACCORDANCE_SKIP_BROWSER ||
  (process.env.ACCORDANCE_CHROMIUM ? false : 'ACCORDANCE_CHROMIUM not set (run through npm test)');

export async function startHarness(): Promise<Harness> {
  const app: App = await openApp({ kind: 'pglite' }, fixedClock(isoDate('2018-02-24')));
  const server: FastifyInstance = serverFor(app, {}, 'e2e');
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'accordance-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.ACCORDANCE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return {
    baseUrl: address,
    app,
    context,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

/** Runs axe-core in the page; returns the serious and critical WCAG A/AA violations. */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string; nodes: number; help: string }[]> {
  // Evaluated through the DevTools protocol: the page's own CSP (no inline script) stays in force for the app.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[]; help: string }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
}

/** Saves a screenshot into docs/img when ACCORDANCE_SCREENSHOTS=1 (kept out of ordinary test runs). */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.ACCORDANCE_SCREENSHOTS !== '1') return;
  await page.screenshot({
    path: fileURLToPath(new URL(`../docs/img/${name}.png`, import.meta.url)),
    fullPage: false,
  });
}
