// Expression dataflow: which columns feed a value directly (fdd) or indirectly (fdr), conformance §5–6.
import type { Expr, Loc, QName } from '../ast/types.js'
import { refAt, type ColRef } from './builder.js'
import type { FromItem, Scope } from './scope.js'

export interface Deps {
  direct: ColRef[]
  indirect: ColRef[]
  /** contains an aggregate call (not windowed) of this block */
  aggregate: boolean
  /** FROM items of the block whose columns an aggregate's arguments reference (R4) */
  aggItems: FromItem[]
  /** an aggregate that references no column: COUNT(*) takes every FROM item (R4) */
  aggNoColumn: boolean
}

/** the aggItems of Deps that have none (most): shared, replaced by addAggItem on the first item */
const NO_ITEMS: readonly FromItem[] = Object.freeze([])

export const emptyDeps = (): Deps => ({ direct: [], indirect: [], aggregate: false, aggItems: NO_ITEMS as FromItem[], aggNoColumn: false })

export function mergeInto(a: Deps, b: Deps): void {
  a.direct.push(...b.direct); a.indirect.push(...b.indirect)
  if (b.aggregate) a.aggregate = true
  for (const i of b.aggItems) addAggItem(a, i)
  if (b.aggNoColumn) a.aggNoColumn = true
}

/** aggItems is a set kept as a short array (a Set per evaluated expression was a large share of the allocations) */
function addAggItem(d: Deps, item: FromItem): void {
  if (d.aggItems === NO_ITEMS) d.aggItems = [item]
  else if (!d.aggItems.includes(item)) d.aggItems.push(item)
}

export const AGGREGATES = new Set(['SUM', 'COUNT', 'AVG', 'MIN', 'MAX', 'ARRAY_AGG', 'STRING_AGG', 'LISTAGG', 'GROUP_CONCAT',
  'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'VAR', 'STDEV', 'STDEVP', 'VARP', 'COUNT_BIG',
  'APPROX_COUNT_DISTINCT', 'APPROXIMATE', 'MEDIAN', 'BOOL_AND', 'BOOL_OR', 'EVERY', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'JSON_AGG',
  'JSONB_AGG', 'JSON_OBJECT_AGG', 'JSONB_OBJECT_AGG', 'XMLAGG', 'COLLECT_LIST', 'COLLECT_SET', 'ANY_VALUE', 'ARRAY_UNION_AGG',
  'PERCENTILE_CONT', 'PERCENTILE_DISC', 'MODE', 'CORR', 'COVAR_POP', 'COVAR_SAMP', 'REGR_SLOPE', 'REGR_INTERCEPT',
  'APPROX_PERCENTILE', 'APPROX_QUANTILES', 'APPROX_TOP_COUNT', 'HLL_COUNT', 'COUNTIF', 'LOGICAL_AND', 'LOGICAL_OR',
  'ARRAY_CONCAT_AGG', 'STRING_AGG', 'OBJECT_AGG', 'ARRAYAGG', 'KURTOSIS', 'SKEW', 'GROUPING', 'CHECKSUM_AGG', 'NTH_VALUE_AGG',
  'WM_CONCAT', 'LISTAGG_DISTINCT', 'SUMX', 'MAX_BY', 'MIN_BY', 'ARG_MAX', 'ARG_MIN', 'HISTOGRAM', 'UNIQ', 'TOTAL', 'NDV', 'APPX_MEDIAN', 'APPROX_DISTINCT',
  'APPROX_MEDIAN', 'APPROX_COUNT', 'COUNTDISTINCT', 'SUM_FLOAT', 'FIRST', 'LAST', 'ARRAY_AGG_DISTINCT', 'BITAND_AGG', 'STRING_AGG_DISTINCT',
  'HLL', 'THETA_SKETCH', 'CORR_S', 'MEDIAN_CONT', 'ANY', 'SOME', 'AVEDEV', 'GEOMEAN', 'PRODUCT'])

export function isAggregateCall(e: Expr): boolean {
  return e.k === 'func' && !e.over && AGGREGATES.has(e.name)
}

/** what a name stands for: one column, a FROM item's columns, or a binding's expression (N1QL LET) */
export interface Resolved {
  ref?: ColRef
  item?: FromItem
  refs?: ColRef[]
  /** a LET / LETTING name: its expression's dependencies, refs being their direct part */
  bound?: Deps
}

/** the hooks expression evaluation needs from the analyzer */
export interface ExprEnv {
  resolve(name: QName, scope: Scope): Resolved
  variable(name: string): ColRef | undefined
  /**
   * name(i) / name(i).field when name is a declared variable (a PL/SQL collection element): the variable,
   * or its record field; undefined when no variable has that name (a function call)
   */
  element?(name: string, field: string | undefined): ColRef | undefined
  subquery(q: import('../ast/types.js').Query, scope: Scope): { cols: ColRef[]; rows: ColRef }
  /** t.* used as a value: the whole row of the FROM item t */
  starValue?(qualifier: QName | undefined, scope: Scope, loc?: Loc): Resolved
  /** showConstantTable: a literal becomes a column of the statement's SQL_CONSTANTS table */
  constant?(loc: import('../ast/types.js').Loc): ColRef | undefined
  showConstants?: boolean
  countDirect: boolean
}

export function evalExpr(e: Expr, scope: Scope, env: ExprEnv, inAgg = false): Deps {
  const d = emptyDeps()
  walk(e, scope, env, d, false, inAgg)
  return d
}

function addResolved(r: ReturnType<ExprEnv['resolve']>, d: Deps, indirect: boolean, inAgg: boolean): void {
  const list = indirect ? d.indirect : d.direct
  if (r.ref) list.push(r.ref)
  if (r.refs) list.push(...r.refs)
  if (inAgg && r.item) addAggItem(d, r.item)
  const b = r.bound
  if (b) {
    // the binding's filters and aggregate travel with it (LETTING n = COUNT(1) … SELECT n is an aggregate)
    if (b.indirect.length) d.indirect.push(...b.indirect)
    if (b.aggregate) d.aggregate = true
    for (const i of b.aggItems) addAggItem(d, i)
    if (b.aggNoColumn) d.aggNoColumn = true
  }
}

function walk(e: Expr, scope: Scope, env: ExprEnv, d: Deps, indirect: boolean, inAgg: boolean): void {
  switch (e.k) {
    case 'col': {
      const r = env.resolve(e.name, scope)
      addResolved(r, d, indirect, inAgg)
      return
    }
    case 'var': { const v = env.variable(e.name); if (v) (indirect ? d.indirect : d.direct).push(refAt(v, e.loc)); return }
    case 'lit': {
      const c = env.showConstants && e.text !== undefined && /^(?:[0-9.'"]|[NnEeXxBbRr]')/.test(e.text) ? env.constant?.(e.loc) : undefined
      if (c) (indirect ? d.indirect : d.direct).push(c)
      return
    }
    case 'star': {
      // t.* inside an expression is t's whole row; a bare * (COUNT(*)) reads no column
      if (e.qualifier && env.starValue) addResolved(env.starValue(e.qualifier, scope), d, indirect, inAgg)
      return
    }
    case 'func': {
      const agg = isAggregateCall(e)
      if (agg) {
        d.aggregate = true
        const argsIndirect = indirect || (!env.countDirect && (e.name === 'COUNT' || e.name === 'COUNT_BIG' || e.name === 'APPROXIMATE'))
        let sawColumn = false
        const probe = emptyDeps()
        for (const a of e.args) walk(a, scope, env, probe, argsIndirect, true)
        for (const a of e.within ?? []) walk(a, scope, env, probe, indirect, true)
        if (e.filter) walk(e.filter, scope, env, probe, indirect, true)
        sawColumn = probe.aggItems.length > 0 || probe.direct.length > 0 || probe.indirect.length > 0
        mergeInto(d, { ...probe, aggregate: true })
        if (!sawColumn || (e.star && e.args.length === 0)) d.aggNoColumn = d.aggNoColumn || (!sawColumn)
        return
      }
      if (!e.over && e.args.length === 1 && env.element) {
        const v = env.element(e.name, undefined)
        // the index reads a loop variable, if anything: the element's value is the collection's
        if (v) { (indirect ? d.indirect : d.direct).push(refAt(v, e.loc)); return }
      }
      // f(*) of a scalar function (OBJECT_CONSTRUCT(*), HASH(*)) reads every column of the row
      if (e.star && !AGGREGATES.has(e.name) && env.starValue) addResolved(env.starValue(undefined, scope, e.loc), d, indirect, inAgg)
      for (const a of e.args) walk(a, scope, env, d, indirect, inAgg)
      for (const a of e.within ?? []) walk(a, scope, env, d, indirect, inAgg)
      if (e.filter) walk(e.filter, scope, env, d, indirect, inAgg)
      if (e.over) {
        // window functions are never aggregates (D2): arguments, PARTITION BY and ORDER BY are fdd
        for (const a of e.over.partition) walk(a, scope, env, d, indirect, inAgg)
        for (const a of e.over.order) walk(a, scope, env, d, indirect, inAgg)
      }
      return
    }
    case 'case':
      if (e.operand) walk(e.operand, scope, env, d, indirect, inAgg)
      for (const w of e.whens) { walk(w.when, scope, env, d, indirect, inAgg); walk(w.then, scope, env, d, indirect, inAgg) }
      if (e.else) walk(e.else, scope, env, d, indirect, inAgg)
      return
    case 'subq': {
      // scalar subquery: value from its select item (D4), its row count is fdr (R8)
      const r = env.subquery(e.query, scope)
      // (SELECT AS STRUCT a, b …): the value holds every item
      if (e.query.k === 'select' && e.query.asStruct) (indirect ? d.indirect : d.direct).push(...r.cols)
      else if (r.cols[0]) (indirect ? d.indirect : d.direct).push(r.cols[0])
      d.indirect.push(r.rows)
      return
    }
    case 'exists': case 'in': case 'cmpq': {
      if (e.k !== 'exists') walk(e.expr, scope, env, d, indirect, inAgg)
      if (e.k === 'in' && e.list) for (const a of e.list) walk(a, scope, env, d, indirect, inAgg)
      if (e.query) {
        const r = env.subquery(e.query, scope)
        d.indirect.push(...r.cols, r.rows)
      }
      return
    }
    case 'op': {
      const a0 = e.field !== undefined ? e.args[0] : undefined
      if (a0 && a0.k === 'func' && !a0.over && a0.args.length === 1 && env.element) {
        const v = env.element(a0.name, e.field)
        if (v) { (indirect ? d.indirect : d.direct).push(refAt(v, e.loc)); return }
      }
      for (const a of e.args) walk(a, scope, env, d, indirect, inAgg)
      return
    }
  }
}
