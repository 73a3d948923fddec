// A hand-built internal model (spec §3, §4.1–4.4) of two statements:
//   1: INSERT INTO dw.sales_summary (region, total)
//      SELECT s.region, SUM(s.amount) FROM stg.sales s WHERE s.status = 'ok' GROUP BY s.region
//   2: CREATE VIEW rpt."v,region" AS SELECT region FROM dw.sales_summary
import type { Coordinate, DbObj, Relation, RelationEndpoint, SqlflowModel, StatementInfo } from '../../../lineage/model/types.js'

const at = (x: number, y: number): Coordinate => ({ x, y, hashCode: '0' })
const span = (x: number, y1: number, y2: number): Coordinate[] => [at(x, y1), at(x, y2)]
const col = (id: string, name: string, system = false) => ({ id, name, coordinates: span(1, 1, 2), ...(system ? { source: 'system' as const } : {}) })

export const SQL = [
  "INSERT INTO dw.sales_summary (region, total) SELECT s.region, SUM(s.amount) FROM stg.sales s WHERE s.status = 'ok' GROUP BY s.region;",
  'CREATE VIEW rpt."v,region" AS SELECT region FROM dw.sales_summary;',
].join('\n')

const objs: DbObj[] = [
  { id: '1', name: 'stg.sales', schema: 'stg', type: 'table', alias: 's', persistent: true, coordinates: span(1, 80, 89),
    columns: [col('11', 'region'), col('12', 'amount'), col('13', 'status'), col('14', 'RelationRows', true)] },
  { id: '2', name: 'INSERT-SELECT-1', type: 'insert-select', statementIndex: 0, coordinates: span(1, 46, 76),
    columns: [col('21', 'region'), col('22', 'total'), col('23', 'RelationRows', true)] },
  { id: '3', name: 'dw.sales_summary', type: 'table', persistent: true, coordinates: span(1, 13, 29),
    columns: [col('31', 'region'), col('32', 'total'), col('33', 'RelationRows', true)] },
  { id: '4', name: 'Query Insert-1', type: 'process', statementIndex: 0, coordinates: span(1, 1, 134) },
  { id: '5', name: 'rpt."v,region"', type: 'view', persistent: true, statementIndex: 1, coordinates: span(2, 13, 27),
    columns: [col('51', 'region'), col('52', 'RelationRows', true)] },
  { id: '6', name: 'RS-1', type: 'select_list', statementIndex: 1, coordinates: span(2, 38, 44),
    columns: [col('61', 'region')] },
  { id: '7', name: 'Query Create View-1', type: 'process', statementIndex: 1, coordinates: span(2, 1, 67) },
]

const ep = (objId: string, colId: string, extra: Partial<RelationEndpoint> = {}): RelationEndpoint => {
  const o = objs.find((x) => x.id === objId)!
  const c = o.columns!.find((x) => x.id === colId)!
  return { id: colId, column: c.name, parentId: o.id, parentName: o.name, coordinates: c.coordinates, ...extra }
}

const relations: Relation[] = [
  { id: 'r1', type: 'fdd', effectType: 'select', target: ep('2', '21'), sources: [ep('1', '11')], dataflow: { kind: 'direct', subtype: 'identity' } },
  { id: 'r2', type: 'fdd', effectType: 'select', function: 'SUM', target: ep('2', '22'), sources: [ep('1', '12')], dataflow: { kind: 'direct', subtype: 'aggregation' } },
  { id: 'r3', type: 'fdr', effectType: 'select', target: ep('2', '23'), sources: [ep('1', '13', { clauseType: 'where' })], dataflow: { kind: 'indirect', subtype: 'filter' } },
  { id: 'r4', type: 'fdr', effectType: 'select', target: ep('2', '22'), sources: [ep('1', '11', { clauseType: 'groupBy' })], dataflow: { kind: 'indirect', subtype: 'group_by' } },
  { id: 'r5', type: 'fdd', effectType: 'insert', processId: '4', target: ep('3', '31'), sources: [ep('2', '21')], dataflow: { kind: 'direct', subtype: 'identity' } },
  { id: 'r6', type: 'fdd', effectType: 'insert', processId: '4', target: ep('3', '32'), sources: [ep('2', '22')], dataflow: { kind: 'direct', subtype: 'identity' } },
  { id: 'r7', type: 'fdr', effectType: 'insert', processId: '4', target: ep('3', '33'), sources: [ep('2', '23')], dataflow: { kind: 'indirect', subtype: 'row_count' } },
  { id: 'r8', type: 'fdd', effectType: 'select', target: ep('6', '61'), sources: [ep('3', '31')], dataflow: { kind: 'direct', subtype: 'identity' } },
  { id: 'r9', type: 'fdd', effectType: 'create_view', processId: '7', target: ep('5', '51'), sources: [ep('6', '61')], dataflow: { kind: 'direct', subtype: 'identity' } },
]

export function fixtureModel(): SqlflowModel {
  return structuredClone({ dbvendor: 'dbvoracle', dbobjs: objs, relations })
}

const line2 = SQL.indexOf('\n') + 1
export const STATEMENTS: StatementInfo[] = [
  { index: 0, file: 'etl/load.sql', hashCode: '0', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 135, offset: line2 - 1 }, kind: 'insert', ok: true, reads: ['1'], writes: ['3'] },
  { index: 1, file: 'etl/load.sql', hashCode: '0', start: { line: 2, column: 1, offset: line2 }, end: { line: 2, column: 68, offset: SQL.length }, kind: 'create_view', ok: true, reads: ['3'], writes: ['5'] },
]
