// The dashboard in headless Chromium: it shows every node by zone and every group with its leader,
// updates live, shows a SIGKILLed node as down while its groups elect leaders elsewhere, and drops
// the node once the fleet has purged it.
import test from 'ava';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_NODES, startDemo, type Demo } from '../src/index.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

test('dashboard shows nodes and groups; a killed node is marked down, then disappears once purged', async (t) => {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  try {
    demo = await startDemo({
      nodes: DEFAULT_NODES.slice(0, 3),
      groups: [
        { name: 'counter-1', machine: 'counter' },
        { name: 'kv-1', machine: 'kv' },
        { name: 'locks', machine: 'locks' },
      ],
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(demo.dashboard.url);
    await page.waitForFunction(() => document.querySelectorAll('tr[data-node][data-state="up"]').length === 3, undefined, { timeout: 60_000 });
    t.deepEqual(await page.$$eval('tr[data-node]', (rows) => rows.map((r) => `${r.querySelector('td.zone')?.textContent}/${r.getAttribute('data-node')}`)), ['zone-a/n1', 'zone-b/n2', 'zone-c/n3']);
    // Every group column, and one leader badge per group once the leaders are known.
    await page.waitForFunction(() => document.querySelectorAll('th[data-group]').length === 3 && document.querySelectorAll('#grid span.badge.L').length === 3, undefined, { timeout: 60_000 });
    t.deepEqual((await page.$$eval('th[data-group]', (ths) => ths.map((th) => th.getAttribute('data-group')))).sort(), ['counter-1', 'kv-1', 'locks']);
    t.is(await page.locator('#grid span.badge.F').count(), 6);
    await page.screenshot({ path: '/tmp/raftfleet-dashboard.png', fullPage: true });

    // Kill the node leading the most groups: the page marks it and its leaderships move away.
    const leaders = await page.$$eval('#grid span.badge.L', (spans) => spans.map((s) => s.closest('tr')?.getAttribute('data-node') ?? ''));
    const victim = [...leaders].sort((a, b) => leaders.filter((x) => x === b).length - leaders.filter((x) => x === a).length)[0]!;
    demo.cluster.kill(victim);
    await page.waitForFunction(
      (id) => {
        const row = document.querySelector(`tr[data-node="${id}"]`);
        return row !== null && ['killed', 'down'].includes(row.getAttribute('data-state') ?? '') && row.querySelectorAll('span.badge.L').length === 0 && document.querySelectorAll('#grid span.badge.L').length === 3;
      },
      victim,
      { timeout: 60_000 },
    );
    t.true(await page.locator(`tr[data-node="${victim}"].dead`).isVisible());
    await page.screenshot({ path: '/tmp/raftfleet-dashboard-killed.png', fullPage: true });

    // After the purge grace period (6 s in the demo) the registry drops the node, and so does the page.
    await page.waitForFunction(
      (id) => document.querySelector(`tr[data-node="${id}"]`) === null && document.querySelectorAll('tr[data-node]').length === 2 && document.querySelectorAll('#grid span.badge.L').length === 3,
      victim,
      { timeout: 60_000 },
    );
    t.deepEqual((await page.$$eval('tr[data-node]', (rows) => rows.map((r) => r.getAttribute('data-state')))), ['up', 'up']);
  } finally {
    await browser?.close();
    await demo?.stop();
  }
});
