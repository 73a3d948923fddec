// One handler per statement kind; a script threads the catalog through them (temp tables, views).
import type { Assign, Expr, ForeignKey, Ident, Loc, OutputTable, QName, Query, SelectItem, Stmt, TableRef } from '../ast/types.js'
import type { ModelObj as DbObj } from '../model/store.js'
import { colRef, inClause, type ColRef } from './builder.js'
import { Analyzer, type ResultSet } from './analyzer.js'
import { childScope, type FromItem, type Scope } from './scope.js'
import { emptyDeps, evalExpr, mergeInto, type Deps } from './expr.js'
import { splitQuoted } from '../resolve/catalog.js'
import { mdxFlow } from './mdx.js'

type S<K extends Stmt['k']> = Extract<Stmt, { k: K }>
type TableVarOf = Analyzer['tableVars'] extends Map<string, infer V> ? V : never

export class StatementFlow {
  constructor(readonly a: Analyzer) {
    a.onVarAssign = (item, scope) => this.varAssign(item, scope)
    a.onDml = (stmt, out) => this.dmlAsSource(stmt, out)
    a.dmlTarget = (stmt) => {
      this.run(stmt)
      const t = (stmt as { target?: TableRef }).target
      if (!t) return undefined
      const e = this.a.entry(t.name)
      this.a.reads.add(e.obj.id)
      return { obj: e.obj, name: t.name, key: e.key }
    }
  }

  private get b() { return this.a.b }

  run(s: Stmt): void {
    switch (s.k) {
      case 'query': return this.query(s)
      case 'insert': return this.insert(s)
      case 'update': return this.update(s)
      case 'delete': return this.del(s)
      case 'merge': return this.merge(s)
      case 'createTable': return this.createTable(s)
      case 'createView': return this.createView(s)
      case 'rename': return this.rename(s)
      case 'alterColumns': return this.alterColumns(s)
      case 'stream': return this.stream(s)
      case 'synonym': return this.a.defineSynonym(s.name, s.target)
      case 'declare': return this.declare(s)
      case 'assign': return this.assign(s)
      case 'cursorLoop': return this.cursorLoop(s)
      case 'block': {
        // a routine's parameters are its own: after it, a column of the same name is a column again
        // (a function's `email` parameter took every later unqualified `email` column)
        const own = (s.params ?? []).map((prm) => prm.name.toUpperCase()).filter((k) => !this.a.variables.has(k))
        for (const prm of s.params ?? []) this.a.declareVariable(prm.name, prm.loc, 'scalar')
        // a package body's functions may be called before their bodies come (and the function itself, recursively);
        // by their bare names only inside the package (a column of that name elsewhere stays a column)
        const fns: string[] = []
        if (s.func && s.name) fns.push(this.routineKey(s.name))
        for (const x of s.body) if (x.k === 'block' && x.func && x.name) fns.push(this.routineKey(x.name))
        const ownFns = fns.filter((k) => !this.a.localFunctions.has(k))
        for (const k of fns) { this.a.functions.add(k); this.a.localFunctions.add(k) }
        const outTablesBefore = s.outParams && s.name ? s.outParams.map((i) => this.a.tableVars.get(s.params![i].name.toUpperCase())) : undefined
        const trigger = this.a.trigger
        if (s.triggerRows) this.a.trigger = { table: s.triggerTable, rows: new Set(s.triggerRows), tables: s.triggerTables && new Set(s.triggerTables) }
        if (s.triggerRows && !s.triggerTable && s.name) this.a.triggerFunctions.set(this.routineKey(s.name), s)
        const lastBefore = this.lastQuery
        const fnBefore = this.inTableFunction
        // a routine starts afresh; a block inside one (PL/pgSQL BEGIN … END, IF, LOOP) keeps its routine's
        // state, so RETURN QUERY in the body's BEGIN block is the query of a RETURNS TABLE function
        const pipedBefore = this.piped
        const pipedStarBefore = this.pipedStar
        if (s.name) { this.lastQuery = undefined; this.piped = undefined; this.pipedStar = undefined; this.inTableFunction = !!s.returnsTable }
        const returnsBefore = this.returnSlots
        if (s.name) this.returnSlots = []
        try {
          for (const x of s.body) this.run(x)
          if (outTablesBefore) this.defineOutParams(s, outTablesBefore)
          if (s.name && this.returnSlots?.length) this.returned.set(this.routineKey(s.name), this.returnSlots)
          const tv = s.returnsTable?.variable ? this.a.tableVars.get(s.returnsTable.variable.toUpperCase()) : undefined
          if (tv && s.name) this.a.defineTableFunction(s.name, { obj: tv.obj, cols: [...tv.columns].map(([key, c]) => ({ name: c.name, key, ref: c.ref! })).filter((c) => c.ref) })
          else if (s.returnsTable && s.name && (this.piped ?? this.lastQuery)) this.a.defineTableFunction(s.name, (this.piped ?? this.lastQuery)!, s.returnsTable.columns, this.pipedStar)
          // CREATE TRIGGER … ON t EXECUTE FUNCTION f(): f's statements run with t's rows as NEW / OLD
          const fn = s.triggerCall && s.triggerTable ? this.a.triggerFunctions.get(this.routineKey(s.triggerCall)) : undefined
          // once per function on the stack: a trigger parsed inside its own function's body (a dialect that
          // cannot end the body) would run the function, and so the trigger, again and again
          if (fn?.k === 'block' && !this.runningTriggerFunctions.has(fn)) {
            this.runningTriggerFunctions.add(fn)
            this.a.trigger = { table: s.triggerTable!, rows: new Set(fn.triggerRows) }
            try { for (const x of fn.body) this.run(x) } finally { this.runningTriggerFunctions.delete(fn) }
          }
        } finally { this.a.trigger = trigger; if (s.name) { this.lastQuery = lastBefore; this.piped = pipedBefore; this.pipedStar = pipedStarBefore; this.inTableFunction = fnBefore; this.returnSlots = returnsBefore } }
        for (const k of own) this.a.variables.delete(k)
        for (const k of ownFns) this.a.localFunctions.delete(k)
        return
      }
      case 'return': if (s.row && s.value && this.inTableFunction) { this.pipeRow(s.value, s.loc); return } return this.returnValues(s)
      case 'objectType': this.a.objectTypes.set(this.routineKey(s.name), s.attributes); return
      case 'copy': return this.copy(s)
      case 'other': if (s.call) this.call(s.call); return
      case 'tableVar': return this.tableVar(s)
      case 'mdx': return mdxFlow(this.a, s)
    }
  }

  /**
   * the values of a VALUES row by position: a trigger row's NEW.* / OLD.* (INSERT INTO hist VALUES (OLD.*))
   * stands for the trigger table's columns, one position each, when they are known
   */
  private valuesRow(row: Expr[]): Array<Expr | Deps> {
    if (!this.a.trigger || !row.some((v) => v.k === 'star')) return row
    const out: Array<Expr | Deps> = []
    for (const v of row) {
      const cols = v.k === 'star' && v.qualifier ? this.a.triggerRowColumns(v.qualifier, v.loc) : undefined
      if (cols && !(cols.length === 1 && cols[0].key === '*')) { for (const c of cols) out.push({ ...emptyDeps(), direct: [c.ref] }); continue }
      out.push(v)
    }
    return out
  }

  // ---- SELECT -------------------------------------------------------------------------------
  private query(s: S<'query'>): void {
    const q = s.query
    if (q.k === 'select' && q.intoTable) return this.selectInto(q, q.intoTable)
    // T-SQL SELECT … INTO #t FROM a UNION ALL SELECT … FROM b: the INTO of the first branch takes the whole result
    const into = q.k === 'setop' ? setopInto(q) : undefined
    if (into) return this.selectInto(into.query, into.table)
    if (q.k === 'select' && q.intoVars) return this.selectIntoVars(q, q.intoVars)
    // a table function's rows are read where it is called: not a result of the script
    const top = !this.inTableFunction && !(q.k === 'select' && q.items.length > 0 && q.items.every((i) => this.isVarAssign(i)))
    this.lastQuery = this.a.query(q, undefined, { type: 'select_list', name: this.b.nextName('RS'), top })
  }

  /** trigger functions being run for a CREATE TRIGGER (flow of a trigger inside its own function runs once) */
  private readonly runningTriggerFunctions = new Set<S<'block'>>()
  /** the result of the last query statement of the routine being run (a table function's rows) */
  private lastQuery: ResultSet | undefined = undefined
  private inTableFunction = false
  /** the rows a pipelined function's PIPE ROW statements made, by field name */
  private piped: ResultSet | undefined = undefined
  /** … when they are a record's that came from SELECT * of one table of unknown columns: that table */
  private pipedStar: QName | undefined = undefined

  /**
   * PIPE ROW (v): a record's fields, an object constructor's arguments as the type's attributes (PIPE ROW
   * (t_row(r.id, r.amt * 2))), else the one COLUMN_VALUE of a collection of scalars
   */
  private pipeRow(value: Expr, loc: Loc): void {
    if (!this.piped) { const obj = this.b.object('select_list', this.b.nextName('RS'), loc); this.piped = { obj, cols: [], rows: this.a.rowsRef(obj) } }
    const rs = this.piped
    const put = (name: string, deps: Deps) => {
      const key = name.toUpperCase()
      let c = rs.cols.find((x) => x.key === key)
      if (!c) { c = { name, key, ref: this.a.ref(rs.obj, name, undefined, key) }; rs.cols.push(c) }
      this.a.relateDeps(c.ref, deps, 'select')
    }
    const rec = this.recordOf(value)
    if (rec && rec.columns.length > 1) {
      const star = this.a.recordStars.get(rec)
      this.pipedStar = star && (!rs.cols.length || this.pipedStar === star) ? star : undefined
      for (const f of this.recordFields(rec)) put(f.name, { ...emptyDeps(), direct: [this.a.recordField(rec, f.name)] })
      return
    }
    const attrs = value.k === 'func' ? this.a.objectTypes.get(value.name.slice(value.name.lastIndexOf('.') + 1).toUpperCase()) : undefined
    this.pipedStar = undefined
    if (attrs && value.k === 'func') { attrs.forEach((a, i) => { const arg = value.args[i]; if (arg) put(a.name, evalExpr(arg, childScope(undefined), this.a)) }); return }
    put('COLUMN_VALUE', evalExpr(value, childScope(undefined), this.a))
  }

  private isVarAssign(item: SelectItem): boolean {
    const e = item.expr
    return e.k === 'op' && e.op === '=' && e.args[0]?.k === 'var' && !item.alias
  }

  /** T-SQL `SELECT @v = expr FROM …` assigns the variable (D14) */
  private varAssign(item: SelectItem, scope: Scope): boolean {
    if (!this.isVarAssign(item)) return false
    const e = item.expr as Extract<Expr, { k: 'op' }>
    const v = e.args[0] as Extract<Expr, { k: 'var' }>
    const obj = this.a.declareVariable(v.name, v.loc)
    this.a.relateDeps(colRef(obj, obj.columns![0], v.loc), evalExpr(e.args[1], scope, this.a), 'select')
    return true
  }

  private selectInto(q: Query, into: QName): void {
    const rs = this.a.query(q.k === 'select' ? { ...q, intoTable: undefined } : q, undefined, { type: 'select_list', name: this.b.nextName('RS') })
    const e = this.a.entry(into, into.loc)
    e.columns = rs.cols.map((c) => this.b.intern(c.name))
    this.writeAll(e.obj, rs, e.columns.map((c) => ({ name: c })), 'insert')
    this.a.writes.add(e.obj.id)
  }

  private selectIntoVars(q: Extract<Query, { k: 'select' }>, vars: Expr[]): void {
    // SELECT t(a, b) [BULK COLLECT] INTO v with t an object type: v's fields are t's attributes, each its argument
    const ctor = vars.length === 1 && q.items.length === 1 && q.items[0].expr.k === 'func' ? q.items[0].expr : undefined
    const attrs = ctor && this.a.objectTypes.get(ctor.name.slice(ctor.name.lastIndexOf('.') + 1).toUpperCase())
    if (ctor && attrs && ctor.args.length > 1 && ctor.args.length <= attrs.length) q = { ...q, items: ctor.args.map((expr, i) => ({ expr, alias: attrs[i], loc: q.items[0].loc })) }
    const rs = this.a.query({ ...q, intoVars: undefined }, undefined, { type: 'select_list', name: this.b.nextName('RS') })
    const one = vars.length === 1 ? vars[0] : undefined
    if (one && (one.k === 'var' || (one.k === 'col' && one.name.parts.length === 1)) && (rs.cols.length > 1 || rs.cols[0]?.name === '*')) {
      // several columns INTO one variable (a record, or a collection with BULK COLLECT): one field each
      const name = one.k === 'var' ? one.name : one.name.parts[0].name
      const rec = this.a.declareVariable(name, exprLocOf(one), 'record')
      this.a.fillsFromStar(rec, q, rs.cols.length === 1)
      const own = this.a.declaredFields.get(rec)
      rs.cols.forEach((c, j) => { const f = own?.[j]; this.b.relate('fdd', f !== undefined ? this.a.ref(rec, f) : this.a.ref(rec, c.name, undefined, c.key), [c.ref], 'select', 'identity') })
      this.b.relate('fdd', colRef(rec, rec.columns![0]), rs.cols.map((c) => c.ref), 'select', 'identity')
      this.b.relate('fdr', colRef(rec, rec.columns![0]), [rs.rows], 'select', 'row_count')
      return
    }
    vars.forEach((v, i) => {
      const target = this.varTarget(v)
      const src = rs.cols[i] ?? (rs.cols.length === 1 && rs.cols[0].name === '*' ? rs.cols[0] : undefined)
      if (target && src) this.b.relate('fdd', target, [src.ref], 'select', 'identity')
      if (target) this.b.relate('fdr', target, [rs.rows], 'select', 'row_count')
    })
  }

  /** the record variable a PL/SQL value names: r, :r, or the collection element l(i) */
  private recordOf(e: Expr): DbObj | undefined {
    const vars = this.a.variables
    if (e.k === 'var') return vars.get(e.name.replace(/^:/, '').toUpperCase())
    if (e.k === 'col' && e.name.parts.length === 1) return vars.get(this.a.key(e.name.parts[0]))
    if (e.k === 'func' && e.args.length === 1) return vars.get(e.name.toUpperCase())
    return undefined
  }

  /** the fields of a record variable (its first column is the variable itself); only `*` when they are unknown */
  private recordFields(rec: DbObj): Array<{ name: string; loc?: Loc }> {
    const st = this.b.store
    const fields = rec.columns.slice(1).filter((c) => !st.isSystemColumn(c)).map((c) => st.colName[c])
    return !fields.length || fields.includes('*') ? [{ name: '*' }] : fields.map((name) => ({ name }))
  }

  /**
   * what a procedure of the script leaves in its OUT parameters, by position: the table variable the body
   * assigned (SQLScript et = SELECT …), else the scalar variable
   */
  private readonly outParams = new Map<string, Array<{ index: number; name: string; table?: TableVarOf; scalar?: DbObj }>>()

  private defineOutParams(s: S<'block'>, tablesBefore: Array<TableVarOf | undefined>): void {
    const outs = s.outParams!.map((index, j) => {
      const name = s.params![index].name.toUpperCase()
      const tv = this.a.tableVars.get(name)
      return tv && tv !== tablesBefore[j] ? { index, name, table: tv } : { index, name, scalar: this.a.variables.get(name) }
    })
    this.outParams.set(this.routineKey(s.name!), outs)
  }

  /** the named routine being run: one variable per position of the values its RETURN statements give */
  private returnSlots: DbObj[] | undefined = undefined
  /** routines of the script by key: the variables holding what they return, by position */
  private readonly returned = new Map<string, DbObj[]>()

  private returnValues(s: S<'return'>): void {
    // (only Informix calls a routine for its returned values: EXECUTE PROCEDURE p() INTO v, CALL p() RETURNING v)
    if (!this.returnSlots || !s.value || this.a.d.name !== 'dbvinformix') return
    const values = [s.value, ...(s.more ?? [])]
    values.forEach((v, i) => {
      const slot = this.returnSlots![i] ??= this.a.b.object('variable', `RETURN-${i + 1}`, s.loc, { subType: 'scalar' })
      if (!slot.columns.length) this.b.column(slot, slot.name, slot.name.toUpperCase())
      this.a.relateDeps(colRef(slot, slot.columns[0]), evalExpr(v, childScope(undefined), this.a), 'select')
    })
  }

  /** CALL p(…, lt_out): the caller's argument takes what p left in its OUT parameter (a table variable's rows and columns) */
  private call(c: NonNullable<S<'other'>['call']>): void {
    const ret = c.into && this.returned.size ? this.returned.get(this.routineKey(c.name)) : undefined
    if (ret) c.into!.forEach((v, i) => { const target = ret[i] && this.varTarget(v); if (target) this.b.relate('fdd', target, [colRef(ret[i], ret[i].columns[0])], 'select', 'identity') })
    const outs = this.outParams.size ? this.outParams.get(this.routineKey(c.name)) : undefined
    if (!outs) return
    const named = c.args.some((a) => a.name)
    for (const o of outs) {
      const arg = named ? c.args.find((a) => a.name?.name.toUpperCase() === o.name)?.value : c.args[o.index]?.value
      if (!arg) continue
      if (o.table) {
        const id = arg.k === 'col' && arg.name.parts.length === 1 ? arg.name.parts[0] : undefined
        const name = id?.name ?? (arg.k === 'var' ? arg.name.replace(/^:/, '') : undefined)
        if (!name) continue
        const obj = this.b.object('variable', name, id?.loc ?? exprLocOf(arg), { subType: 'table' })
        const cols = new Map<string, { name: string; ref?: ColRef }>()
        for (const [key, col] of o.table.columns) {
          if (!col.ref) continue
          const ref = this.a.ref(obj, col.name, undefined, key)
          cols.set(key, { name: col.name, ref })
          this.b.relate('fdd', ref, [col.ref], 'select', 'identity')
        }
        this.b.relate('fdr', this.a.rowsRef(obj), [this.a.rowsRef(o.table.obj)], 'select', 'row_count')
        this.a.tableVars.set(name.toUpperCase(), { obj, columns: cols })
      } else if (o.scalar?.columns?.length && !(arg.k === 'var' && arg.name.startsWith('?')) && !(arg.k === 'col' && arg.name.parts.length === 1 && arg.name.parts[0].name.toUpperCase() === o.name)) {
        // (a ? marker is the client's, no variable; BTEQ names an OUT parameter by its own name: CALL p(d, p_rows))
        const target = this.varTarget(arg)
        if (target) this.b.relate('fdd', target, [colRef(o.scalar, o.scalar.columns[0])], 'select', 'identity')
      }
    }
  }

  /** a routine's matching key: its last name part (a trigger may name the function without its schema) */
  private routineKey(q: QName): string { return this.a.key(q.parts[q.parts.length - 1]) }

  private varTarget(v: Expr): ColRef | undefined {
    // a row trigger's :NEW.c := … / SET NEW.c = … sets the column of the row being written
    const row = this.a.triggerColumn(v, true)
    if (row !== undefined) return row ?? undefined
    if (v.k === 'var') { const o = this.a.declareVariable(v.name, v.loc); return colRef(o, o.columns![0], v.loc) }
    if (v.k === 'col') {
      const parts = v.name.parts
      const o = this.a.declareVariable(parts[0].name, v.name.loc, parts.length > 1 ? 'record' : 'scalar')
      if (parts.length > 1) return this.a.ref(o, parts[1].name, v.name.loc, this.a.key(parts[1]))
      return colRef(o, o.columns![0], v.name.loc)
    }
    // PL/SQL l(i) := … / l(i).f := …: the collection variable, or the field of its records
    const element = v.k === 'func' ? v : v.k === 'op' && v.op === 'FIELD' && v.field !== undefined && v.args[0].k === 'func' ? v.args[0] : undefined
    if (element?.k === 'func' && this.a.d.name === 'dbvoracle' && !element.name.includes('.')) {
      const o = this.a.declareVariable(element.name, element.loc, v === element ? 'scalar' : 'record')
      return v === element ? colRef(o, o.columns![0], element.loc) : this.a.recordField(o, (v as { field: string }).field, v.loc)
    }
    return undefined
  }

  /** map a result set into a table's columns by position (known columns) or by name */
  private writeAll(target: DbObj, rs: ResultSet, cols: Array<{ name: string; loc?: Loc }> | null, effect: string): void {
    const put = (tc: { name: string; loc?: Loc }, c: ResultSet['cols'][number]) =>
      this.b.relate('fdd', this.a.ref(target, tc.name, tc.loc, tc.name.toUpperCase()), [c.ref], effect, 'identity')
    // an unexpanded * (its table's columns unknown) fills an unknown number of positions: the columns
    // before it map from the start, those after it from the end, and the * (with what sits between
    // stars) feeds every target column in between
    const first = cols && cols[0]?.name !== '*' ? rs.cols.findIndex((c) => c.name === '*') : -1
    if (cols && first >= 0) {
      let last = first
      for (let i = rs.cols.length - 1; i > first; i--) if (rs.cols[i].name === '*') { last = i; break }
      const tail = rs.cols.length - 1 - last
      for (let i = 0; i < first && i < cols.length; i++) put(cols[i], rs.cols[i])
      for (let k = 1; k <= tail && cols.length - k >= first; k++) put(cols[cols.length - k], rs.cols[rs.cols.length - k])
      for (let j = first; j < cols.length - tail; j++) for (let i = first; i <= last; i++) put(cols[j], rs.cols[i])
    } else rs.cols.forEach((c, i) => {
      const tc = cols ? cols[i] : { name: c.name }
      if (tc) put(tc, c)
    })
    this.b.relate('fdr', this.a.rowsRef(target), [rs.rows], effect, 'row_count')
  }

  // ---- INSERT -------------------------------------------------------------------------------
  private insert(s: S<'insert'>): void {
    if (s.multi) return this.insertAll(s)
    const e = this.a.entry(s.target.name, s.target.name.loc)
    const target = e.obj
    this.a.writes.add(target.id)
    const scope = childScope(undefined)
    if (s.with) this.withScope(s.with, scope)
    // static partition values (PARTITION (dt = '…')) are literals: the query fills the other columns (D7)
    const fixed = new Set(s.staticPartition ?? [])
    let cols: Array<{ name: string; loc?: Loc }> | null = s.columns ? s.columns.map((c) => ({ name: c.name, loc: c.loc })) : e.columns && !s.byName ? e.columns.filter((c) => !fixed.has(c.toUpperCase())).map((c) => ({ name: c })) : null
    if (s.replaceWhere) {
      // the condition picks the target's rows that the query's rows replace (its columns are the target's)
      const d = evalExpr(s.replaceWhere, this.targetScope(s.target, target), this.a)
      this.b.relate('fdr', this.a.rowsRef(target), [...d.direct, ...d.indirect].map((r) => inClause(r, 'where')), 'insert', 'filter')
      if (d.direct.some((r) => r.obj === target)) this.a.reads.add(target.id)
    }
    let rs: ResultSet | undefined
    if (s.query) {
      rs = this.a.query(s.query, scope, { type: 'insert-select', name: this.b.nextName('INSERT-SELECT') })
      if (!cols && rs.cols.some((c) => c.name === '*') && rs.cols.length === 1) cols = [{ name: '*' }]
      if (s.documentValue) {
        // the whole document is the VALUE expression: map that output column into the keyspace's `*` (D17)
        const dv = s.documentValue
        const key = dv.k === 'col' ? this.a.key(dv.name.parts[dv.name.parts.length - 1]) : ''
        const src = rs.cols.find((c) => c.key === key)
        if (src) this.b.relate('fdd', this.a.ref(target, '*', undefined, '*'), [src.ref], 'insert', 'identity')
        this.b.relate('fdr', this.a.rowsRef(target), [rs.rows], 'insert', 'row_count')
        return
      }
      this.writeAll(target, rs, cols, 'insert')
    } else if (s.cursorRows) {
      const cur = this.a.variables.get(this.a.key(s.cursorRows))
      if (!cur) return
      const st = this.b.store
      const fields = cur.columns.slice(1).filter((c) => !st.isSystemColumn(c))
      this.writeAll(target, { obj: cur, cols: fields.map((c) => ({ name: st.colName[c], key: st.colName[c].toUpperCase(), ref: colRef(cur, c) })), rows: this.a.rowsRef(cur) }, cols, 'insert')
    } else if (s.values && s.recordValues && this.recordOf(s.values[0][0])) {
      const rec = this.recordOf(s.values[0][0])!
      // target of unknown columns (a package compiled apart from its tables): the record's fields name them
      for (const tc of cols ?? this.recordFields(rec)) this.b.relate('fdd', this.a.ref(target, tc.name, tc.loc, tc.name.toUpperCase()), [this.a.recordField(rec, tc.name)], 'insert', 'identity')
    } else if (s.values) {
      // literals of INSERT … VALUES never become constant-table columns (spec §4.8)
      const shown = this.a.showConstants
      this.a.showConstants = false
      for (const row of s.values) this.valuesRow(row).forEach((v, i) => {
        const tc = cols?.[i]
        if (!tc) return
        const deps = 'direct' in v ? v : evalExpr(v, scope, this.a)
        if (!deps.direct.length && !deps.indirect.length) return
        this.a.relateDeps(this.a.ref(target, tc.name, tc.loc, tc.name.toUpperCase()), deps, 'insert')
      })
      this.a.showConstants = shown
    } else if (s.setAssigns) {
      for (const as of s.setAssigns) this.assignTo(target, as, scope, 'insert')
    }
    if (s.conflict) { this.a.referenced.delete(target.id); this.onConflict(s, target, rs, cols, scope); if (this.a.referenced.has(target.id)) this.a.reads.add(target.id) }
    if (s.returning) this.returning(s.returning, target, s.target, s.returningInto, s.outputTable)
  }

  private onConflict(s: S<'insert'>, target: DbObj, rs: ResultSet | undefined, cols: Array<{ name: string }> | null, scope: Scope): void {
    // EXCLUDED.c / VALUES(c) is the value proposed for c; a bare or target-qualified c is the stored value (D8)
    const proposed = (name: string): ColRef[] => {
      const i = cols ? cols.findIndex((c) => c.name.toUpperCase() === name.toUpperCase()) : rs ? rs.cols.findIndex((c) => c.key === name.toUpperCase()) : -1
      const src = i >= 0 ? rs?.cols[i]?.ref : undefined
      if (src) return [src]
      if (i >= 0 && s.values) return s.values.flatMap((row) => (row[i] ? evalExpr(row[i], scope, this.a).direct : []))
      return []
    }
    const tScope = this.targetScope(s.target, target)
    const selected = this.selectedRow(s, rs, tScope)
    // VALUES (…) AS new (c1, …): new.c1 is the value proposed for the insert's column at c1's position
    const ra = s.rowAlias
    const raKey = ra ? this.a.key(ra.name) : undefined
    const fromSelect = !ra ? selected : (e: Extract<Expr, { k: 'col' }>): ColRef[] | undefined => {
      const parts = e.name.parts
      if (parts.length !== 2 || this.a.key(parts[0]) !== raKey) return selected?.(e)
      const i = ra.columns ? ra.columns.findIndex((c) => this.a.key(c) === this.a.key(parts[1])) : -1
      return proposed(i >= 0 && cols?.[i] ? cols[i].name : parts[1].name)
    }
    for (const as of s.conflict!) {
      // DO UPDATE SET (a, b) = (EXCLUDED.a, EXCLUDED.b): each target takes its element of the row
      const row = as.targets.length > 1 && as.value?.k === 'op' && as.value.op === 'ROW' && as.value.args.length === as.targets.length ? as.value.args : undefined
      let deps = emptyDeps()
      if (!row) this.walkConflict(as.value!, proposed, tScope, deps, fromSelect)
      as.targets.forEach((t, i) => {
        if (row) { deps = emptyDeps(); this.walkConflict(row[i], proposed, tScope, deps, fromSelect) }
        const p = t.parts[t.parts.length - 1]
        this.a.relateDeps(this.a.ref(target, p.name, p.loc, this.a.key(p)), deps, 'insert')
      })
    }
  }

  /**
   * MySQL INSERT … SELECT … ON DUPLICATE KEY UPDATE c = s.c: a name qualified by one of the SELECT's
   * tables (not the target) is the SELECT's value, through its select item when it returns the column
   */
  private selectedRow(s: S<'insert'>, rs: ResultSet | undefined, tScope: Scope): ((e: Extract<Expr, { k: 'col' }>) => ColRef[] | undefined) | undefined {
    const q = s.query
    if (!q || q.k !== 'select' || !rs || !q.from.some((src) => src.k === 'table' || src.k === 'derived')) return undefined
    const a = this.a
    const path = (parts: Ident[]) => parts.map((x) => a.key(x)).join('.')
    const t = tScope.items[0]
    const targetName = t.alias ? a.key(t.alias) : t.nameParts?.length ? a.key(t.nameParts[t.nameParts.length - 1]) : ''
    let from: Scope | undefined
    return (e) => {
      const parts = e.name.parts
      if (parts.length < 2 || a.key(parts[parts.length - 2]) === targetName) return undefined
      const want = path(parts)
      const i = q.items.findIndex((it) => it.expr.k === 'col' && path(it.expr.name.parts) === want)
      if (i >= 0 && rs.cols[i]) return [rs.cols[i].ref]
      // SELECT * FROM (SELECT …) AS d … UPDATE c = d.c: the derived table's column, as the SELECT returns it
      const qual = a.key(parts[parts.length - 2]), col = a.key(parts[parts.length - 1])
      if (q.from.some((src) => src.k === 'derived' && src.alias && a.key(src.alias) === qual)) {
        const c = rs.cols.find((x) => x.key === col)
        if (c) return [c.ref]
      }
      if (!from) { from = childScope(undefined); for (const src of q.from) if (src.k === 'table') from.items.push(a.fromItem(src, from)) }
      const r = a.resolve(e.name, from)
      return r.item ? (r.ref ? [r.ref] : r.refs ?? []) : undefined
    }
  }

  private walkConflict(e: Expr, proposed: (n: string) => ColRef[], scope: Scope, deps: ReturnType<typeof emptyDeps>, fromSelect?: (e: Extract<Expr, { k: 'col' }>) => ColRef[] | undefined): void {
    if (e.k === 'col' && e.name.parts.length === 2 && e.name.parts[0].name.toUpperCase() === 'EXCLUDED') { deps.direct.push(...proposed(e.name.parts[1].name)); return }
    if (e.k === 'func' && e.name === 'VALUES' && e.args[0]?.k === 'col') { const n = e.args[0].name.parts; deps.direct.push(...proposed(n[n.length - 1].name)); return }
    if (e.k === 'col' && fromSelect) { const refs = fromSelect(e); if (refs) { deps.direct.push(...refs); return } }
    if (e.k === 'op' || e.k === 'func') { for (const x of e.args) this.walkConflict(x, proposed, scope, deps, fromSelect); return }
    if (e.k === 'case') { const all = [e.operand, ...e.whens.flatMap((w) => [w.when, w.then]), e.else].filter((x): x is Expr => !!x); for (const x of all) this.walkConflict(x, proposed, scope, deps, fromSelect); return }
    const d = evalExpr(e, scope, this.a)
    if (d.direct.length || d.indirect.length) for (const r of d.direct) this.a.reads.add(r.obj.id)
    mergeInto(deps, d)
  }

  private targetScope(t: TableRef, obj: DbObj): Scope {
    const scope = childScope(undefined)
    const e = this.a.entry(t.name)
    const item: FromItem = { kind: 'table', obj, alias: t.alias, nameParts: splitQuoted(t.name, this.a.d), columns: null, persistent: true, nameKey: e.key }
    scope.items.push(item)
    return scope
  }

  private returning(items: SelectItem[], target: DbObj, t: TableRef, into?: Expr[], outputTable?: OutputTable, dmlScope?: Scope): void {
    // returned rows are the target's row values (D13); a MERGE's OUTPUT may also name its source (OUTPUT s.id, inserted.v)
    const scope = dmlScope ?? this.targetScope(t, target)
    const inserted = (n: string) => ['INSERTED', 'DELETED', 'NEW', 'OLD'].includes(n.toUpperCase())
    for (const it of items) {
      const e = it.expr
      if (e.k === 'col' && e.name.parts.length > 1 && inserted(e.name.parts[0].name)) (e as { name: QName }).name = { ...e.name, parts: [t.alias ?? t.name.parts[t.name.parts.length - 1], ...e.name.parts.slice(1)] }
      if (e.k === 'star' && e.qualifier && inserted(e.qualifier.parts[0].name)) e.qualifier = { ...e.qualifier, parts: [t.alias ?? t.name.parts[t.name.parts.length - 1]] }
    }
    if (outputTable) {
      // OUTPUT … INTO table (columns): the returned rows are inserted into it, by position
      const rs = this.a.selectIn({ k: 'select', distinct: false, items, from: [], joins: [], groupBy: [], connectBy: [], orderBy: [], loc: items[0].loc }, scope, { type: 'insert-select', name: this.b.nextName('INSERT-SELECT') })
      const e = this.a.entry(outputTable.name, outputTable.name.loc)
      this.a.writes.add(e.obj.id)
      const cols = outputTable.columns ? outputTable.columns.map((c) => ({ name: c.name, loc: c.loc })) : e.columns ? e.columns.map((c) => ({ name: c })) : null
      this.writeAll(e.obj, rs, cols, 'insert')
      this.a.reads.add(target.id)
      return
    }
    if (into) {
      const tv = into.length === 1 && into[0].k === 'var' ? this.a.tableVars.get(into[0].name.toUpperCase()) : undefined
      if (tv) {
        // OUTPUT … INTO @table: the returned rows fill the table variable by position
        const rs = this.a.selectIn({ k: 'select', distinct: false, items, from: [], joins: [], groupBy: [], connectBy: [], orderBy: [], loc: items[0].loc }, scope, { type: 'select_list', name: this.b.nextName('RS') })
        const cols = [...tv.columns.values()]
        rs.cols.forEach((c, i) => { const tc = cols[i]; if (tc?.ref) this.b.relate('fdd', tc.ref, [c.ref], 'insert', 'identity') })
        this.b.relate('fdr', this.a.rowsRef(tv.obj), [rs.rows], 'insert', 'row_count')
        return
      }
      const rs = this.a.selectIn({ k: 'select', distinct: false, items, from: [], joins: [], groupBy: [], connectBy: [], orderBy: [], loc: items[0].loc }, scope, { type: 'select_list', name: this.b.nextName('RS') })
      into.forEach((v, i) => { const tgt = this.varTarget(v); if (tgt && rs.cols[i]) this.b.relate('fdd', tgt, [rs.cols[i].ref], 'select', 'identity') })
      return
    }
    const sel = { k: 'select' as const, distinct: false, items, from: [], joins: [], groupBy: [], connectBy: [], orderBy: [], loc: items[0].loc }
    const sink = this.returnInto
    this.returnInto = undefined
    const rs = this.a.selectIn(sel, scope, { type: 'select_list', name: this.b.nextName('RS'), top: !sink })
    if (sink) {
      for (const c of rs.cols) { const ref = this.a.ref(sink.obj, c.name, c.ref.loc, c.key); sink.cols.push({ name: c.name, key: c.key, ref }); this.b.relate('fdd', ref, [c.ref], 'select', 'identity') }
      this.b.relate('fdr', sink.rows, [rs.rows], 'select', 'row_count')
    }
    this.a.reads.add(target.id)
  }

  private insertAll(s: S<'insert'>): void {
    const rs = this.a.query(s.query!, undefined, { type: 'insert-select', name: this.b.nextName('INSERT-SELECT') })
    const srcScope = childScope(undefined)
    const item: FromItem = { kind: 'derived', obj: rs.obj, columns: new Map(rs.cols.map((c) => [c.key, { name: c.name, ref: c.ref }])), persistent: false }
    srcScope.items.push(item)
    const conds: ColRef[] = []
    for (const br of s.multi!) if (br.when) { const d = evalExpr(br.when, srcScope, this.a); conds.push(...d.direct, ...d.indirect) }
    for (const br of s.multi!) {
      const e = this.a.entry(br.target.name, br.target.name.loc)
      this.a.writes.add(e.obj.id)
      const cols: Array<{ name: string; loc?: Loc }> = br.columns ? br.columns.map((c) => ({ name: c.name, loc: c.loc })) : e.columns?.map((c) => ({ name: c })) ?? rs.cols.map((c) => ({ name: c.name }))
      const values = br.values ?? rs.cols.map((c) => ({ k: 'col', name: { parts: [{ name: c.name, quoted: false, loc: c.ref.loc ?? s.loc }], loc: c.ref.loc ?? s.loc } }) as Expr)
      values.forEach((v, i) => { if (cols[i]) this.a.relateDeps(this.a.ref(e.obj, cols[i].name, cols[i].loc, cols[i].name.toUpperCase()), evalExpr(v, srcScope, this.a), 'insert') })
      const rows = this.a.rowsRef(e.obj)
      this.b.relate('fdr', rows, [rs.rows], 'insert', 'row_count')
      const filter = br.when ? (() => { const d = evalExpr(br.when!, srcScope, this.a); return [...d.direct, ...d.indirect] })() : br.isElse ? conds : []
      this.b.relate('fdr', rows, filter.map((r) => inClause(r, 'where')), 'insert', 'filter')
    }
  }

  private withScope(w: import('../ast/types.js').With, scope: Scope): void {
    // a WITH before INSERT/UPDATE/DELETE/MERGE: analyse through a query wrapper so CTEs land in the scope
    ;(this.a as unknown as { withClause(w: unknown, s: Scope): void }).withClause(w, scope)
  }

  // ---- UPDATE / DELETE / MERGE ----------------------------------------------------------------
  private dmlScope(target: TableRef, from: import('../ast/types.js').Source[], w?: import('../ast/types.js').With, fromHoldsTarget = true): { scope: Scope; obj: DbObj; item: FromItem } {
    const scope = childScope(undefined)
    if (w) this.withScope(w, scope)
    this.a.fromClause(from, scope)
    // UPDATE alias … FROM t alias: the target is the FROM item with that alias (D8); UPDATE t … FROM s.t:
    // the unaliased FROM item of its name. An aliased one (FROM stage.t s) is another table of that
    // name, and a MERGE's USING source is never its target (MERGE INTO t USING stage.t s)
    const tParts = splitQuoted(target.name, this.a.d)
    if (tParts.length === 1 && fromHoldsTarget) {
      const k = this.a.key(tParts[0])
      const hit = scope.items.find((it) => (it.alias && this.a.key(it.alias) === k) || (it.persistent && it.nameParts && !it.alias && this.a.key(it.nameParts[it.nameParts.length - 1]) === k && !target.alias))
      // (or a table variable: UPDATE t … FROM @t t)
      if (hit && hit.obj && (hit.persistent || hit.kind === 'variable')) return { scope, obj: hit.obj, item: hit }
    }
    const e = this.a.entry(target.name, target.name.loc)
    const item: FromItem = { kind: 'table', obj: e.obj, alias: target.alias, nameParts: tParts, columns: null, persistent: true, nameKey: e.key }
    item.columns = this.a.tableColumns(e)
    scope.items.unshift(item)
    return { scope, obj: e.obj, item }
  }

  /** a filter restricts the target's rows (R7); returns the columns it reads, evaluated once */
  private filterInto(rows: ColRef, e: Expr | undefined, scope: Scope, clause: string, effect: string): ColRef[] {
    if (!e) return []
    const d = evalExpr(e, scope, this.a)
    this.b.relate('fdr', rows, [...d.direct, ...d.indirect].map((r) => inClause(r, clause)), effect, 'filter')
    return d.direct
  }

  /** UPDATE / DELETE: join conditions, WHERE and the row counts of intermediate sources restrict the target */
  private dmlFilters(s: S<'update'> | S<'delete'>, scope: Scope, rows: ColRef, effect: string): ColRef[] {
    const used: ColRef[] = []
    for (const j of s.joins) used.push(...this.filterInto(rows, j.on, scope, 'joinCondition', effect))
    used.push(...this.filterInto(rows, s.where, scope, 'where', effect))
    this.a.forwardRowCounts(rows, scope, effect)
    return used
  }

  private markReads(scope: Scope, target: DbObj, used: ColRef[]): void {
    for (const it of scope.items) if (it.obj && it.persistent && it.obj !== target) this.a.reads.add(it.obj.id)
    if (used.some((r) => r.obj === target) || this.a.referenced.has(target.id)) this.a.reads.add(target.id)
  }

  private update(s: S<'update'>): void {
    if (s.inlineView) return this.updateInlineView(s, s.inlineView)
    const cte = this.cteTarget(s)
    if (cte) return this.updateInlineView(cte.stmt, cte.query)
    const { scope, obj, item } = this.dmlScope(s.target, s.from, s.with)
    this.a.writes.add(obj.id)
    this.a.reads.delete(obj.id)
    const rows = this.a.rowsRef(obj)
    const used: ColRef[] = []
    const set = this.b.object('update-set', this.b.nextName('UPDATE-SET'), s.loc)
    for (const as of s.sets) {
      if (this.setRow(s, obj, as)) continue
      const other = this.joinedTarget(as, scope, item)
      if (other) this.a.writes.add(other.id)
      used.push(...this.assignTo(other ?? obj, as, scope, 'update', set))
    }
    used.push(...this.dmlFilters(s, scope, rows, 'update'))
    this.markReads(scope, obj, used)
    // RETURNING t.c, s.v / OUTPUT inserted.c, s.v: the FROM / USING tables are in scope too
    if (s.returning) this.returning(s.returning, obj, s.target, s.returningInto, s.outputTable, s.from.length ? scope : undefined)
  }

  /**
   * MySQL multi-table UPDATE a JOIN b … SET a.x = …, b.y = …: a SET column qualified by another joined
   * table's alias or name is that table's (b.y was written into a)
   */
  private joinedTarget(as: Assign, scope: Scope, target: FromItem): DbObj | undefined {
    const t = as.targets.length === 1 ? as.targets[0].parts : []
    if (t.length !== 2) return undefined
    const k = this.a.key(t[0])
    const names = (it: FromItem): boolean => it.alias ? this.a.key(it.alias) === k : !!it.nameParts?.length && this.a.key(it.nameParts[it.nameParts.length - 1]) === k
    if (names(target)) return undefined
    const hit = scope.items.find((it) => it !== target && it.persistent && it.obj && names(it))
    return hit?.obj
  }

  /**
   * PL/SQL UPDATE t SET ROW = r: each column of t takes the record's field of its name (every column at
   * once when t's columns are unknown); it was read as a column named ROW. False for any other SET
   */
  private setRow(s: S<'update'>, obj: DbObj, as: Assign): boolean {
    const t = as.targets.length === 1 ? as.targets[0].parts : []
    if (this.a.d.name !== 'dbvoracle' || t.length !== 1 || t[0].quoted || t[0].name.toUpperCase() !== 'ROW' || !as.value) return false
    const rec = this.recordOf(as.value)
    if (!rec) return false
    const cols = this.a.entry(s.target.name, s.target.name.loc).columns
    if (!cols?.length) { this.b.relate('fdd', this.a.ref(obj, '*', undefined, '*'), [this.a.recordField(rec, '*')], 'update', 'identity'); return true }
    for (const c of cols) this.b.relate('fdd', this.a.ref(obj, c, undefined, c.toUpperCase()), [this.a.recordField(rec, c)], 'update', 'identity')
    return true
  }

  /**
   * T-SQL UPDATE / DELETE of a CTE (WITH c AS (SELECT … FROM t) UPDATE c SET …) writes the CTE's base
   * table, like an inline view: the statement without that CTE, aliased by its name
   */
  private cteTarget<T extends S<'update'> | S<'delete'>>(s: T): { stmt: T; query: Query } | undefined {
    const parts = s.target.name.parts
    if (!s.with || s.from.length || parts.length !== 1 || (this.a.d.name !== 'dbvmssql' && this.a.d.name !== 'dbvsybase')) return undefined
    const k = this.a.key(parts[0])
    const cte = s.with.ctes.find((c) => this.a.key(c.name) === k)
    if (!cte) return undefined
    const ctes = s.with.ctes.filter((c) => c !== cte)
    return { stmt: { ...s, with: ctes.length ? { ...s.with, ctes } : undefined, target: { ...s.target, alias: s.target.alias ?? parts[0] } }, query: cte.query }
  }

  /** an updatable view analysed by this statement (inline or a CTE), as a FROM item of a new scope */
  private viewItem(s: S<'update'> | S<'delete'>, q: Query): { scope: Scope; item: FromItem } {
    const scope = childScope(undefined)
    if (s.with) this.withScope(s.with, scope)
    // (T-SQL UPDATE OPENQUERY(…) SET c = s.x FROM s: the FROM clause's tables are read too)
    if (s.from.length) this.a.fromClause(s.from, scope)
    const item = this.a.fromItem({ k: 'derived', query: q, alias: s.target.alias, loc: s.target.loc }, scope)
    scope.items.unshift(item)
    return { scope, item }
  }

  /** DELETE FROM a CTE or an inline view removes rows of the persistent tables its columns come from, filtered by WHERE */
  private deleteFromView(s: S<'delete'>, q: Query): void {
    const { scope, item } = this.viewItem(s, q)
    const bases = new Set<DbObj>()
    for (const c of item.columns?.values() ?? []) if (c.ref) for (const src of this.b.statementSourcesOf(c.ref.col)) if (src.obj.persistent) bases.add(src.obj)
    for (const o of bases) {
      this.a.writes.add(o.id)
      this.b.relate('fdr', this.a.rowsRef(o), [this.a.rowsRef(item.obj!)], 'delete', 'row_count')
      if (s.where) this.filterInto(this.a.rowsRef(o), s.where, scope, 'where', 'delete')
    }
    this.viewReturning(s, item, scope)
  }

  /** UPDATE (SELECT …) SET c = expr: each view column written is the base-table column it selects */
  private updateInlineView(s: S<'update'>, q: Query): void {
    const { scope, item } = this.viewItem(s, q)
    // the persistent columns a view column selects: the sources of the fdd relations into it
    const baseOf = (name: string): ColRef[] => {
      const c = item.columns?.get(name.toUpperCase())
      if (!c?.ref) return []
      // the inline view was analysed by this statement: its relations are the statement's own
      return this.b.statementSourcesOf(c.ref.col).filter((src) => src.obj.persistent).map((src) => this.a.ref(src.obj, this.b.colName(src.col)))
    }
    const touched = new Set<DbObj>()
    for (const as of s.sets) {
      const deps = as.value ? evalExpr(as.value, scope, this.a) : emptyDeps()
      for (const t of as.targets) for (const base of baseOf(t.parts[t.parts.length - 1].name)) {
        this.a.relateDeps(base, deps, 'update'); touched.add(base.obj); this.a.writes.add(base.obj.id)
      }
    }
    for (const o of touched) {
      this.b.relate('fdr', this.a.rowsRef(o), [this.a.rowsRef(item.obj!)], 'update', 'row_count')
      if (s.where) this.filterInto(this.a.rowsRef(o), s.where, scope, 'where', 'update')
    }
    // T-SQL WITH x AS (SELECT TOP (n) … FROM queue) UPDATE x SET … OUTPUT inserted.c INTO t: the rows
    // returned are the view's, read through its columns (the queue-reader pattern lost them)
    this.viewReturning(s, item, scope)
  }

  /** OUTPUT / RETURNING of a DML on a CTE or an inline view: the view's rows, by its columns */
  private viewReturning(s: S<'update'> | S<'delete'>, item: FromItem, scope: Scope): void {
    if (!s.returning || !item.obj) return
    const wasRead = this.a.reads.has(item.obj.id)
    // (an unaliased CTE target is named by the CTE: OUTPUT inserted.c reads x.c)
    item.alias ??= s.target.name.parts.length === 1 ? s.target.name.parts[0] : undefined
    this.returning(s.returning, item.obj, { ...s.target, alias: item.alias }, s.returningInto, s.outputTable, scope)
    // (the view is no table the statement reads)
    if (!wasRead) this.a.reads.delete(item.obj.id)
  }

  /** SET c = expr (or (c1, c2) = (SELECT …)) into the target; returns the source columns used */
  private assignTo(target: DbObj, as: Assign, scope: Scope, effect: string, via?: DbObj): ColRef[] {
    const used: ColRef[] = []
    const write = (t: QName, src: ReturnType<typeof emptyDeps>) => {
      const p = t.parts[t.parts.length - 1]
      // T-SQL UPDATE t SET @v = c [= expr]: the variable takes the value (the table keeps its columns)
      const prefix = this.a.d.variablePrefix
      if (t.parts.length === 1 && prefix && !p.quoted && p.name.startsWith(prefix)) {
        used.push(...src.direct, ...src.indirect)
        const v = this.varTarget({ k: 'var', name: p.name, loc: p.loc })
        if (v) this.a.relateDeps(v, src, 'select')
        return
      }
      const tref = this.a.ref(target, p.name, p.loc, this.a.key(p))
      used.push(...src.direct, ...src.indirect)
      if (via) {
        const mid = this.a.ref(via, p.name, as.loc, this.a.key(p))
        this.a.relateDeps(mid, src, effect)
        this.b.relate('fdd', tref, [mid], effect, 'identity')
      } else this.a.relateDeps(tref, src, effect)
    }
    if (as.query) {
      const rs = this.a.query(as.query, scope, { type: 'select_list', name: this.b.nextName('RS') })
      as.targets.forEach((t, i) => { const d = emptyDeps(); if (rs.cols[i]) d.direct.push(rs.cols[i].ref); d.indirect.push(rs.rows); write(t, d) })
      return used
    }
    const v = as.value!
    if (as.targets.length > 1 && v.k === 'op' && v.op === 'ROW') as.targets.forEach((t, i) => write(t, v.args[i] ? evalExpr(v.args[i], scope, this.a) : emptyDeps()))
    else if (as.targets.length > 1 && v.k === 'subq') return this.assignTo(target, { ...as, value: undefined, query: v.query }, scope, effect, via)
    else for (const t of as.targets) write(t, evalExpr(v, scope, this.a))
    return used
  }

  private del(s: S<'delete'>): void {
    if (s.inlineView) return this.deleteFromView(s, s.inlineView)
    const cte = this.cteTarget(s)
    if (cte) return this.deleteFromView(cte.stmt, cte.query)
    const { scope, obj } = this.dmlScope(s.target, s.from, s.with)
    this.a.writes.add(obj.id)
    this.a.reads.delete(obj.id)
    const rows = this.a.rowsRef(obj)
    const used = this.dmlFilters(s, scope, rows, 'delete')
    this.markReads(scope, obj, used)
    // RETURNING t.c, s.v / OUTPUT inserted.c, s.v: the FROM / USING tables are in scope too
    if (s.returning) this.returning(s.returning, obj, s.target, s.returningInto, s.outputTable, s.from.length ? scope : undefined)
  }

  private merge(s: S<'merge'>): void {
    const { scope, obj, item } = this.dmlScope(s.target, [s.using], s.with, false)
    this.a.writes.add(obj.id)
    this.a.reads.delete(obj.id)
    const rows = this.a.rowsRef(obj)
    const used: ColRef[] = this.filterInto(rows, s.on, scope, 'joinCondition', 'merge')
    for (const w of s.whens) {
      used.push(...this.filterInto(rows, w.cond, scope, 'where', 'merge'))
      if (w.star) {
        const update = w.action === 'update'
        const via = this.b.object(update ? 'merge-update' : 'merge-insert', this.b.nextName(update ? 'MERGE-UPDATE' : 'MERGE-INSERT'), w.loc)
        this.mergeStar(s.target, obj, scope.items.find((it) => it !== item), via, update ? 'merge_update' : 'merge_insert', w.loc, w.byPosition, w.starExcept)
        continue
      }
      if (w.action === 'update' && w.sets) {
        const via = this.b.object('merge-update', this.b.nextName('MERGE-UPDATE'), w.loc)
        for (const as of w.sets) used.push(...this.assignTo(obj, as, scope, 'merge_update', via))
      }
      if (w.action === 'insert' && w.values) {
        const via = this.b.object('merge-insert', this.b.nextName('MERGE-INSERT'), w.loc)
        const e = this.a.entry(s.target.name)
        // no column list and no known columns: a value that is a column names its target, as in INSERT … SELECT
        const cols: Array<{ name: string; loc?: Loc } | undefined> = w.columns?.map((c) => ({ name: c.name, loc: c.loc })) ?? e.columns?.map((c) => ({ name: c, loc: undefined }))
          ?? w.values.map((v) => (v.k === 'col' ? { name: v.name.parts[v.name.parts.length - 1].name, loc: undefined } : undefined))
        w.values.forEach((v, i) => {
          const c = cols[i]
          if (!c) return
          const d = evalExpr(v, scope, this.a)
          const mid = this.a.ref(via, c.name, exprLocOf(v), c.name.toUpperCase())
          this.a.relateDeps(mid, d, 'merge_insert')
          this.b.relate('fdd', this.a.ref(obj, c.name, c.loc, c.name.toUpperCase()), [mid], 'merge_insert', 'identity')
        })
      }
    }
    this.a.forwardRowCounts(rows, scope, 'merge')
    this.markReads(scope, obj, used)
    if (s.returning) this.returning(s.returning, obj, s.target, s.returningInto, s.outputTable, scope)
  }

  /**
   * Delta UPDATE SET * / INSERT *: each target column takes the source column of its name. The names
   * come from the target's columns when known, else from the source's; `*` into `*` when neither is.
   */
  private mergeStar(t: TableRef, obj: DbObj, src: FromItem | undefined, via: DbObj, effect: string, loc: Loc, byPosition = false, except: string[] = []): void {
    if (!src) return
    const write = (name: string, key: string, from: ColRef[]) => {
      if (!from.length || except.includes(key)) return
      const mid = this.a.ref(via, name, loc, key)
      this.b.relate('fdd', mid, from, effect, 'identity')
      this.b.relate('fdd', this.a.ref(obj, name, undefined, key), [mid], effect, 'identity')
    }
    const targetCols = this.a.entry(t.name).columns
    const srcCols = this.a.knownColumns(src)
    if (byPosition && targetCols && srcCols) {
      targetCols.forEach((c, i) => { const sc = srcCols[i]; if (sc) write(c, c.toUpperCase(), [sc.ref]) })
    } else if (targetCols) {
      for (const c of targetCols) {
        const key = c.toUpperCase()
        if (srcCols) { const sc = srcCols.find((x) => x.key === key); if (sc) write(c, key, [sc.ref]); continue }
        const r = this.a.columnOf(src, { name: c, quoted: false, loc }, loc, false)
        write(c, key, r.ref ? [r.ref] : r.refs ?? [])
      }
    } else if (srcCols) for (const sc of srcCols) write(sc.name, sc.key, [sc.ref])
    else if (src.obj) write('*', '*', [this.a.ref(src.obj, '*', loc, '*')])
  }

  /** DML with RETURNING used as a row source (a writable CTE): the returned rows are the result (D13) */
  private dmlAsSource(stmt: Stmt, out: ResultSet): void {
    this.returnInto = out
    try { this.run(stmt) } finally { this.returnInto = undefined }
  }
  private returnInto?: ResultSet

  // ---- DDL ----------------------------------------------------------------------------------
  private createTable(s: S<'createTable'>): void {
    const e = this.a.entry(s.name, s.name.loc)
    if (s.columns.length) {
      e.columns = s.columns.map((c) => this.b.intern(c.name.name))
      for (const c of s.columns) { const col = this.b.column(e.obj, c.name.name, this.a.key(c.name), c.name.loc); if (c.dataType) this.b.setDataType(col, c.dataType) }
    }
    const base = s.like ?? s.clone
    if (base) { const src = this.a.entry(base, base.loc); if (src.columns) e.columns = [...src.columns]; this.a.reads.add(src.obj.id) }
    this.foreignKeys(e.obj, s.fks)
    if (s.query) {
      const rs = this.a.query(s.query, undefined, { type: 'select_list', name: this.b.nextName('RS') })
      const cols = s.columns.length ? s.columns.map((c) => ({ name: c.name.name, loc: c.name.loc })) : rs.cols.map((c) => ({ name: c.name }))
      e.columns = cols.map((c) => this.b.intern(c.name))
      this.a.fillsFromStar(e.obj, s.query, !s.columns.length && isStarOnly(rs))
      this.writeAll(e.obj, rs, cols, 'create_table')
      this.a.writes.add(e.obj.id)
    }
    // an external table reads its rows from its location (spec §4.14): the path feeds its columns
    if (s.location) {
      const star = this.a.ref(this.a.locationObject(s.location, s.loc), '*', undefined, '*')
      // (the table is not written: it stays a view of the files, conformance E1)
      for (const c of e.columns ?? ['*']) this.b.relate('fdd', this.a.ref(e.obj, c), [star], 'create_table', 'identity')
    }
  }

  private createView(s: S<'createView'>): void {
    const e = this.a.entry(s.name, s.name.loc, 'view')
    e.obj.type = 'view'
    e.kind = 'view'
    const rs = this.a.query(s.query, undefined, { type: 'select_list', name: this.b.nextName('RS') })
    const cols = s.columns ? s.columns.map((c) => ({ name: c.name, loc: c.loc })) : rs.cols.map((c) => ({ name: c.name }))
    e.columns = cols.map((c) => this.b.intern(c.name))
    this.a.fillsFromStar(e.obj, s.query, !s.columns && isStarOnly(rs))
    this.writeAll(e.obj, rs, cols, 'create_view')
    this.a.writes.add(e.obj.id)
  }

  private rename(s: S<'rename'>): void {
    const from = this.a.entry(s.from, s.from.loc)
    const to = this.a.entry(s.to, s.to.loc)
    if (from.columns) to.columns = [...from.columns]
    this.b.relate('fdd', this.a.rowsRef(to.obj), [this.a.rowsRef(from.obj)], 'rename_table', 'table_event')
    this.a.reads.add(from.obj.id); this.a.writes.add(to.obj.id)
  }

  /** referenced column → the child's column (er), for each foreign key */
  private foreignKeys(child: DbObj, fks: ForeignKey[]): void {
    for (const fk of fks) {
      const parent = this.a.entry(fk.refTable, fk.refTable.loc)
      fk.columns.forEach((c, i) => {
        const rc = fk.refColumns[i] ?? c
        this.b.relate('er', this.a.ref(child, c.name, c.loc, this.a.key(c)), [this.a.ref(parent.obj, rc.name, rc.loc, this.a.key(rc))], 'foreign_key', 'identity')
      })
    }
  }

  /** ALTER TABLE … ADD / DROP / RENAME COLUMN: later positional INSERTs and stars see the new columns */
  private alterColumns(s: S<'alterColumns'>): void {
    if (s.fks.length) this.foreignKeys(this.a.entry(s.table, s.table.loc).obj, s.fks)
    const e = this.a.known(s.table)
    if (!e?.columns) return
    // a new array: FROM items cache the column map per array (analyzer tableColumns)
    const cols = [...e.columns]
    const at = (id: { name: string }) => cols.findIndex((c) => c.toUpperCase() === id.name.toUpperCase())
    for (const c of s.changes) {
      const i = at(c.name)
      if (c.op === 'add') {
        if (i >= 0) continue
        const after = c.after ? at(c.after) : -1
        cols.splice(c.first ? 0 : after >= 0 ? after + 1 : cols.length, 0, c.name.name)
      } else if (i >= 0) {
        if (c.op === 'drop') cols.splice(i, 1)
        else cols[i] = c.to.name
      }
    }
    e.columns = cols
  }

  private stream(s: S<'stream'>): void {
    const t = this.a.entry(s.table, s.table.loc)
    const st = this.a.entry(s.name, s.name.loc, 'stream')
    if (t.columns) st.columns = [...t.columns]
    this.b.relate('fdd', this.a.rowsRef(st.obj), [this.a.rowsRef(t.obj)], 'create_stream', 'table_event')
    this.a.reads.add(t.obj.id); this.a.writes.add(st.obj.id)
  }

  private copy(s: S<'copy'>): void {
    const star = this.a.ref(this.a.locationObject(s.location, s.loc), '*', undefined, '*')
    if (s.query) {
      const rs = this.a.query(s.query, undefined, { type: 'select_list', name: this.b.nextName('RS') })
      for (const c of rs.cols) this.b.relate('fdd', star, [c.ref], 'select', 'identity')
      return
    }
    if (!s.table.parts.length) return
    const e = this.a.entry(s.table, s.table.loc)
    const cols = s.columns?.map((c) => c.name) ?? e.columns ?? ['*']
    if (s.direction === 'in') {
      for (const c of cols) this.b.relate('fdd', this.a.ref(e.obj, c), [star], 'insert', 'identity')
      this.a.writes.add(e.obj.id)
    } else {
      for (const c of cols) this.b.relate('fdd', star, [this.a.ref(e.obj, c)], 'select', 'identity')
      this.a.reads.add(e.obj.id)
    }
  }

  // ---- procedural ---------------------------------------------------------------------------
  private tableVar(s: S<'tableVar'>): void {
    const rs = this.a.query(s.query, undefined, { type: 'select_list', name: this.b.nextName('RS') })
    const obj = this.b.object('variable', s.name.name, s.name.loc, { subType: 'table' })
    const cols = new Map<string, { name: string; ref?: ColRef }>()
    for (const c of rs.cols) {
      const ref = this.a.ref(obj, c.name, undefined, c.key)
      cols.set(c.key, { name: c.name, ref })
      this.b.relate('fdd', ref, [c.ref], 'select', 'identity')
    }
    this.b.relate('fdr', this.a.rowsRef(obj), [rs.rows], 'select', 'row_count')
    this.a.fillsFromStar(obj, s.query, isStarOnly(rs))
    this.a.tableVars.set(s.name.name.toUpperCase(), { obj, columns: cols })
  }

  private declare(s: S<'declare'>): void {
    for (const v of s.vars) {
      if (v.fields) { this.a.recordTypes.set(this.a.key(v.name), v.fields.map((f) => f.name)); continue }
      if (v.elementType !== undefined) { const f = this.a.recordTypes.get(v.elementType.toUpperCase()); if (f) this.a.recordTypes.set(this.a.key(v.name), f); continue }
      if (v.table) {
        const obj = this.b.object('variable', v.name.name, v.name.loc, { subType: 'table' })
        const columns = new Map<string, { name: string; ref?: ColRef }>()
        for (const c of v.table) columns.set(this.a.key(c), { name: c.name, ref: this.a.ref(obj, c.name, c.loc, this.a.key(c)) })
        this.a.tableVars.set(v.name.name.toUpperCase(), { obj, columns })
        continue
      }
      // a cursor over a RESULTSET variable reads that variable's rows: the same object under a second name
      const rs = v.over && this.a.variables.get(v.over.name.toUpperCase())
      if (rs) { this.a.variables.set(v.name.name.toUpperCase(), rs); continue }
      const cursor = !!v.query || !!v.over || !!v.resultset
      if (v.resultset) this.resultSets.add(v.name.name.toUpperCase())
      const fields = v.type !== undefined ? this.a.recordTypes.get(v.type) : undefined
      const obj = this.a.declareVariable(v.name.name, v.name.loc, cursor ? 'cursor' : v.table || fields ? 'record' : 'scalar')
      if (fields) this.a.declaredFields.set(obj, fields)
      if (v.value) this.a.relateDeps(colRef(obj, obj.columns![0], v.name.loc), evalExpr(v.value, childScope(undefined), this.a), 'select')
      if (v.query) this.fillRecord(obj, v.query)
    }
  }

  private fillRecord(obj: DbObj, q: Query): void {
    const rs = this.a.query(q, undefined, { type: 'select_list', name: this.b.nextName('RS') })
    this.a.fillsFromStar(obj, q, isStarOnly(rs))
    for (const c of rs.cols) this.b.relate('fdd', this.a.ref(obj, c.name, undefined, c.key), [c.ref], 'cursor', 'identity')
    this.b.relate('fdd', colRef(obj, obj.columns![0]), rs.cols.map((c) => c.ref), 'cursor', 'identity')
  }

  /** Snowflake RESULTSET variables declared without a query: `rs := (SELECT …)` gives them their rows */
  private resultSets = new Set<string>()

  private assign(s: S<'assign'>): void {
    const t0 = s.targets[0]
    const id = t0?.k === 'col' && t0.name.parts.length === 1 ? t0.name.parts[0] : undefined
    if (id && s.value?.k === 'subq' && s.targets.length === 1 && this.resultSets.has(id.name.toUpperCase())) {
      this.fillRecord(this.a.declareVariable(id.name, id.loc, 'cursor'), s.value.query)
      return
    }
    const scope = childScope(undefined)
    // one result set for all the targets (VALUES (a, b) INTO :x, :y): each takes its column
    const rs = s.query ? this.a.query(s.query, scope, { type: 'select_list', name: this.b.nextName('RS') }) : undefined
    for (const t of s.targets) {
      const target = this.varTarget(t)
      if (!target) continue
      if (rs) {
        const i = s.targets.indexOf(t)
        const src = rs.cols[i] ?? rs.cols[0]
        if (src) this.b.relate('fdd', target, [src.ref], 'select', 'identity')
        this.b.relate('fdr', target, [rs.rows], 'select', 'row_count')
      } else if (s.value) {
        if (s.value.k === 'var') {
          // FETCH cursor INTO v: the cursor's columns flow into the targets by position
          const cur = this.a.variables.get(s.value.name.toUpperCase())
          const i = s.targets.indexOf(t)
          const fields = cur?.columns?.filter((c) => this.b.colName(c) !== cur.name)
          const whole = t.k === 'var' || (t.k === 'col' && t.name.parts.length === 1)
          // a cursor over SELECT * of a table of unknown columns has the one field `*`, which stands for them all
          if (cur && fields && (fields.length > 1 || (fields.length === 1 && this.b.colName(fields[0]) === '*')) && s.targets.length === 1 && whole) {
            // FETCH c [BULK COLLECT] INTO r: the record (or collection) takes each cursor column as a field
            this.a.sameFields(target.obj, cur)
            // a record of a declared RECORD type takes the columns by position, under its own field names
            const own = this.a.declaredFields.get(target.obj)
            fields.forEach((c, j) => this.b.relate('fdd', this.a.ref(target.obj, own?.[j] ?? this.b.colName(c)), [colRef(cur, c)], 'cursor', 'identity'))
            this.b.relate('fdd', target, fields.map((c) => colRef(cur, c)), 'cursor', 'identity')
            continue
          }
          const col = cur?.columns?.filter((c) => this.b.colName(c) !== cur.name)[i]
          if (cur && col !== undefined) { this.b.relate('fdd', target, [colRef(cur, col)], 'cursor', 'identity'); continue }
        }
        this.a.relateDeps(target, evalExpr(s.value, scope, this.a), 'select')
      }
    }
  }

  private cursorLoop(s: S<'cursorLoop'>): void {
    const rec = this.a.declareVariable(s.record.name, s.record.loc, 'record')
    if (s.query) this.fillRecord(rec, s.query)
    else if (s.cursor) {
      const cur = this.a.variables.get(this.a.key(s.cursor))
      if (cur) this.a.sameFields(rec, cur)
      if (cur) for (const c of cur.columns ?? []) if (this.b.colName(c) !== cur.name) this.b.relate('fdd', this.a.ref(rec, this.b.colName(c)), [colRef(cur, c)], 'cursor', 'identity')
    }
    for (const x of s.body) this.run(x)
  }
}

/** a result of only a `*` column: its columns are unknown */
function isStarOnly(rs: ResultSet): boolean { return rs.cols.length === 1 && rs.cols[0].name === '*' }

function exprLocOf(e: Expr): Loc { return e.k === 'col' ? e.name.loc : e.loc }

/** the INTO table of a set operation's first SELECT, and the operation without it (its copy along the left spine) */
function setopInto(q: Extract<Query, { k: 'setop' }>): { table: QName; query: Query } | undefined {
  const left = q.left
  if (left.k === 'select' && left.intoTable) return { table: left.intoTable, query: { ...q, left: { ...left, intoTable: undefined } } }
  const inner = left.k === 'setop' ? setopInto(left) : undefined
  return inner && { table: inner.table, query: { ...q, left: inner.query } }
}
