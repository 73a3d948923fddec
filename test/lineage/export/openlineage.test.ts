import { test } from 'tap'
import { OL_SCHEMA, toOpenLineageEvents, toOpenLineageNdjson } from '../../../lineage/export/index.js'
import { fixtureModel, SQL, STATEMENTS } from './fixture.js'

const opts = {
  jobName: 'nightly', eventTime: '2024-01-01T00:00:00.000Z', runId: (n: string) => `run-${n}`,
  statements: STATEMENTS, sources: [{ name: 'etl/load.sql', text: SQL }],
}

test('one COMPLETE run event per statement, named after file and statement', async (t) => {
  const events = toOpenLineageEvents(fixtureModel(), opts)
  t.same(events.map((e) => e.job.name), ['nightly.etl/load.sql.statement-1', 'nightly.etl/load.sql.statement-2'])
  t.ok(events.every((e) => e.eventType === 'COMPLETE' && e.schemaURL === OL_SCHEMA && e.eventTime === opts.eventTime))
  t.equal(events[0]!.run.runId, 'run-nightly.etl/load.sql.statement-1')
  t.equal((events[0]!.job.facets.sql as { query: string }).query, SQL.split('\n')[0])
  t.same(events[0]!.inputs, [{ namespace: 'oracle://default', name: 'stg.sales' }])
  t.same(events[0]!.outputs.map((o) => o.name), ['dw.sales_summary'])
  t.same(events[1]!.inputs.map((i) => i.name), ['dw.sales_summary'])
  t.same(events[1]!.outputs.map((o) => o.name), ['rpt.v,region'])
})

test('columnLineage: direct subtypes collapsed through INSERT-SELECT, indirect at field and dataset level', async (t) => {
  const [insert] = toOpenLineageEvents(fixtureModel(), opts)
  const facet = insert!.outputs[0]!.facets!.columnLineage as {
    _schemaURL: string
    fields: Record<string, { inputFields: Array<{ field: string; transformations: Array<{ type: string; subtype: string; description?: string }> }> }>
    dataset: Array<{ name: string; field: string; transformations: Array<{ type: string; subtype: string }> }>
  }
  t.match(facet._schemaURL, /ColumnLineageDatasetFacet/)
  t.same(Object.keys(facet.fields).sort(), ['region', 'total'])
  t.same(facet.fields.region!.inputFields.map((f) => [f.field, f.transformations[0]!.type, f.transformations[0]!.subtype]), [['region', 'DIRECT', 'IDENTITY']])
  const total = facet.fields.total!.inputFields.map((f) => [f.field, f.transformations[0]!.type, f.transformations[0]!.subtype]).sort()
  t.same(total, [['amount', 'DIRECT', 'AGGREGATION'], ['region', 'INDIRECT', 'GROUP_BY']])
  t.equal(facet.fields.total!.inputFields.find((f) => f.field === 'amount')!.transformations[0]!.description, 'SUM')
  t.same(facet.dataset.map((f) => [f.name, f.field, f.transformations[0]!.type, f.transformations[0]!.subtype]), [['stg.sales', 'status', 'INDIRECT', 'FILTER']])
})

test('without annotations the relation type and clause decide', async (t) => {
  const m = fixtureModel()
  for (const r of m.relations) delete r.dataflow
  const facet = toOpenLineageEvents(m, opts)[0]!.outputs[0]!.facets!.columnLineage as { dataset: Array<{ transformations: Array<{ subtype: string }> }> }
  t.equal(facet.dataset[0]!.transformations[0]!.subtype, 'FILTER')
})

test('NDJSON: one parseable event per line; namespace option', async (t) => {
  const lines = toOpenLineageNdjson(fixtureModel(), { ...opts, namespace: 'postgres://db:5432' }).trimEnd().split('\n')
  t.equal(lines.length, 2)
  t.ok(lines.map((l) => JSON.parse(l)).every((e) => e.inputs[0].namespace === 'postgres://db:5432'))
})

test('a model without dataset-to-dataset flow yields no events', async (t) => {
  const m = fixtureModel()
  m.relations = m.relations.filter((r) => r.id === 'r1')
  t.same(toOpenLineageEvents(m, opts), [])
})
