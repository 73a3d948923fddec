// The graph viewer (public/) in a real browser: Debian chromium driven by playwright-core against a
// server this test starts. It fails (never skips) when chromium is missing: .ci/run installs it.
import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { buildApp, sqlflowLogin } from '../helpers/build-app.js'
import { fromRoot } from '../../plugins/app/paths.js'

const CHROMIUM = '/usr/bin/chromium'

// The few DOM types the page.evaluate callbacks use: the project compiles without lib "dom" (a
// server), and adding it for one test would leak browser globals into every server file's types.
interface El { getAttribute (name: string): string | null, querySelector (sel: string): El | null, closest (sel: string): El | null, querySelectorAll (sel: string): ArrayLike<El> & Iterable<El> }
declare const document: El

// CREATE + INSERT…SELECT with a join + a SELECT from the target: five boxes, six fdd edges.
const SCRIPT = `CREATE TABLE sales_summary (region VARCHAR(20), total NUMBER);
INSERT INTO sales_summary (region, total)
SELECT r.name, SUM(o.amount) FROM orders o JOIN regions r ON o.region_id = r.id GROUP BY r.name;
SELECT region, total FROM sales_summary;`

// line 2 is broken: the engine reports a syntax error there and still analyses the rest
const BROKEN = `INSERT INTO t1 (a) SELECT a FROM t2;
SELECT FROM WHERE ;
INSERT INTO t3 (b) SELECT b FROM t4;`

t.setTimeout(60_000)

t.ok(existsSync(CHROMIUM), `chromium must be installed at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`)

async function listen (app: FastifyInstance): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  return address + '/'
}

const browser: Browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
t.teardown(() => browser.close())

/** A page that records console errors and CSP violations (the page must run under helmet's CSP). */
async function openPage (url: string): Promise<{ page: Page, problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 820 } })
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(url)
  await page.waitForSelector('#dbvendor option', { state: 'attached' })
  return { page, problems }
}

/** Row ids by "table.column" label, edges as "table.column>table.column" labels. */
async function drawn (page: Page): Promise<{ tables: string[], rows: Record<string, string>, edges: string[] }> {
  return page.evaluate(() => {
    const label = new Map<string, string>()
    const rows: Record<string, string> = {}
    const tables: string[] = []
    for (const n of document.querySelectorAll('[data-testid=node]')) {
      tables.push(n.getAttribute('data-label')!)
      for (const r of n.querySelectorAll('[data-testid=column]')) {
        const name = `${n.getAttribute('data-label')}.${r.getAttribute('data-label')}`
        label.set(r.getAttribute('data-node-id')!, name)
        rows[name] = r.getAttribute('data-node-id')!
      }
    }
    const edges = [...document.querySelectorAll('[data-testid=edge]')]
      .map((e) => `${label.get(e.getAttribute('data-source')!)}>${label.get(e.getAttribute('data-target')!)}`)
    return { tables: tables.sort(), rows, edges: edges.sort() }
  })
}

const highlighted = (page: Page) => page.evaluate(() => ({
  rows: [...document.querySelectorAll('[data-testid=column].hl')].map((r) => `${r.closest('[data-testid=node]')!.getAttribute('data-label')}.${r.getAttribute('data-label')}`).sort(),
  edges: document.querySelectorAll('[data-testid=edge].hl').length,
  edgeIds: [...document.querySelectorAll('[data-testid=edge].hl')].map((e) => e.getAttribute('data-edge-id')),
}))

t.test('token mode: draw, trace a column, show it in the SQL, focus a table, go back', async (t) => {
  const app = await buildApp(t) // cloud auth: the page must send the token
  const auth = await sqlflowLogin(app, 'viewer-user')
  const { page, problems } = await openPage(await listen(app))
  t.equal(await page.title(), 'lineage-gateway · graph viewer')

  // credentials box (userId + token), then the script
  await page.locator('[data-testid=settings] summary').click()
  await page.fill('[data-testid=user-id]', auth.userId)
  await page.fill('[data-testid=token]', auth.token)
  await page.locator('[data-testid=token]').dispatchEvent('change')
  await page.locator('[data-testid=settings] summary').click()
  await page.fill('[data-testid=sqltext]', SCRIPT)
  await page.selectOption('[data-testid=dbvendor]', 'dbvoracle')
  await page.click('[data-testid=submit]')
  await page.waitForSelector('[data-testid=node]')
  t.ok((await drawn(page)).edges.includes('orders.amount>SUM.SUM'), 'SUM() is a function box by default')

  // ignoreFunction: the aggregate no longer gets a box of its own
  await page.check('#ignoreFunction')
  await page.click('[data-testid=submit]')
  await page.waitForFunction(() => !document.querySelector('[data-testid=node][data-label="SUM"]'))
  const g = await drawn(page)
  t.same(g.tables, ['INSERT-SELECT-1', 'RS-1', 'orders', 'regions', 'sales_summary'], 'one box per table and result set')
  t.same(g.edges, [
    'INSERT-SELECT-1.SUM(o.amount)>sales_summary.total',
    'INSERT-SELECT-1.name>sales_summary.region',
    'orders.amount>INSERT-SELECT-1.SUM(o.amount)',
    'regions.name>INSERT-SELECT-1.name',
    'sales_summary.region>RS-1.region',
    'sales_summary.total>RS-1.total',
  ], 'one curve per column pair')
  t.match(await page.textContent('[data-testid=status]'), /3 tables, \d+ relations · mode global/)
  t.equal(await page.textContent('[data-testid=error-count]'), '0')

  // a column: its whole upstream and downstream path, nothing of the region branch
  await page.locator(`[data-testid=column][data-node-id="${g.rows['sales_summary.total']}"]`).click()
  const hl = await highlighted(page)
  t.same(hl.rows, ['INSERT-SELECT-1.SUM(o.amount)', 'RS-1.total', 'orders.amount', 'sales_summary.total'])
  t.equal(hl.edges, 3, 'exactly the three edges on the path')
  t.ok(await page.locator('#graph.dim').count(), 'the rest is dimmed')
  t.equal(await page.locator('[data-testid=column].selected').getAttribute('data-node-id'), g.rows['sales_summary.total'])

  // the SQL side: getSelectedDbObjectInfo's statements with the column's spans marked
  await page.waitForSelector('[data-testid=selected-statement]')
  t.equal(await page.textContent('[data-testid=selected-name]'), 'sales_summary.total')
  const marks = await page.locator('[data-testid=selected-sql] mark').allTextContents()
  t.ok(marks.length >= 2, 'the column is marked in the CREATE and in the INSERT')
  t.ok(marks.every((m) => m.toLowerCase() === 'total'), `marks are the column name: ${marks.join(',')}`)
  t.same(await page.locator('[data-testid=code] mark').allTextContents().then((m) => [...new Set(m)]), ['total'], 'and in the whole script')

  await page.screenshot({ path: shotPath() })

  // a table title: selectedgraph around it (downstream of orders; the regions branch is not pulled in)
  await page.locator(`[data-testid=node][data-label="orders"] [data-testid=node-title]`).click()
  await page.waitForSelector('[data-testid=back]:not([hidden])')
  t.match(await page.textContent('[data-testid=view-title]'), /Focus: orders/)
  const focused = await drawn(page)
  t.same(focused.tables, ['INSERT-SELECT-1', 'RS-1', 'orders', 'sales_summary'])
  t.same(focused.edges, [
    'INSERT-SELECT-1.SUM(o.amount)>sales_summary.total',
    'orders.amount>INSERT-SELECT-1.SUM(o.amount)',
    'sales_summary.total>RS-1.total',
  ])
  await page.waitForSelector('[data-testid=selected-statement]')
  t.same([...new Set(await page.locator('[data-testid=selected-sql] mark').allTextContents())], ['orders'])

  await page.click('[data-testid=back]')
  t.equal((await drawn(page)).tables.length, 5, 'back to the whole script')
  t.ok(await page.locator('[data-testid=back]').isHidden())

  // pan and zoom change the viewport transform; fit restores it
  const before = await page.getAttribute('#viewport', 'transform')
  await page.mouse.move(700, 500)
  await page.mouse.wheel(0, -400)
  t.not(await page.getAttribute('#viewport', 'transform'), before, 'wheel zooms')
  await page.click('[data-testid=fit]')
  t.equal(await page.getAttribute('#viewport', 'transform'), before, 'fit restores the view')

  // downloads: the model as JSON, CSV from the server's export, GraphML built in the page
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-json]')])
  t.equal(json.suggestedFilename(), 'lineage.json')
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')])
  t.match(await readDownload(csv), /orders/i, 'the CSV names the tables')
  const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-graphml]')])
  const xml = await readDownload(graphml)
  t.equal(xml.match(/<edge /g)?.length, 6, 'GraphML has the six edges')

  // fdr relations (the GROUP BY, the join condition) are drawn dashed, told apart by relationIdMap
  await page.check('input[name=rel][value=fdr]')
  await page.click('[data-testid=submit]')
  await page.waitForSelector('[data-testid=edge][data-rel=fdr]')
  const kinds = await page.locator('[data-testid=edge]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rel')}:${e.getAttribute('class')}`))
  t.ok(kinds.filter((k) => k.startsWith('fdr:')).every((k) => k.endsWith('rel-other')), 'fdr edges are dashed')
  t.ok(kinds.filter((k) => k.startsWith('fdd:')).every((k) => k.endsWith('rel-fdd')), 'fdd edges are solid')

  t.same(problems, [], 'no console errors or CSP violations')
  await page.close()
})

t.test('errors are listed with their line and highlight it', async (t) => {
  const app = await buildApp(t, { authMode: 'onprem' }) // on-prem: no token at all
  const { page, problems } = await openPage(await listen(app))
  await page.fill('[data-testid=sqltext]', BROKEN)
  await page.click('[data-testid=submit]')
  await page.waitForSelector('[data-testid=error]')
  const lines = await page.locator('[data-testid=error]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')))
  t.ok(lines.includes('2'), `an error on line 2 (got ${lines.join(',')})`)
  t.match(await page.textContent('[data-testid=status]'), /with errors/)
  await page.locator('[data-testid=error][data-line="2"]').first().click()
  t.equal(await page.locator('[data-testid=code] .ln.flash').getAttribute('data-line'), '2')
  t.equal(await page.locator('[data-testid=code] .ln.err-line').first().getAttribute('data-line'), '2')
  // the statements around the broken one are still drawn
  t.same((await drawn(page)).edges, ['INSERT-SELECT-1.a>t1.a', 'INSERT-SELECT-2.b>t3.b', 't2.a>INSERT-SELECT-1.a', 't4.b>INSERT-SELECT-2.b'])
  t.same(problems, [])
  await page.close()
})

t.test('summary mode: counts and a table list instead of a hairball', async (t) => {
  // a relation limit of 2 forces this small script into summary mode (a 300-table job in real life)
  const app = await buildApp(t, { authMode: 'onprem', graphMaxRelations: 2 })
  const { page, problems } = await openPage(await listen(app))
  await page.fill('[data-testid=sqltext]', SCRIPT)
  // with functions and result sets left out, the focused graph of orders is one pair: under the limit
  await page.check('#ignoreFunction')
  await page.check('#ignoreRecordSet')
  await page.click('[data-testid=submit]')
  await page.waitForSelector('[data-testid=summary]:not([hidden])')
  t.match(await page.textContent('[data-testid=summary]'), /too many relations/)
  t.equal(await page.locator('[data-testid=node]').count(), 0, 'no graph drawn')
  const names = await page.locator('[data-testid=summary-table]').allTextContents()
  t.same([...names].sort(), ['orders', 'regions', 'sales_summary'])
  await page.locator('[data-testid=summary-table]', { hasText: 'orders' }).click()
  await page.waitForSelector('[data-testid=node]')
  t.match(await page.textContent('[data-testid=view-title]'), /Focus: orders/)
  t.same((await drawn(page)).edges, ['orders.amount>sales_summary.total', 'sales_summary.total>RS-1.total'], 'the focused graph is drawn')
  t.ok(await page.locator('[data-testid=summary]').isHidden())
  t.same(problems, [])
  await page.close()
})

function shotPath (): string {
  mkdirSync(fromRoot('docs'), { recursive: true })
  return fromRoot('docs', 'viewer.png')
}

async function readDownload (d: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of await d.createReadStream()) chunks.push(Buffer.from(c as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}
