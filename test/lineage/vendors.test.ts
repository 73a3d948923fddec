// Issue 4: every vendor's real-world fixture script (test/fixtures/vendors) parses and analyses without
// SyntaxError/AnalyzeError, and the vendor-specific statements produce the expected end-to-end lineage
// (conformance rules, test/fixtures/conformance/README.md §3–§6, derived by hand).
//
// A failing fixture statement fails this test. The only escape is KNOWN_GAPS below: an entry marks that
// one statement's (or lineage snippet's) assertion as tap `todo`, with the reason. The README's
// "Vendors" table lists the same gaps. Regenerate the full failure list with
// `node --import tsx test/helpers/vendor-report.ts` (writes .scratch/vendor-failures.md).
import t from 'tap'
import { MAJOR_VENDORS, OTHER_VENDORS, fixtureFiles, runFixture, type Failure } from '../helpers/vendor-fixtures.js'
import { FIXTURE_EDGES, SNIPPETS, fixtureEdgeProblems, snippetProblems } from '../helpers/vendor-snippets.js'

export interface KnownGap {
  vendor: string
  /**
   * A fixture statement as `<file>:<first line>-<last line>` of the statement in the fixture: it covers
   * every failed statement the engine reports as starting inside that range (a statement the engine
   * cannot parse may come back as several failed pieces). Or `lineage:<snippet title>` for a snippet.
   */
  where: string
  reason: string
}

/** Statements the engine does not handle yet. Shrink this list as the engine improves. */
export const KNOWN_GAPS: KnownGap[] = [
]

const MIN_STATEMENTS: Record<string, number> = Object.fromEntries([
  ...MAJOR_VENDORS.map((v) => [v, 30] as const),
  ...OTHER_VENDORS.map((v) => [v, 12] as const),
])

const gapFor = (vendor: string, where: string) => KNOWN_GAPS.find((g) => g.vendor === vendor && g.where === where)

/** The KNOWN_GAPS entry whose fixture statement (file and line range) contains this failure. */
function gapForFailure(f: Failure): KnownGap | undefined {
  return KNOWN_GAPS.find((g) => {
    const m = /^(.+):(\d+)(?:-(\d+))?$/.exec(g.where)
    if (g.vendor !== f.vendor || !m || m[1] !== f.file) return false
    const from = Number(m[2]), to = Number(m[3] ?? m[2])
    return from <= f.line && f.line <= to
  })
}
const used = new Set<KnownGap>()

function describe(f: Failure): string {
  return `${f.file}:${f.line} ${f.errorType} at line ${f.errorLine}: ${f.message} [${f.head}]`
}

for (const vendor of [...MAJOR_VENDORS, ...OTHER_VENDORS]) {
  t.test(`${vendor}: fixture statements parse and analyse`, async (t) => {
    const files = fixtureFiles(vendor)
    t.ok(files.length > 0, `fixture file(s) for ${vendor}`)
    let statements = 0
    for (const fx of files) {
      const run = runFixture(fx)
      statements += run.statements
      t.ok(run.statements > 0, `${fx.file} has statements`)
      t.ok(run.result.stats.truncated === false, `${fx.file} analysed to the end`)
      if (!run.failures.length) { t.pass(`${fx.file}: ${run.statements} statements, no errors`); continue }
      for (const f of run.failures) {
        const gap = gapForFailure(f)
        if (gap) used.add(gap)
        t.fail(describe(f), gap ? { todo: `known gap: ${gap.reason}` } : {})
      }
    }
    t.ok(statements >= MIN_STATEMENTS[vendor], `${vendor}: ${statements} statements (at least ${MIN_STATEMENTS[vendor]})`)
  })
}

// ---------------------------------------------------------------------------------------------------
// Lineage of vendor-specific statements: exact end-to-end fdd edges (snippets in test/helpers/vendor-snippets.ts).

for (const vendor of [...MAJOR_VENDORS, ...OTHER_VENDORS]) {
  t.test(`${vendor}: lineage of vendor-specific statements`, async (t) => {
    const snippets = SNIPPETS[vendor] ?? []
    t.ok(snippets.length >= (MAJOR_VENDORS.includes(vendor as never) ? 3 : 1), `${vendor} has lineage snippets`)
    for (const s of snippets) {
      const problems = snippetProblems(vendor, s)
      const gap = gapFor(vendor, `lineage:${s.title}`)
      if (gap && problems.length) used.add(gap)
      t.same(problems, [], s.title, gap && problems.length ? { todo: `known gap: ${gap.reason}` } : {})
    }
    const edges = FIXTURE_EDGES[vendor]
    if (edges) {
      const sql = fixtureFiles(vendor).map((f) => f.text).join('\n')
      const gap = gapFor(vendor, 'lineage:fixture')
      const problems = fixtureEdgeProblems(vendor, sql, edges)
      if (gap && problems.length) used.add(gap)
      t.same(problems, [], `${vendor}.sql produces the spot-check edges of its vendor-specific statements`,
        gap && problems.length ? { todo: `known gap: ${gap.reason}` } : {})
    }
  })
}

t.test('KNOWN_GAPS entries still describe a failure', async (t) => {
  // A gap that no longer fails should be removed (reported, not failed, so an engine fix never breaks CI).
  for (const g of KNOWN_GAPS) if (!used.has(g)) t.comment(`KNOWN_GAPS entry no longer fails, remove it: ${g.vendor} ${g.where}`)
  t.ok(KNOWN_GAPS.every((g) => g.reason.trim().length > 0), 'every known gap has a reason')
})
