// Every case of the shared conformance suite (copied into test/fixtures/conformance), compared by its
// README's rules: exact end-to-end fdd/fdr sets, tables read/written, errors, coordinates.
import t from 'tap'
import { loadCases, checkCase } from '../helpers/conformance.js'

const cases = loadCases()
t.ok(cases.length >= 169, `loaded ${cases.length} cases`)
const byFolder = new Map<string, typeof cases>()
for (const c of cases) {
  const f = c.id.split('/')[0]
  byFolder.set(f, [...(byFolder.get(f) ?? []), c])
}
for (const [folder, list] of byFolder) {
  t.test(folder, async (tt) => {
    for (const c of list) tt.same(checkCase(c), [], c.id)
  })
}
