// Query-block dataflow: scopes, FROM items, select lists, filters, grouping (conformance D1–D12, R1–R9).
import type { DialectSpec } from '../dialects/spec.js'
import type { Expr, Ident, Loc, QName, Query, Select, SelectItem, Source } from '../ast/types.js'
import type { ObjectType } from '../model/types.js'
import type { ModelObj as DbObj } from '../model/store.js'
import { colRef, inClause, ModelBuilder, refAt, type ColRef } from './builder.js'
import { Catalog, displayName, identKey, nameKey, splitQuoted, type CatalogEntry } from '../resolve/catalog.js'
import { childScope, findCte, type FromItem, type Scope } from './scope.js'
import { emptyDeps, evalExpr, mergeInto, type Deps, type ExprEnv, type Resolved } from './expr.js'
import { exprLoc } from '../parser/expressions.js'

export interface ResultCol { name: string; key: string; ref: ColRef }
export interface ResultSet { obj: DbObj; cols: ResultCol[]; rows: ColRef }
export interface ResultKind { type: ObjectType; name: string; top?: boolean; loc?: Loc }

/** the prefixes of Oracle's supplied packages (DBMS_OUTPUT, UTL_FILE, APEX_UTIL, OWA_UTIL, HTP, CTX_DDL …) */
const SUPPLIED_PACKAGES = ['DBMS_', 'UTL_', 'APEX_', 'OWA_', 'HTP', 'HTF', 'CTX_', 'SDO_']

/** Oracle's :NEW.c / :OLD.c (or :alias.c), which the parser reads as one bind variable */
const TRIGGER_ROW_VAR = /^:([^.]+)\.([^.]+)$/
/** the special variables of a PL/pgSQL trigger function (TG_ARGV is an array, read as TG_ARGV[i]) */
const TRIGGER_SPECIAL_VAR = /^TG_(?:NAME|WHEN|LEVEL|OP|RELID|RELNAME|TABLE_NAME|TABLE_SCHEMA|NARGS|ARGV|EVENT|TAG)$/i

/** the columns of Snowflake's FLATTEN, in order */
const FLATTEN_COLUMNS = ['SEQ', 'KEY', 'PATH', 'INDEX', 'VALUE', 'THIS']

/** how many tables' column maps the analyzer keeps built (tableColumns) */
const COLMAP_CACHE = 1024

export class Analyzer implements ExprEnv {
  readonly catalog = new Catalog()
  readonly variables = new Map<string, DbObj>()
  /** SQLScript table variables (`lt = SELECT …`), read as FROM :lt */
  readonly tableVars = new Map<string, { obj: DbObj; columns: Map<string, { name: string; ref?: ColRef }>; entry?: CatalogEntry }>()
  /** table functions defined in the script, by the upper-cased last part of their name: their result columns */
  readonly tableFunctions = new Map<string, { obj: DbObj; columns: Map<string, { name: string; ref?: ColRef }>; starOf?: QName }>()
  /** PL/SQL functions of the script, by the key of their name's last part: a bare get_rate is a call, no column */
  readonly functions = new Set<string>()
  /** … those of the package or function being run, which its code may name bare */
  readonly localFunctions = new Set<string>()
  /** PL/SQL RECORD types (and collections of them) by upper-cased name: their field names in order */
  readonly recordTypes = new Map<string, string[]>()
  /** record and collection variables of such a type: the fields that FETCH and SELECT INTO fill by position */
  readonly declaredFields = new Map<DbObj, string[]>()
  /** Oracle object types by the upper-cased last part of their name: their attributes in order */
  readonly objectTypes = new Map<string, Ident[]>()

  /** starOf: the rows are those of one table of unknown columns (PIPE ROW (r), r from SELECT * FROM t) */
  defineTableFunction(name: QName, rs: Pick<ResultSet, 'obj' | 'cols'>, renamed?: Ident[], starOf?: QName): void {
    const columns = new Map<string, { name: string; ref?: ColRef }>()
    rs.cols.forEach((c, i) => {
      const to = renamed?.[i]
      columns.set(to ? this.key(to) : c.key, { name: to ? to.name : c.name, ref: c.ref })
    })
    const parts = splitQuoted(name, this.d)
    this.tableFunctions.set(parts[parts.length - 1].name.toUpperCase(), { obj: rs.obj, columns, starOf })
  }
  reads = new Set<string>()
  writes = new Set<string>()
  /** persistent objects whose columns the current statement referenced (T1: a DML target read) */
  referenced = new Set<string>()
  private pseudo?: DbObj
  private lineStarts: number[] = [0]
  private text = ''
  countDirect = true
  showConstants = false
  private constants?: { obj: DbObj; stmt: number }

  constant(loc: Loc): ColRef | undefined {
    if (!this.showConstants) return undefined
    if (!this.constants || this.constants.stmt !== this.b.statementIndex) {
      const n = this.b.nextName('SQL_CONSTANTS')
      this.constants = { obj: this.b.object('constantTable', n === 'SQL_CONSTANTS-1' ? 'SQL_CONSTANTS' : n, undefined), stmt: this.b.statementIndex }
    }
    const text = this.sourceText(loc)
    return this.ref(this.constants.obj, text, loc, text)
  }

  constructor(readonly b: ModelBuilder, readonly d: DialectSpec) {}

  setText(text: string): void {
    this.text = text
    this.lineStarts = [0]
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1)
  }

  sourceText(loc: Loc): string {
    const s = (this.lineStarts[loc.sl - 1] ?? 0) + loc.sc - 1
    const e = (this.lineStarts[loc.el - 1] ?? 0) + loc.ec - 1
    return this.text.slice(s, e)
  }

  /**
   * the source text with each run of white space as one space; split and join make one flat string
   * where replace made a tree of pieces, and these texts (join conditions, expression column names)
   * stay in the model
   */
  spacedText(loc: Loc): string { return this.sourceText(loc).split(/\s+/).join(' ') }

  key(id: Ident): string { return identKey(id, this.d) }

  ref(obj: DbObj, name: string, loc?: Loc, key = name.toUpperCase()): ColRef {
    return colRef(obj, this.b.column(obj, name, key, loc), loc)
  }
  rowsRef(obj: DbObj): ColRef { return colRef(obj, this.b.rows(obj)) }

  /** the path or stage object of a file location (COPY, LOAD, external tables, a stage read in FROM) */
  locationObject(location: string, loc: Loc | undefined): DbObj {
    const stage = location.startsWith('@')
    return this.b.object(stage ? 'stage' : 'path', location, loc, { subType: stage ? 'stage' : 'uri' })
  }

  // ---- persistent objects -------------------------------------------------------------------
  /** the catalog's entry for q, if the script or the metadata made one (no model object is made) */
  known(q: QName): CatalogEntry | undefined {
    const parts = splitQuoted(q, this.d)
    const key = nameKey(parts, this.d)
    const e = this.catalog.get(key) ?? (parts.length === 1 ? this.catalog.findBySuffix(key) : undefined)
    if (e || !this.synonyms.size) return e
    const target = this.synonymTarget(key)
    return target && this.known(target)
  }

  /**
   * CREATE SYNONYM / ALIAS name FOR target, by the name's key (and its last part: the owner's own code names
   * a private synonym without the owner). A table of the script of that name is found first
   */
  readonly synonyms = new Map<string, QName>()
  defineSynonym(name: QName, target: QName): void {
    const parts = splitQuoted(name, this.d)
    const key = nameKey(parts, this.d)
    if (key === nameKey(splitQuoted(target, this.d), this.d)) return
    this.synonyms.set(key, target)
    const last = identKey(parts[parts.length - 1], this.d)
    if (parts.length > 1 && !this.synonyms.has(last)) this.synonyms.set(last, target)
  }

  /** the table a synonym key stands for, through synonyms of synonyms (a cycle of them names no table) */
  private synonymTarget(key: string): QName | undefined {
    let target = this.synonyms.get(key)
    for (let n = 0; target && n < 8; n++) {
      const k = nameKey(splitQuoted(target, this.d), this.d)
      if (this.catalog.get(k) || !this.synonyms.has(k)) return target
      target = this.synonyms.get(k)
    }
    return undefined
  }

  entry(q: QName, loc?: Loc, kind: 'table' | 'view' | 'stream' = 'table'): CatalogEntry {
    const parts = splitQuoted(q, this.d)
    if (this.tableVars.size && parts.length === 1) { const tv = this.tableVarEntry(parts[0]); if (tv) { this.b.addOccurrence(tv.obj, loc); return tv } }
    const key = nameKey(parts, this.d)
    // the table a variable names (Snowflake INSERT INTO IDENTIFIER(:t), SQLScript :t): not a table called ":t"
    if (parts.length === 1 && parts[0].name.charCodeAt(0) === 58) return { key, obj: this.tableParam(parts[0].name.slice(1), loc ?? q.loc), columns: null, kind }
    let e = this.catalog.get(key) ?? (parts.length === 1 ? this.catalog.findBySuffix(key) : undefined)
    if (!e && this.synonyms.size) { const target = this.synonymTarget(key); if (target) return this.entry(target, loc, kind) }
    if (!e) {
      const obj = this.b.object(kind === 'view' ? 'view' : 'table', displayName(parts, this.d), undefined, { persistent: true })
      if (parts.length >= 2) obj.schema = parts[parts.length - 2].name
      if (parts.length >= 3) obj.database = parts[parts.length - 3].name
      e = { key, obj, columns: null, kind }
      this.catalog.set(e)
      if (parts.length === 2 && this.d.defaultSchema !== undefined && key.startsWith(this.d.defaultSchema + '.')) this.catalog.setKnown(e)
    }
    this.b.addOccurrence(e.obj, loc)
    return e
  }

  private readonly tableParams = new Map<string, DbObj>()
  private tableParam(name: string, loc: Loc): DbObj {
    const k = name.toUpperCase()
    let obj = this.tableParams.get(k)
    if (!obj) { obj = this.b.object('variable', name, loc, { subType: 'table' }); this.tableParams.set(k, obj) }
    else this.b.addOccurrence(obj, loc)
    return obj
  }

  /**
   * A table variable (T-SQL DECLARE @t TABLE, SQLScript lt = SELECT) named where a table is written
   * (INSERT INTO @t, UPDATE @t, DELETE FROM @t): an entry outside the catalog, so the statement fills
   * the variable (an intermediate node, E2) with its declared columns and not a persistent table @t
   */
  private tableVarEntry(id: Ident): CatalogEntry | undefined {
    // only a variable's own spelling (@t, :lt): a bare lt written in SQLScript is a table
    const c = id.name.charCodeAt(0)
    if (c !== 64 && c !== 58) return undefined
    const tv = this.tableVars.get((c === 58 ? id.name.slice(1) : id.name).toUpperCase())
    if (!tv) return undefined
    if (!tv.entry) tv.entry = { key: tv.obj.name.toUpperCase(), obj: tv.obj, columns: [...tv.columns.values()].map((c) => c.name), kind: 'table' }
    return tv.entry
  }

  /**
   * A table's declared columns by matching key, shared by every FROM item of the table until its
   * columns change (a map per table reference was rebuilt for every statement that read it).
   * FROM items never change the map: derived tables, CTEs and renames make their own.
   */
  tableColumns(e: CatalogEntry): Map<string, { name: string; ref?: ColRef }> | null {
    if (!e.columns) return null
    if (e.colMap && e.colMapOf === e.columns) return e.colMap
    const m = new Map<string, { name: string; ref?: ColRef }>()
    for (const c of e.columns) { const k = this.b.intern(declaredKey(c)); m.set(k, { name: c, ref: colRef(e.obj, this.b.column(e.obj, c, k)) }) }
    e.colMap = m
    e.colMapOf = e.columns
    this.keepColMap(e)
    return m
  }

  /**
   * The last COLMAP_CACHE tables' column maps stay cached, older ones are dropped (and rebuilt if the
   * table is read again, with the same columns): kept for every table, they were two objects per
   * column for the whole analysis — 40 % of a big script's live objects, which the full collections
   * of a 50 MB analysis had to mark.
   */
  private readonly colMapped: Array<CatalogEntry | undefined> = new Array(COLMAP_CACHE)
  private colMapNext = 0
  private keepColMap(e: CatalogEntry): void {
    const i = this.colMapNext
    const old = this.colMapped[i]
    if (old && old !== e) { old.colMap = undefined; old.colMapOf = undefined }
    this.colMapped[i] = e
    this.colMapNext = (i + 1) % COLMAP_CACHE
  }

  // ---- column resolution (one source, or an orphan) -----------------------------------------
  resolve(name: QName, scope: Scope): Resolved {
    const parts = splitQuoted(name, this.d)
    const loc = name.loc
    if (parts.length === 1) return this.resolveUnqualified(parts[0], loc, scope)
    // qualifier may be the alias, the table name, or schema.table; try longest qualifier first
    for (let q = parts.length - 1; q >= 1; q--) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const item = this.matchQualifier(parts, q, s)
        if (item) return this.columnOf(item, parts[q], loc, s === scope)
      }
    }
    const row = parts.length === 2 ? this.triggerColumn({ k: 'col', name }) : undefined
    if (row !== undefined) return row ? { ref: row } : {}
    // record.field of a procedural variable, or a nested field of an unqualified column (N6)
    const v = this.variables.get(this.key(parts[0]))
    if (v) return { ref: this.recordField(v, parts[1].name, loc) }
    // a variable qualified by its package, routine or block label (etl_pkg.g_run_id, load_orders.p_date, P1.v_cnt)
    const pv = this.variables.size ? this.variables.get(this.key(parts[parts.length - 1])) : undefined
    if (pv) return { ref: colRef(pv, pv.columns[0], loc) }
    // pkg.f: a package's function called without parentheses (the script's, or Oracle's own: DBMS_RANDOM.VALUE,
    // DBMS_UTILITY.FORMAT_ERROR_BACKTRACE, the error logs' favourite)
    if (this.functions.size && this.functions.has(this.key(parts[parts.length - 1]))) return {}
    if (parts.length === 2 && this.d.name === 'dbvoracle' && SUPPLIED_PACKAGES.some((x) => this.key(parts[0]).startsWith(x))) return {}
    // Teradata reads a table named only in a column reference (db.src.a with db.src in no FROM): an implicit FROM item
    if (this.d.name === 'dbvteradata' && parts.length > 2) return this.implicitTable(parts, loc)
    const first = this.resolveUnqualified(parts[0], loc, scope, true)
    if (first.ref || first.refs) return first
    if (this.d.name === 'dbvteradata') return this.implicitTable(parts, loc)
    return this.orphan(parts[parts.length - 1], loc)
  }

  /** the last part of `parts` as a column of the table the other parts name */
  private implicitTable(parts: Ident[], loc: Loc): Resolved {
    const e = this.entry({ parts: parts.slice(0, -1), loc }, loc)
    this.reads.add(e.obj.id)
    return { ref: this.ref(e.obj, parts[parts.length - 1].name, loc, this.key(parts[parts.length - 1])) }
  }

  /** the FROM item of scope s that the first n parts name (alias, table or schema.table) */
  private matchQualifier(parts: Ident[], n: number, s: Scope): FromItem | undefined {
    if (n === 1) {
      // the common case, `alias.column` or `table.column`: no strings built
      const qk = this.key(parts[0])
      for (const it of s.items) if (it.alias && this.key(it.alias) === qk) return it
      for (const it of s.items) {
        if (it.alias && it.kind !== 'table') continue
        const np = it.nameParts
        if (np && np.length && this.key(np[np.length - 1]) === qk) return it
      }
      return undefined
    }
    const qk = parts.slice(0, n).map((p) => this.key(p)).join('.')
    for (const it of s.items) {
      if (it.alias && it.kind !== 'table') continue
      const np = it.nameParts
      if (!np || np.length < n) continue
      const tail = np.slice(np.length - n).map((p) => this.key(p)).join('.')
      if (tail === qk) return it
    }
    return undefined
  }

  columnOf(item: FromItem, id: Ident, loc: Loc, local: boolean): Resolved {
    const k = this.key(id)
    if (item.persistent && item.obj) this.referenced.add(item.obj.id)
    if (item.funcSources) {
      const named = item.funcNamed?.get(k)
      if (named) return { ref: refAt(named, loc), item: local ? item : undefined }
      return { refs: item.funcSources.map((r) => refAt(r, loc)), item: local ? item : undefined }
    }
    if (id.name.charCodeAt(0) === 36 && this.d.name === 'dbvsnowflake') {
      // $n: the item's n-th column when its columns are known (else a staged file's column $n)
      const known = this.knownColumns(item)
      const c = known?.[Number(id.name.slice(1)) - 1]
      if (c) return { ref: refAt(c.ref, loc), item: local ? item : undefined }
    }
    if (item.columns) {
      const c = item.columns.get(k) ?? (id.quoted ? item.columns.get(declaredKey(k)) ?? item.columns.get(quotedValueKey(k) ?? '') : undefined)
      if (c?.ref) return { ref: refAt(c.ref, loc), item: local ? item : undefined }
      // a SQLScript table variable filled by SELECT * of one table: :lt's c is that table's c
      if (item.kind === 'variable' && item.obj && this.recordStars.size && this.recordStars.has(item.obj)) return { ref: this.starCopyColumn(item.obj, id.name, k, loc), item: local ? item : undefined }
      if (!item.persistent && item.columns.has('*')) { const st = item.columns.get('*')!.ref!; return { ref: refAt(this.throughStar(st, id, k) ?? st, loc), item: local ? item : undefined } }
      if (item.anyField) return { refs: [...item.columns.values()].map((c) => refAt(c.ref!, loc)), item: local ? item : undefined }
    }
    if (item.passThrough && item.obj) return { ref: refAt(this.passedThrough(item, item.passThrough, id, k), loc), item: local ? item : undefined }
    if (!item.obj) return {}
    if (item.persistent && this.recordStars.size && this.recordStars.has(item.obj)) return { ref: this.starCopyColumn(item.obj, id.name, k, loc), item: local ? item : undefined }
    return { ref: this.ref(item.obj, id.name, loc, k), item: local ? item : undefined }
  }

  /**
   * column k of a view, table or table variable made by SELECT * of one table of unknown columns, read by a later statement:
   * the first read makes it, filled from that table's k (CREATE VIEW v AS SELECT * FROM ext; … SELECT a FROM v:
   * v.a is ext.a, where v.a had no source and ext.* fed only v.*)
   */
  private starCopyColumn(obj: DbObj, name: string, k: string, loc: Loc | undefined, depth = 0): ColRef {
    const t = this.recordStars.get(obj)
    const fresh = t !== undefined && this.b.findColumn(obj, k) === undefined
    const f = this.ref(obj, name, loc, k)
    if (fresh) {
      const src = this.entry(t).obj
      // a view over a view over … each level its own column (bounded: two views may name each other)
      const from = depth < 16 && this.recordStars.has(src) ? this.starCopyColumn(src, name, k, undefined, depth + 1) : this.ref(src, name, undefined, k)
      this.b.relate('fdd', colRef(obj, f.col), [from], obj.type === 'view' ? 'create_view' : obj.type === 'variable' ? 'select' : 'create_table', 'identity')
    }
    return f
  }

  /**
   * where the current statement's `*` columns of unknown width came from: the FROM item a `SELECT *`
   * read, or the `*` a CTE or an outer `SELECT *` passed on (by the `*` column's index)
   */
  private starFrom = new Map<number, Array<FromItem | ColRef>>()
  private starStmt = -1
  private noteStar(star: ColRef, from: FromItem | ColRef): void {
    if (this.starStmt !== this.b.statementIndex) { this.starFrom.clear(); this.starStmt = this.b.statementIndex }
    const o = this.starFrom.get(star.col)
    if (o) o.push(from); else this.starFrom.set(star.col, [from])
  }

  /**
   * A column named through a `*` of unknown width (`WITH s AS (SELECT * FROM raw.orders) SELECT id FROM s`,
   * the staging CTE of every dbt model): the column of that name is carried through each `*` from the one
   * table it came from (raw.orders.id → s.id), instead of the whole `*`. With several tables behind the
   * `*` the name cannot pick one: undefined, and the reference stays the `*`.
   */
  private throughStar(star: ColRef, id: Ident, k: string, depth = 0): ColRef | undefined {
    if (this.starStmt !== this.b.statementIndex || depth > 64) return undefined
    const o = this.starFrom.get(star.col)
    if (!o || o.length !== 1) return undefined
    const from = o[0]
    const inner = 'kind' in from ? this.columnOf(from, id, id.loc, false).ref : this.throughStar(from, id, k, depth + 1)
    if (!inner || inner.col === star.col) return undefined
    const ref = colRef(star.obj, this.b.column(star.obj, id.name, k))
    this.b.relate('fdd', ref, [colRef(inner.obj, inner.col)], 'select', 'identity')
    return ref
  }

  /** column `id` of a pivot's source, carried into the pivot (once: later references reuse it) */
  private passedThrough(item: FromItem, inner: FromItem, id: Ident, k: string): ColRef {
    const r = this.columnOf(inner, id, id.loc, false)
    const ref = this.ref(item.obj!, id.name, id.loc, k)
    this.b.relate('fdd', ref, r.ref ? [r.ref] : r.refs ?? [], 'select', 'identity')
    item.columns!.set(k, { name: id.name, ref })
    return ref
  }

  private resolveUnqualified(id: Ident, loc: Loc, scope: Scope, quiet = false): Resolved {
    const k = this.key(id)
    // Snowflake $n counts the columns of the block's only FROM item
    // (with several, one the name cannot pick: no guess, and no orphan either)
    if (id.name.charCodeAt(0) === 36 && this.d.name === 'dbvsnowflake' && /^\$\d+$/.test(id.name)) {
      if (scope.items.length === 1) return this.columnOf(scope.items[0], id, loc, true)
      quiet = true
    }
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      // the alias of an UNNEST / FLATTEN / explode item denotes the unnested column (N6)
      const items = s.items
      const local = s === scope
      const bound = s.lets?.get(k)
      if (bound) return { refs: bound.direct.map((r) => refAt(r, r.loc)), bound }
      // loops, not find/filter: this runs for every unqualified column reference
      for (const it of items) if (it.funcSources && it.alias && this.key(it.alias) === k) return this.columnOf(it, id, loc, local)
      for (const it of items) if (it.columns?.has(k)) return this.columnOf(it, id, loc, local)
      // "createdAt" matches a column declared "createdAt": the catalog keeps declared names by their upper-cased key
      if (id.quoted && k !== declaredKey(k)) for (const it of items) if (it.columns?.has(declaredKey(k))) return this.columnOf(it, id, loc, local)
      const pk = id.quoted ? quotedValueKey(k) : undefined
      if (pk) for (const it of items) if (it.columns?.has(pk)) return this.columnOf(it, id, loc, local)
      // a bare alias used as a value is the whole row / document (N1QL `SELECT o AS doc`, D17)
      if (this.d.name === 'dbvcouchbase') {
        const whole = items.find((it) => it.alias && !it.funcSources && it.obj && this.key(it.alias) === k)
        if (whole) return { ref: this.ref(whole.obj!, '*', loc, '*'), item: local ? whole : undefined }
      }
      if (s.aliases?.has(k)) return { refs: s.aliases.get(k)!.direct.map((r) => refAt(r, r.loc)) }
      if (local && s.lateral) { const d = s.lateral.get(k)?.(); if (d) return { refs: d.direct.map((r) => refAt(r, r.loc)) } }
      const joined = s.using?.get(k)
      if (joined) return this.columnOf(joined, id, loc, local)
      // PostgreSQL, BigQuery: a FROM item's name used as a value is its whole row (row_to_json(t), json_agg(x),
      // dbt's ARRAY_AGG(original LIMIT 1)[OFFSET(0)]); a bare table name only where its columns are known
      // (else it may be a column of the same name)
      if (this.d.plpgsql || this.d.name === 'dbvbigquery') {
        const row = items.find((it) => it.alias ? this.key(it.alias) === k : !!it.nameParts?.length && this.knownColumns(it) && this.key(it.nameParts[it.nameParts.length - 1]) === k)
        if (row) return this.wholeRow(row, loc, local)
      }
      // a declared variable or parameter wins over a guess into a table with unknown columns, a function as well
      if (this.variables.has(k)) break
      if (this.localFunctions.size && this.localFunctions.has(k)) return {}
      let open: FromItem | undefined
      let opens = 0
      let table: FromItem | undefined
      let tables = 0
      for (const it of items) {
        // a table created AS SELECT * FROM a table of unknown columns has a `*` among its columns: any name may be one
        if (!(it.columns === null || it.funcSources || it.passThrough || it.anyField || it.columns.has('*'))) continue
        opens++; open ??= it
        if (!it.funcSources) { tables++; table ??= it }
      }
      if (opens === 1) return this.columnOf(open!, id, loc, local)
      if (opens > 1) {
        if (tables === 1) return this.columnOf(table!, id, loc, local)
        if (!quiet) return this.orphan(id, loc)
        return {}
      }
      // a system column (ctid, gp_segment_id, DATASLICEID) of the block's only table, whose declared columns lack it
      if (local && this.d.systemColumns?.has(k) && items.length === 1 && items[0].persistent) return this.columnOf(items[0], id, loc, local)
    }
    const v = this.variables.get(k)
    if (v) {
      const first = v.columns[0] === undefined ? undefined : this.b.colName(v.columns[0])
      return { ref: this.ref(v, first ?? id.name, loc, first !== undefined ? first.toUpperCase() : k) }
    }
    // TG_OP, TG_TABLE_NAME … in a PL/pgSQL trigger function: facts about the firing, no column
    if (this.trigger && this.d.plpgsql && TRIGGER_SPECIAL_VAR.test(id.name)) return {}
    // a bare NEW / OLD (to_jsonb(NEW), row_to_json(OLD) in audit triggers): the trigger table's whole row
    if (this.trigger?.rows.has(k)) { const row = this.triggerRowColumns({ parts: [id], loc }, loc); return row ? { refs: row.map((c) => c.ref) } : {} }
    if (quiet) return {}
    return this.orphan(id, loc)
  }

  /** the row value of a FROM item: its columns when they are known, else its `*` */
  private wholeRow(item: FromItem, loc: Loc, local: boolean): Resolved {
    const known = this.knownColumns(item)
    if (known) return { refs: known.map((c) => refAt(c.ref, loc)), item: local ? item : undefined }
    return item.obj ? { ref: this.ref(item.obj, '*', loc, '*'), item: local ? item : undefined } : {}
  }

  /** t.* as a value (row_to_json(t.*), ROW(t.*)): the whole row of the FROM item it names, in this scope or an outer one */
  starValue(qualifier: QName | undefined, scope: Scope, loc?: Loc): Resolved {
    // OBJECT_CONSTRUCT(*), HASH(*): the whole row of every FROM item of the query
    if (!qualifier) {
      const refs: ColRef[] = []
      for (const it of scope.items) { const r = this.wholeRow(it, loc!, false); if (r.ref) refs.push(r.ref); if (r.refs) refs.push(...r.refs) }
      return { refs }
    }
    const row = this.triggerRowColumns(qualifier, qualifier.loc)
    if (row !== undefined) return row ? { refs: row.map((c) => c.ref) } : {}
    const qp = splitQuoted(qualifier, this.d)
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const it = this.matchQualifier(qp, qp.length, s)
      if (it) return this.wholeRow(it, qualifier.loc, s === scope)
    }
    return {}
  }

  private orphan(id: Ident, loc: Loc): { ref: ColRef } {
    this.pseudo ??= this.b.object('pseudoTable', 'pseudo_table_include_orphan_column', undefined)
    this.b.error('SyntaxHint', `find orphan column(10500) near: ${id.name}(${loc.sl},${loc.sc})`, loc)
    return { ref: this.ref(this.pseudo, id.name, loc, this.key(id)) }
  }

  /**
   * the row trigger being analysed: its table, and the names of its rows (NEW, OLD, REFERENCING aliases);
   * no table in a trigger function defined apart from its trigger (PostgreSQL)
   */
  trigger: { table: QName | undefined; rows: Set<string>; tables?: Set<string> } | undefined = undefined
  /** PostgreSQL trigger functions by name, run again by each CREATE TRIGGER that executes them */
  readonly triggerFunctions = new Map<string, import('../ast/types.js').Stmt>()

  /**
   * NEW.c / OLD.c (Oracle :NEW.c) in a row trigger's body: column c of the trigger's table, read unless
   * written; null for a row of a trigger function whose table is not known yet (no lineage, not an orphan)
   */
  triggerColumn(e: Expr, write = false): ColRef | null | undefined {
    if (!this.trigger) return undefined
    if (e.k === 'var') { const m = TRIGGER_ROW_VAR.exec(e.name); return m ? this.triggerRowRef(m[1], m[2], e.loc, write) : undefined }
    if (e.k === 'col' && e.name.parts.length === 2) return this.triggerRowRef(e.name.parts[0].name, e.name.parts[1].name, e.name.loc, write)
    return undefined
  }

  /**
   * NEW.* / OLD.* of a row trigger (PostgreSQL audit triggers: INSERT INTO audit SELECT 'U', now(), NEW.*):
   * the columns of the trigger's table, its `*` when they are unknown; null while the table is not known
   */
  triggerRowColumns(qualifier: QName, loc: Loc): Array<{ name: string; key: string; ref: ColRef }> | null | undefined {
    if (!this.trigger || qualifier.parts.length !== 1) return undefined
    const row = qualifier.parts[0].name.replace(/^:/, '').toUpperCase()
    if (!this.trigger.rows.has(row)) return undefined
    if (!this.trigger.table) return null
    const t = this.entry(this.trigger.table)
    this.reads.add(t.obj.id)
    const names = t.columns ?? ['*']
    return names.map((c) => ({ name: c, key: c.toUpperCase(), ref: this.ref(t.obj, c, loc, c.toUpperCase()) }))
  }

  private triggerRowRef(row: string, col: string, loc: Loc | undefined, write: boolean): ColRef | null | undefined {
    if (!this.trigger!.rows.has(row.toUpperCase())) return undefined
    if (!this.trigger!.table) return null
    const t = this.entry(this.trigger!.table)
    ;(write ? this.writes : this.reads).add(t.obj.id)
    return this.ref(t.obj, col, loc, col.toUpperCase())
  }

  variable(name: string): ColRef | undefined {
    const m = this.trigger ? TRIGGER_ROW_VAR.exec(name) : null
    const row = m ? this.triggerRowRef(m[1], m[2], undefined, false) : undefined
    if (row !== undefined) return row ?? undefined
    // SQLScript / PL/SQL read a declared v as :v
    const v = this.variables.get(name.toUpperCase()) ?? (name.charCodeAt(0) === 58 ? this.variables.get(name.slice(1).toUpperCase()) : undefined)
    if (!v) return undefined
    return colRef(v, v.columns![0])
  }

  element(name: string, field: string | undefined): ColRef | undefined {
    // l(i) indexes a collection in PL/SQL only; elsewhere name(x) is always a call
    if (!this.variables.size || this.d.name !== 'dbvoracle') return undefined
    const v = this.variables.get(name.toUpperCase())
    if (!v) return undefined
    return field === undefined ? colRef(v, v.columns![0]) : this.recordField(v, field)
  }

  /**
   * field f of a record or collection variable; a record filled from a table of unknown columns
   * (SELECT * INTO r FROM t) has only its `*` field, which then stands for every field
   */
  recordField(v: DbObj, field: string, loc?: Loc): ColRef {
    const k = field.toUpperCase()
    if (this.b.findColumn(v, k) === undefined && this.b.findColumn(v, '*') !== undefined) {
      // filled from SELECT * of one table (FOR r IN (SELECT * FROM emp)): r.sal is that table's sal
      const t = this.recordStars.get(v)
      if (!t) return this.ref(v, '*', loc, '*')
      const f = this.ref(v, field, loc, k)
      this.b.relate('fdd', f, [this.ref(this.entry(t).obj, field, undefined, k)], 'cursor', 'identity')
      return f
    }
    return this.ref(v, field, loc, k)
  }

  /**
   * PL/SQL FROM TABLE(l) | TABLE(CAST(l AS t)) over a collection of records (BULK COLLECT of several columns, of
   * object constructors): the records' fields are its columns
   */
  private collectionItem(arg: Expr | undefined, alias: Ident | undefined): FromItem | undefined {
    if (!this.variables.size || this.d.name !== 'dbvoracle') return undefined
    const a = arg?.k === 'op' && arg.op === 'CAST' ? arg.args[0] : arg
    const v = a?.k === 'col' && a.name.parts.length === 1 ? this.variables.get(this.key(a.name.parts[0])) : undefined
    if (!v || v.columns.length < 2) return undefined
    const st = this.b.store
    const columns = new Map<string, { name: string; ref?: ColRef }>()
    for (const c of v.columns.slice(1)) if (!st.isSystemColumn(c)) columns.set(st.colName[c].toUpperCase(), { name: st.colName[c], ref: colRef(v, c) })
    return { kind: 'variable', obj: v, alias, columns, persistent: false, anyField: true }
  }

  /** records (and views and CTAS tables) filled from SELECT * of a single table of unknown columns, with that table */
  readonly recordStars = new Map<DbObj, QName>()

  /** a record (re)filled by query q: whether its fields are the columns of q's single table (SELECT * FROM t) */
  fillsFromStar(rec: DbObj, q: Query, starOnly: boolean): void {
    const t = starOnly && q.k === 'select' && q.items.length === 1 && q.items[0].expr.k === 'star' && q.from.length === 1 && !q.joins.length && q.from[0].k === 'table' ? q.from[0].name : undefined
    if (t) this.recordStars.set(rec, t); else this.recordStars.delete(rec)
  }

  /** a record filled from a cursor (FOR r IN c, FETCH c INTO r) has the cursor's fields */
  sameFields(rec: DbObj, cursor: DbObj): void {
    const t = this.recordStars.get(cursor)
    if (t) this.recordStars.set(rec, t); else this.recordStars.delete(rec)
  }

  declareVariable(name: string, loc?: Loc, subType = 'scalar'): DbObj {
    const k = name.toUpperCase()
    // INTO :v, SET :v = … (Teradata, SQLScript, DB2 host-variable spelling) set the declared v, as reading :v reads it
    let v = this.variables.get(k) ?? (name.charCodeAt(0) === 58 ? this.variables.get(k.slice(1)) : undefined)
    if (!v) {
      v = this.b.object('variable', name, loc, { subType })
      this.b.column(v, name, name.toUpperCase(), loc)
      this.variables.set(k, v)
    }
    return v
  }

  subquery(q: Query, scope: Scope): { cols: ColRef[]; rows: ColRef } {
    const rs = this.query(q, scope, { type: 'select_list', name: this.b.nextName('RS') })
    return { cols: rs.cols.map((c) => c.ref), rows: rs.rows }
  }

  // ---- queries -------------------------------------------------------------------------------
  query(q: Query, scope: Scope | undefined, kind: ResultKind): ResultSet {
    const own = childScope(scope)
    if (q.with) this.withClause(q.with, own)
    if (q.k === 'select') return this.select(q, own, kind)
    if (q.k === 'values') return this.valuesQuery(q, own, kind)
    return this.setOp(q, own, kind)
  }

  private withClause(w: import('../ast/types.js').With, scope: Scope): void {
    for (const cte of w.ctes) {
      const name = `CTE-${cte.name.name.toUpperCase()}`
      const obj = this.b.object('with_cte', this.b.nextName(name), cte.name.loc)
      const item: FromItem = { kind: 'cte', obj, alias: undefined, nameParts: [cte.name], columns: new Map(), persistent: false }
      if (cte.columns) for (const c of cte.columns) item.columns!.set(this.key(c), { name: c.name, ref: this.ref(obj, c.name, c.loc, this.key(c)) })
      // Only a recursive CTE sees itself in its body: in `WITH orders AS (SELECT … FROM orders)` the inner
      // orders is the table. A recursive one without a column list has no columns yet: its recursive
      // branch's unqualified names (SELECT n + 1 FROM t) are its columns.
      const recursive = cte.query.k === 'setop' && (w.recursive || this.d.recursiveWithoutKeyword)
      const key = this.key(cte.name)
      // (an outer CTE of the same name stays visible in a non-recursive body)
      if (recursive) { if (!cte.columns) item.columns = null; scope.ctes.set(key, item) }
      const rs = this.query(cte.query, scope, { type: 'select_list', name: this.b.nextName('RS') })
      if (!item.columns) item.columns = new Map()
      scope.ctes.set(key, item)
      rs.cols.forEach((c, i) => {
        const target = cte.columns ? cte.columns[i] : undefined
        const nm = target ? target.name : c.name
        const k = target ? this.key(target) : c.key
        const ref = this.ref(obj, nm, target?.loc, k)
        if (!item.columns!.has(k)) item.columns!.set(k, { name: nm, ref })
        this.b.relate('fdd', ref, [c.ref], 'select', 'identity')
        if (k === '*') this.noteStar(ref, c.ref)
      })
      this.b.relate('fdr', this.rowsRef(obj), [rs.rows], 'select', 'row_count')
    }
  }

  private setOp(q: Extract<Query, { k: 'setop' }>, scope: Scope, kind: ResultKind): ResultSet {
    const branches: ResultSet[] = []
    const collect = (x: Query, first: boolean): void => {
      if (x.k === 'setop' && !x.with && x.op === q.op && !x.byName === !q.byName && x.op !== 'EXCEPT' && x.op !== 'MINUS') { collect(x.left, first); collect(x.right, false) }
      else branches.push(this.query(x, scope, { type: 'select_list', name: this.b.nextName('RS') }))
    }
    collect(q.left, true); collect(q.right, false)
    const obj = this.b.object(kind.type === 'select_list' ? 'union' : kind.type, kind.type === 'select_list' ? this.b.nextName('UNION') : kind.name, q.loc, { topLevel: kind.top })
    const out: ResultSet = { obj, cols: [], rows: this.rowsRef(obj) }
    const pinned = q.op === 'EXCEPT' || q.op === 'MINUS' ? branches.slice(0, 1) : branches
    if (q.byName) {
      // BY NAME: a column of each name any branch has, from that branch's column of the name
      const byKey = new Map<string, ColRef[]>()
      for (const br of pinned) for (const c of br.cols) {
        let srcs = byKey.get(c.key)
        if (!srcs) { srcs = []; byKey.set(c.key, srcs); const ref = this.ref(obj, c.name, c.ref.loc, c.key); out.cols.push({ name: c.name, key: c.key, ref }) }
        srcs.push(c.ref)
      }
      for (const c of out.cols) this.b.relate('fdd', c.ref, byKey.get(c.key)!, 'select', 'identity')
      this.b.relate('fdr', out.rows, branches.map((br) => br.rows), 'select', 'row_count')
      return out
    }
    branches[0].cols.forEach((c, i) => {
      const ref = this.ref(obj, c.name, c.ref.loc, c.key)
      out.cols.push({ name: c.name, key: c.key, ref })
      this.b.relate('fdd', ref, pinned.map((br) => br.cols[i]?.ref).filter((r): r is ColRef => !!r), 'select', 'identity')
    })
    this.b.relate('fdr', out.rows, branches.map((br) => br.rows), 'select', 'row_count')
    return out
  }

  private valuesQuery(q: Extract<Query, { k: 'values' }>, scope: Scope, kind: ResultKind): ResultSet {
    const obj = this.b.object(kind.type, kind.name, q.loc, { topLevel: kind.top })
    const out: ResultSet = { obj, cols: [], rows: this.rowsRef(obj) }
    const dml = (q as unknown as { dml?: import('../ast/types.js').Stmt }).dml
    if (dml) { this.onDml?.(dml, out, scope); return out }
    const width = Math.max(0, ...q.rows.map((r) => r.length))
    for (let i = 0; i < width; i++) {
      const name = `column${i + 1}`
      const ref = this.ref(obj, name)
      out.cols.push({ name, key: name.toUpperCase(), ref })
      for (const row of q.rows) if (row[i]) this.relateDeps(ref, evalExpr(row[i], scope, this), 'select')
    }
    return out
  }

  /** set by the statement layer: DML with RETURNING used as a row source (writable CTEs) */
  onDml?: (stmt: import('../ast/types.js').Stmt, out: ResultSet, scope: Scope) => void
  /** set by the statement layer: runs DML used as a row source and names its target (DB2 FINAL TABLE) */
  dmlTarget?: (stmt: import('../ast/types.js').Stmt) => { obj: DbObj; name: QName; key: string } | undefined

  /**
   * A select item computed by a function or CASE goes through a `function` node (spec §4.7:
   * `emp.salary -> fdd/function -> ROUND.ROUND -> fdd/select -> RS-1.sal`); ignoreFunction collapses it.
   */
  relateThroughFunction(target: ColRef, e: Expr, deps: Deps, subtype: import('../model/types.js').DataflowSubtype): void {
    const fname = e.k === 'func' ? e.name : e.k === 'case' ? 'case-when' : undefined
    if (!fname || (!deps.direct.length && !deps.indirect.length)) { this.relateDeps(target, deps, 'select', subtype); return }
    const loc = exprLoc(e)
    // function names repeat (SUM, CAST …): the object keeps the shared string
    const fn = this.b.object('function', this.b.intern(fname), loc)
    const out = colRef(fn, this.b.column(fn, fname, fname.toUpperCase(), loc), loc)
    const extra = this.b.functionExtra(fname)
    this.b.relate('fdd', out, deps.direct, 'function', subtype, extra)
    this.b.relate('fdr', out, deps.indirect, 'function', 'filter', extra)
    this.b.relate('fdd', target, [out], 'select', subtype)
  }

  relateDeps(target: ColRef, deps: Deps, effect: string, subtype: import('../model/types.js').DataflowSubtype = 'transformation'): void {
    this.b.relate('fdd', target, deps.direct, effect, subtype)
    this.b.relate('fdr', target, deps.indirect, effect, 'filter')
  }

  /** a select list evaluated in `scope` itself, not in a child of it: RETURNING and OUTPUT read the DML target's rows, and their `*` is its columns */
  selectIn(s: Select, scope: Scope, kind: ResultKind): ResultSet { return this.select(s, scope, kind) }

  private select(s: Select, scope: Scope, kind: ResultKind): ResultSet {
    this.fromClause(s.from, scope)
    if (s.lets) {
      // bound before WHERE reads them; a later binding may use an earlier one
      const lets = new Map<string, Deps>()
      scope.lets = lets
      for (const l of s.lets) lets.set(this.key(l.name), evalExpr(l.value, scope, this))
    }
    const obj = this.b.object(kind.type, kind.name, kind.loc ?? s.loc, { topLevel: kind.top })
    const out: ResultSet = { obj, cols: [], rows: this.rowsRef(obj) }
    // filters restrict the block's rows (R1, R2)
    const filterSrc: ColRef[] = []
    const addFilter = (e: Expr | undefined, clause: string) => {
      if (!e) return
      const dd = evalExpr(e, scope, this)
      for (const r of dd.direct) filterSrc.push(inClause(r, clause))
      for (const r of dd.indirect) filterSrc.push(inClause(r, clause))
    }
    for (const j of s.joins) {
      addFilter(j.on, 'joinCondition')
      if (j.on) this.joinRelation(j, scope)
      if (j.using) for (const u of j.using) for (const it of scope.items) {
        if (it.columns && !it.columns.has(this.key(u)) && !it.columns.has('*')) continue
        if (!scope.using?.has(this.key(u))) (scope.using ??= new Map()).set(this.key(u), it)
        const r = this.columnOf(it, u, u.loc, true)
        if (r.ref) filterSrc.push(inClause(r.ref, 'joinCondition'))
      }
    }
    const lateral = this.d.lateralAliases ? this.lateralAliases(s, scope) : undefined
    addFilter(s.where, 'where')
    for (const c of s.connectBy) addFilter(c, 'connectBy')
    for (const e of s.limitOver ?? []) addFilter(e, 'limitOver')
    // select items
    const itemDeps: Array<{ item: SelectItem; deps: Deps }> = []
    const aliases = new Map<string, Deps>()
    if (s.timeseries) {
      const td = emptyDeps()
      for (const e of s.timeseries.order) mergeInto(td, evalExpr(e, scope, this))
      aliases.set(this.key(s.timeseries.alias), td)
      scope.aliases = new Map(aliases)
    }
    if (s.model) {
      // the select list reads the model's columns: MEASURES (sale s) makes s sale; a rule adds its value to its measure
      for (const c of s.model.cols) if (c.expr.k !== 'star') aliases.set(this.itemName(c).key, evalExpr(c.expr, scope, this))
      scope.aliases = aliases
      for (const r of s.model.rules) {
        const k = this.key(r.target)
        const d = evalExpr(r.value, scope, this)
        const into = aliases.get(k)
        if (into) mergeInto(into, d); else aliases.set(k, d)
      }
      scope.aliases = new Map(aliases)
    }
    const usedKeys = new Set<string>()
    for (let i = 0; i < s.items.length; i++) {
      const item = s.items[i]
      if (lateral) lateral.upTo = i
      if (item.expr.k === 'star') { this.star(item, item.expr, scope, out); continue }
      if (this.onVarAssign?.(item, scope)) continue
      const deps = lateral?.deps[i] ?? evalExpr(item.expr, scope, this)
      itemDeps.push({ item, deps })
      const nm = this.itemName(item)
      aliases.set(nm.key, deps)
      // two items with one name stay two columns: the position decides where each one goes
      if (usedKeys.has(nm.key)) nm.key = `${nm.key}\u0001${out.cols.length}`
      usedKeys.add(nm.key)
      const ref = this.ref(obj, nm.name, item.loc, nm.key)
      out.cols.push({ name: nm.name, key: nm.key, ref })
      ;(item as SelectItem & { ref?: ColRef }).ref = ref
    }
    scope.aliases = aliases
    scope.lateral = undefined
    // grouping feeds aggregates (R3); HAVING is also a filter (R1)
    const groupSrc: ColRef[] = []
    for (const g of s.groupBy) {
      const gd = this.groupItem(g, s, scope)
      groupSrc.push(...gd.direct, ...gd.indirect)
    }
    if (s.having) {
      const hd = evalExpr(s.having, scope, this)
      groupSrc.push(...hd.direct, ...hd.indirect)
      for (const r of hd.direct) filterSrc.push(inClause(r, 'having'))
      for (const r of hd.indirect) filterSrc.push(inClause(r, 'having'))
    }
    // QUALIFY comes after the select list and may name its aliases (QUALIFY rn = 1, … ORDER BY n)
    addFilter(s.qualify, 'qualify')
    for (const { item, deps } of itemDeps) {
      const ref = (item as SelectItem & { ref?: ColRef }).ref!
      this.relateThroughFunction(ref, item.expr, deps, deps.aggregate ? 'aggregation' : 'transformation')
      if (deps.aggregate) {
        this.b.relate('fdr', ref, groupSrc.map((r) => inClause(r, 'groupBy')), 'select', 'group_by')
        const items = deps.aggNoColumn ? scope.items : deps.aggItems
        this.b.relate('fdr', ref, items.filter((it) => it.obj).map((it) => this.rowsRef(it.obj!)), 'select', 'aggregation')
      }
    }
    this.b.relate('fdr', out.rows, filterSrc, 'select', 'filter')
    // intermediate relations forward their row count (R5)
    this.forwardRowCounts(out.rows, scope, 'select')
    return out
  }

  /**
   * Lateral column aliases: a name no FROM item is known to have may be an item's alias (an earlier
   * item's in the select list, any item's in WHERE). That item is evaluated when first named, once;
   * the select list reuses its dependencies.
   */
  private lateralAliases(s: Select, scope: Scope): { deps: Array<Deps | undefined>; upTo: number } | undefined {
    if (!s.items.some((it) => it.alias)) return undefined
    const st = { deps: new Array<Deps | undefined>(s.items.length), upTo: s.items.length }
    const busy = new Set<number>()
    const lateral = new Map<string, () => Deps | undefined>()
    s.items.forEach((item, i) => {
      if (!item.alias || item.expr.k === 'star') return
      const k = this.key(item.alias)
      if (lateral.has(k)) return
      lateral.set(k, () => {
        if (i >= st.upTo || busy.has(i)) return undefined
        let d = st.deps[i]
        if (!d) { busy.add(i); d = st.deps[i] = evalExpr(item.expr, scope, this); busy.delete(i) }
        // `TRIM(name) AS name`: a later `name` is the column itself
        return d.direct.some((r) => this.b.colName(r.col).toUpperCase() === k) ? undefined : d
      })
    })
    scope.lateral = lateral
    return st
  }

  /**
   * showRelationType=join (spec §4.5): the columns compared in an ON condition are linked by a `join`
   * relation carrying the join type and the condition text, for the widget's join table.
   */
  private joinRelation(j: import('../ast/types.js').JoinCond, scope: Scope): void {
    const d = evalExpr(j.on!, scope, this)
    const refs = d.direct.filter((r) => r.obj.type !== 'pseudoTable')
    if (refs.length < 2) return
    const [target, ...sources] = refs
    this.b.relate('join', target, sources, 'select', 'join', {
      joinType: j.kind === 'comma' ? 'INNER' : this.b.intern(j.kind.toUpperCase()), condition: this.spacedText(exprLoc(j.on!)), clause: 'on',
    })
  }

  /** R5: derived tables, CTEs and table variables read by a block forward their row count into `target` */
  forwardRowCounts(target: ColRef, scope: Scope, effect: string): void {
    this.b.relate('fdr', target, scope.items.filter((it) => !it.persistent && it.obj && it.kind !== 'func').map((it) => this.rowsRef(it.obj!)), effect, 'row_count')
  }

  /** T-SQL `SELECT @v = expr`: an assignment, not a result column (set by the statement layer) */
  onVarAssign?: (item: SelectItem, scope: Scope) => boolean

  private groupItem(g: Expr, s: Select, scope: Scope): Deps {
    if (g.k === 'lit' && g.text && /^\d+$/.test(g.text)) {
      const it = s.items[Number(g.text) - 1]
      if (it && it.expr.k !== 'star') return evalExpr(it.expr, scope, this)
      return emptyDeps()
    }
    if (g.k === 'col' && g.name.parts.length === 1) {
      const k = this.key(g.name.parts[0])
      const fromHas = scope.items.some((it) => it.columns?.has(k))
      if (!fromHas && scope.aliases?.has(k)) {
        const dd = emptyDeps(); mergeInto(dd, scope.aliases.get(k)!); dd.aggregate = false; return dd
      }
    }
    return evalExpr(g, scope, this)
  }

  itemName(item: SelectItem): { name: string; key: string } {
    if (item.alias) return { name: item.alias.name, key: this.key(item.alias) }
    const e = item.expr
    if (e.k === 'col') { const p = e.name.parts[e.name.parts.length - 1]; return { name: p.name, key: this.key(p) } }
    // (row value).*: its fields, whose names are unknown here, as the `*` column (D6)
    if (e.k === 'op' && e.field === '*') return { name: '*', key: '*' }
    const text = this.spacedText(exprLoc(e))
    if (e.k === 'lit' && text.startsWith("'")) { const v = text.slice(1, -1); return { name: v, key: v.toUpperCase() } }
    return { name: text, key: text.toUpperCase() }
  }

  private star(item: SelectItem, st: Extract<Expr, { k: 'star' }>, scope: Scope, out: ResultSet): void {
    let items = scope.items
    if (st.qualifier) {
      const qp = splitQuoted(st.qualifier, this.d)
      const it = this.matchQualifier(qp, qp.length, scope)
      items = it ? [it] : []
      const row = it ? undefined : this.triggerRowColumns(st.qualifier, st.loc)
      if (row !== undefined) {
        for (const c of row ?? []) {
          const ref = this.ref(out.obj, c.name, item.loc, c.key)
          this.addCol(out, c.name, c.key, ref)
          this.b.relate('fdd', ref, [c.ref], 'select', 'identity')
        }
        return
      }
      if (!it) {
        // BigQuery / Snowflake struct_col.*, s.struct_col.*: the fields of a column value, unknown here: one `*`
        const v = this.structValue(qp, scope)
        if (v.ref || v.refs) {
          const ref = this.ref(out.obj, '*', item.loc, '*')
          this.addCol(out, '*', '*', ref)
          this.b.relate('fdd', ref, v.ref ? [v.ref] : v.refs!, 'select', 'identity')
        }
        return
      }
    }
    const except = new Set((st.except ?? []).map((e) => this.key(e)))
    const replace = new Map((st.replace ?? []).map((r) => [this.key(r.alias!), r]))
    const rename = st.rename && new Map(st.rename.map((r) => [this.key(r.from), r.to]))
    const ilike = st.ilike === undefined ? undefined : likeRegExp(st.ilike)
    for (const it of items) {
      // a table function: each of its declared columns (JSON_TABLE / XMLTABLE … COLUMNS, t(a, b)) is its
      // arguments; with none declared (FROM EXTERNAL 'f', unnest(a), a function of the database), so is *
      if (it.funcSources && (it.columns || !it.obj)) {
        const fromArgs = (name: string, key: string) => {
          const ref = this.ref(out.obj, name, item.loc, key)
          this.addCol(out, name, key, ref)
          const d = emptyDeps()
          for (const r of it.funcSources!) d.direct.push(refAt(r, st.loc))
          this.relateDeps(ref, d, 'select')
        }
        // even with no argument columns (read_files('path'), generate_series(1, 9)) the rows have a `*`: a
        // table made from them has columns unknown, not none (a later read of its columns found none: orphans)
        if (!it.columns) fromArgs('*', '*')
        else for (const [key, c] of it.columns) if (!except.has(key) && !(ilike && !ilike.test(c.name))) fromArgs(c.name, key)
        continue
      }
      const known = this.knownColumns(it)
      if (!known) {
        if (!it.obj) continue
        const src = this.ref(it.obj, '*', st.loc, '*')
        const ref = this.ref(out.obj, '*', item.loc, '*')
        this.addCol(out, '*', '*', ref)
        this.b.relate('fdd', ref, [src], 'select', 'identity')
        this.noteStar(ref, it)
        continue
      }
      if (it.passThrough?.obj && !except.has('*')) {
        // the pivot's source columns are unknown: they pass through as its `*`, before the pivot's own
        const ref = this.ref(out.obj, '*', item.loc, '*')
        this.addCol(out, '*', '*', ref)
        this.b.relate('fdd', ref, [this.ref(it.passThrough.obj, '*', st.loc, '*')], 'select', 'identity')
      }
      for (const c of known) {
        if (except.has(c.key) || (ilike && !ilike.test(c.name))) continue
        const to = rename?.get(c.key)
        const name = to ? to.name : c.name
        const key = to ? this.key(to) : c.key
        const ref = this.ref(out.obj, name, item.loc, key)
        this.addCol(out, name, key, ref)
        const rep = replace.get(c.key)
        if (rep) this.relateDeps(ref, evalExpr(rep.expr, scope, this), 'select')
        else { this.b.relate('fdd', ref, [refAt(c.ref, st.loc)], 'select', 'identity'); if (key === '*') this.noteStar(ref, c.ref) }
      }
    }
  }

  /** the column `qp` names in q.* when no FROM item is named so (its last part a column of the item the others name) */
  private structValue(qp: Ident[], scope: Scope): Resolved {
    const last = qp[qp.length - 1]
    if (qp.length === 1) return this.resolveUnqualified(last, last.loc, scope, true)
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const it = this.matchQualifier(qp, qp.length - 1, s)
      if (it) return this.columnOf(it, last, last.loc, s === scope)
    }
    return {}
  }

  private addCol(out: ResultSet, name: string, key: string, ref: ColRef): void {
    if (!out.cols.some((c) => c.key === key)) out.cols.push({ name, key, ref })
  }

  knownColumns(it: FromItem): Array<{ name: string; key: string; ref: ColRef }> | null {
    if (it.funcSources) return null
    if (it.columns && !it.persistent) return [...it.columns.entries()].filter(([, v]) => v.ref).map(([k, v]) => ({ name: v.name, key: k, ref: v.ref! }))
    if (it.persistent && it.obj) {
      const e = this.catalog.get(it.nameKey ?? '')
      if (e?.columns) return e.columns.map((c) => ({ name: c, key: c.toUpperCase(), ref: this.ref(it.obj!, c, undefined, c.toUpperCase()) }))
    }
    return null
  }

  // ---- FROM ---------------------------------------------------------------------------------
  fromClause(from: Source[], scope: Scope): void {
    for (const src of from) {
      const it = this.fromItem(src, scope)
      scope.items.push(it)
      // … AT idx: the position names the same collection as the element (N6)
      if (src.k === 'table' && src.position && it.funcSources) scope.items.push({ ...it, alias: src.position })
    }
  }

  fromItem(src: Source, scope: Scope): FromItem {
    switch (src.k) {
      case 'table': {
        const parts = splitQuoted(src.name, this.d)
        if (parts.length >= 2 && scope.items.some((it) => it.alias && this.key(it.alias) === this.key(parts[0]))) {
          // Impala / N1QL: FROM t c, c.orders o — a nested collection of an earlier item (N6)
          const r = this.resolve(src.name, scope)
          return { kind: 'func', alias: src.alias, columns: null, funcSources: r.ref ? [r.ref] : r.refs ?? [], persistent: false }
        }
        if (parts.length === 1) {
          const tv = this.tableVars.size ? this.tableVars.get(parts[0].name.replace(/^:/, '').toUpperCase()) : undefined
          if (tv) return { kind: 'variable', obj: tv.obj, alias: src.alias, nameParts: parts, columns: new Map(tv.columns), persistent: false }
          // FROM :it (SQLScript) with no assignment seen: a table-typed parameter, a variable of unknown columns
          if (parts[0].name.charCodeAt(0) === 58) return { kind: 'variable', obj: this.tableParam(parts[0].name.slice(1), src.name.loc), alias: src.alias, nameParts: parts, columns: null, persistent: false }
          const cte = findCte(scope, this.key(parts[0]))
          if (cte) return { ...cte, alias: src.alias ?? cte.alias, nameParts: parts }
        }
        // T-SQL / ASE trigger bodies read the rows being written from inserted / deleted, a DB2 statement
        // trigger from its transition tables (REFERENCING NEW TABLE AS nt): the trigger's table
        const pseudo = parts.length === 1 && this.trigger?.table && (((this.d.name === 'dbvmssql' || this.d.name === 'dbvsybase') && ['INSERTED', 'DELETED'].includes(this.key(parts[0])))
          || !!this.trigger.tables?.has(this.key(parts[0])))
        const e = pseudo ? this.entry(this.trigger!.table!, src.name.loc) : this.entry(src.name, src.name.loc)
        this.reads.add(e.obj.id)
        const item: FromItem & { nameKey?: string } = { kind: 'table', obj: e.obj, alias: src.alias ?? (pseudo ? parts[0] : undefined), nameParts: parts, columns: null, persistent: true }
        item.nameKey = e.key
        item.columns = this.tableColumns(e)
        if (src.columnAliases) return this.renamed(item, src.columnAliases)
        return item
      }
      case 'derived': {
        const dml = (src.query as unknown as { dml?: import('../ast/types.js').Stmt }).dml
        if (dml && !(dml as { returning?: unknown }).returning && this.dmlTarget) {
          const t = this.dmlTarget(dml)
          if (t) return { kind: 'table', obj: t.obj, alias: src.alias, nameParts: splitQuoted(t.name, this.d), columns: null, persistent: true, nameKey: t.key }
        }
        const alias = src.alias?.name ?? ''
        const name = this.b.nextName(`RESULT_OF_${alias.toUpperCase() || 'SUBQUERY'}`)
        const rs = this.query(src.query, src.lateral ? scope : { items: [], parent: scope.parent, ctes: scope.ctes }, { type: 'select_list', name, loc: src.alias?.loc ?? src.loc })
        const item: FromItem = { kind: 'derived', obj: rs.obj, alias: src.alias, columns: new Map(), persistent: false }
        for (const c of rs.cols) item.columns!.set(c.key, { name: c.name, ref: c.ref })
        if (src.columnAliases) return this.renamed(item, src.columnAliases)
        return item
      }
      case 'tfunc': {
        // a table function the script defined: its columns are its query's (the arguments are parameters)
        // (BigQuery `proj.ds.f`(…) is one quoted name: its last part names the function)
        // (Oracle TABLE(pkg.f) calls a function without arguments and parentheses)
        const arg = src.name === 'TABLE' && src.args.length === 1 && src.args[0].k === 'col' ? src.args[0].name.parts : undefined
        const fname = arg && arg.length > 1 ? arg[arg.length - 1].name.toUpperCase() : src.name
        const fn = this.tableFunctions.size ? this.tableFunctions.get(fname) ?? this.tableFunctions.get(fname.slice(fname.lastIndexOf('.') + 1)) : undefined
        if (fn) {
          if (!arg) for (const a of src.args) evalExpr(a, scope, this)
          const item: FromItem = { kind: 'derived', obj: fn.obj, alias: src.alias ?? { name: src.name, quoted: false, loc: src.loc }, columns: fn.columns, persistent: false }
          if (fn.starOf) {
            // each column named is the table's column of that name, through the function's rows
            const e = this.entry(fn.starOf)
            this.reads.add(e.obj.id)
            item.columns = new Map()
            item.passThrough = { kind: 'table', obj: e.obj, nameParts: splitQuoted(fn.starOf, this.d), columns: this.tableColumns(e), persistent: true }
          }
          return src.columnAliases?.length ? this.renamed(item, src.columnAliases) : item
        }
        const coll = src.name === 'TABLE' ? this.collectionItem(src.args[0], src.alias) : undefined
        if (coll) return coll
        const deps = emptyDeps()
        let named: Map<string, ColRef> | undefined
        // a stage or file read as a table (FROM @stage/dir/, FROM 'f.csv', Netezza FROM EXTERNAL 'f'): its rows
        if ((src.name === 'EXTERNAL' || src.name === 'STAGE' || src.name === 'OPENROWSET') && src.args[0]?.k === 'lit' && src.args[0].text) {
          deps.direct.push(this.ref(this.locationObject(src.args[0].text, src.loc), '*', src.loc, '*'))
        } else for (const a of src.args) {
          if (a.k !== 'subq') { mergeInto(deps, evalExpr(a, scope, this)); continue }
          // a query argument (Vertica f(SELECT …) OVER (…)) is the rows the function reads: all its columns, not its first as a value
          const rs = this.query(a.query, scope, { type: 'select_list', name: this.b.nextName('RS') })
          for (const c of rs.cols) { deps.direct.push(c.ref); (named ??= new Map()).set(c.key, c.ref) }
          deps.indirect.push(rs.rows)
        }
        if (src.name === 'FLATTEN' && this.d.name === 'dbvsnowflake') return this.flatten(src, deps)
        const columns = src.columnAliases?.length ? new Map(src.columnAliases.map((c) => [this.key(c), { name: c.name }])) : null
        return { kind: 'func', alias: src.alias, columns, funcSources: deps.direct, funcNamed: named, persistent: false }
      }
      case 'pivot': return this.pivotItem(src, scope)
      case 'values': {
        const obj = this.b.object('select_list', this.b.nextName('RS'), src.loc)
        const item: FromItem = { kind: 'values', obj, alias: src.alias, columns: new Map(), persistent: false }
        const width = Math.max(0, ...src.rows.map((r) => r.length))
        for (let i = 0; i < width; i++) {
          const id = src.columnAliases?.[i]
          const name = id?.name ?? `column${i + 1}`
          const ref = this.ref(obj, name, id?.loc, id ? this.key(id) : name.toUpperCase())
          item.columns!.set(id ? this.key(id) : name.toUpperCase(), { name, ref })
          for (const row of src.rows) if (row[i]) this.relateDeps(ref, evalExpr(row[i], scope, this), 'select')
        }
        return item
      }
    }
  }

  /**
   * PIVOT: each IN value (times each aggregate) is a column the aggregate's arguments fill; the FOR
   * column picks the rows of each one and the untouched columns group them (fdr, as GROUP BY would).
   * UNPIVOT: the value column takes every column of the IN list, the name column holds constants.
   * The source's other columns pass through.
   */
  private pivotItem(src: Extract<Source, { k: 'pivot' }>, scope: Scope): FromItem {
    const inner = this.fromItem(src.source, scope)
    const spec = src.pivot
    const nameParts = src.alias ? undefined : inner.nameParts
    // a list known only at run time (ANY, a subquery, PIVOT XML): the source's columns, as before
    if (!spec.unpivot && !spec.values) return { ...inner, alias: src.alias }
    const own: Scope = { items: [inner], parent: scope.parent, ctes: scope.ctes }
    const obj = this.b.object(spec.unpivot ? 'unpivot_table' : 'pivot_table', this.b.nextName(spec.unpivot ? 'UNPIVOT-TABLE' : 'PIVOT-TABLE'), src.loc)
    const item: FromItem = { kind: 'derived', obj, alias: src.alias, nameParts, columns: new Map(), persistent: false }
    const known = this.knownColumns(inner)
    const used: ColRef[] = []
    const isUsed = (r: ColRef) => used.some((u) => u.obj === r.obj && u.col === r.col)
    const colDeps = (id: Ident): Deps => {
      const d = evalExpr({ k: 'col', name: { parts: [id], loc: id.loc } }, own, this)
      used.push(...d.direct)
      return d
    }
    const add = (id: Ident): ColRef => {
      const k = this.key(id)
      const ref = this.ref(obj, id.name, id.loc, k)
      if (!item.columns!.has(k)) item.columns!.set(k, { name: id.name, ref })
      return ref
    }
    // the pivot's expressions are evaluated first (they tell which source columns are consumed), its
    // columns are made after the untouched ones, which the vendors list first
    const made: Array<() => void> = []
    if (spec.unpivot) {
      const valueSrc: ColRef[][] = spec.valueCols.map(() => [])
      for (const entry of spec.inCols) entry.forEach((c, j) => { const d = colDeps(c); valueSrc[j % valueSrc.length].push(...d.direct) })
      made.push(() => {
        for (const n of spec.forCols) add(n)
        spec.valueCols.forEach((v, j) => this.b.relate('fdd', add(v), valueSrc[j], 'select', 'identity'))
      })
    } else {
      const picks: ColRef[] = []
      for (const f of spec.forCols) { const d = colDeps(f); picks.push(...d.direct, ...d.indirect) }
      const aggDeps = spec.aggs.map((a) => { const d = evalExpr(a.expr, own, this); used.push(...d.direct); return d })
      made.push(() => {
        const groups = item.columns!.size ? [...item.columns!.values()].map((c) => inClause(c.ref!, 'groupBy')) : []
        for (const v of spec.values!) spec.aggs.forEach((a, i) => {
          const ref = add(this.pivotColumnName(v, a.alias))
          this.relateThroughFunction(ref, a.expr, aggDeps[i], 'aggregation')
          this.b.relate('fdr', ref, picks.map((r) => inClause(r, 'pivot')), 'select', 'filter')
          this.b.relate('fdr', ref, groups, 'select', 'group_by')
          if (inner.obj) this.b.relate('fdr', ref, [this.rowsRef(inner.obj)], 'select', 'aggregation')
        })
      })
    }
    if (known) {
      for (const c of known) {
        if (isUsed(c.ref)) continue
        const ref = this.ref(obj, c.name, undefined, c.key)
        item.columns!.set(c.key, { name: c.name, ref })
        this.b.relate('fdd', ref, [c.ref], 'select', 'identity')
      }
    } else item.passThrough = inner
    for (const m of made) m()
    if (!inner.persistent && inner.obj) this.b.relate('fdr', this.rowsRef(obj), [this.rowsRef(inner.obj)], 'select', 'row_count')
    if (!src.columnAliases) return item
    if (!item.passThrough) return this.renamed(item, src.columnAliases)
    // the source's columns are unknown: the aliases that name the pivot's own columns are the last ones
    const pivotCols = [...item.columns!.values()]
    if (!pivotCols.length) return item
    const aliases = src.columnAliases.slice(-pivotCols.length)
    const cols = new Map<string, { name: string; ref?: ColRef }>()
    // the first ones name the untouched columns, whichever of the source's they are: its `*` feeds them, and
    // the list names every column of the pivot (AS p (emp_renamed, jan, feb): emp_renamed was lost)
    const lead = inner.obj ? src.columnAliases.slice(0, Math.max(0, src.columnAliases.length - pivotCols.length)) : []
    for (const a of lead) {
      const ref = this.ref(obj, a.name, a.loc, this.key(a))
      this.b.relate('fdd', ref, [this.ref(inner.obj!, '*', a.loc, '*')], 'select', 'identity')
      cols.set(this.key(a), { name: a.name, ref })
    }
    pivotCols.forEach((c, i) => { const a = aliases[i]; if (a) cols.set(this.key(a), { name: a.name, ref: c.ref }) })
    return lead.length ? { ...item, columns: cols, passThrough: undefined } : { ...item, columns: cols }
  }

  /** the vendors join an IN value and its aggregate's alias with `_`; BigQuery puts the alias first */
  private pivotColumnName(v: Ident, alias: Ident | undefined): Ident {
    if (!alias) return v
    const name = this.d.name === 'dbvbigquery' ? `${alias.name}_${v.name}` : `${v.name}_${alias.name}`
    return { name, quoted: v.quoted || alias.quoted, loc: v.loc }
  }

  /**
   * Snowflake FLATTEN has fixed output columns, each an element (or its key, path, position) of the
   * flattened input (N6): a name outside them is not one of its columns
   */
  private flatten(src: Extract<Source, { k: 'tfunc' }>, deps: Deps): FromItem {
    const obj = this.b.object('function', 'FLATTEN', src.loc)
    const columns = new Map<string, { name: string; ref?: ColRef }>()
    FLATTEN_COLUMNS.forEach((name, i) => {
      const alias = src.columnAliases?.[i]
      const ref = this.ref(obj, alias?.name ?? name, alias?.loc, alias ? this.key(alias) : name)
      this.b.relate('fdd', ref, deps.direct, 'function', 'identity')
      if (deps.indirect.length) this.b.relate('fdr', ref, deps.indirect, 'function', 'filter')
      columns.set(alias ? this.key(alias) : name, { name: alias?.name ?? name, ref })
    })
    return { kind: 'func', obj, alias: src.alias, columns, persistent: false }
  }

  private renamed(item: FromItem, aliases: Ident[]): FromItem {
    const known = this.knownColumns(item)
    if (!known) return item
    const cols = new Map<string, { name: string; ref?: ColRef }>()
    aliases.forEach((a, i) => { if (known[i]) cols.set(this.key(a), { name: a.name, ref: known[i].ref }) })
    return { ...item, columns: cols, persistent: false }
  }
}

declare module './scope.js' { interface FromItem { nameKey?: string } }

/** a LIKE pattern as a case-insensitive regular expression (% any run, _ one character, \\ escapes) */
function likeRegExp(pattern: string): RegExp {
  const literal = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\' && i + 1 < pattern.length) re += literal(pattern[++i])
    else if (ch === '%') re += '.*'
    else if (ch === '_') re += '.'
    else re += literal(ch)
  }
  return new RegExp(`^${re}$`, 'is')
}

/** the key under which the catalog files a declared column (flow/analyzer tableColumns): its upper-cased name */
function declaredKey(k: string): string { return k.toUpperCase() }

/** Snowflake names a pivot column after its IN value with the quotes: "'JAN'" is the column of IN ('JAN') */
function quotedValueKey(k: string): string | undefined {
  return k.length > 2 && k.charCodeAt(0) === 39 && k.charCodeAt(k.length - 1) === 39 ? k.slice(1, -1).toUpperCase() : undefined
}
