// Dialect-neutral AST with source locations. The parser stops here; resolve/ and flow/ never see tokens.

/** 1-based line/column, end exclusive (UTF-16 code units) */
/** li/lh: the model store's location index for hash code lh (flow/builder), -1 until first used */
export interface Loc { sl: number; sc: number; el: number; ec: number; li: number; lh: string }

/** Every location is made here, with all its fields: objects of one shape keep property access fast. */
export function mkLoc(sl: number, sc: number, el: number, ec: number): Loc { return { sl, sc, el, ec, li: -1, lh: '' } }

export interface Ident { name: string; quoted: boolean; loc: Loc; /** cached matching key (resolve/catalog) */ k?: string | undefined; /** quoted with [ ] (T-SQL, ASE, MDX): shown so */ bracket?: boolean }
/** a possibly qualified name: db.schema.table, alias.column … (parts as written) */
export interface QName { parts: Ident[]; loc: Loc }

export type Expr =
  | { k: 'col'; name: QName }
  | { k: 'star'; qualifier?: QName; except?: Ident[]; replace?: SelectItem[]; rename?: Array<{ from: Ident; to: Ident }>; /** Snowflake * ILIKE 'pattern' */ ilike?: string; loc: Loc }
  | { k: 'lit'; loc: Loc; text?: string }
  | { k: 'var'; name: string; loc: Loc }
  | { k: 'func'; name: string; args: Expr[]; distinct?: boolean; star?: boolean; filter?: Expr; over?: WindowSpec;
      within?: Expr[]; loc: Loc }
  | { k: 'case'; operand?: Expr; whens: Array<{ when: Expr; then: Expr }>; else?: Expr; loc: Loc }
  | { k: 'subq'; query: Query; loc: Loc }
  | { k: 'exists'; query: Query; loc: Loc }
  | { k: 'in'; expr: Expr; list?: Expr[]; query?: Query; loc: Loc }
  /** any operator or construct whose value depends on all its parts (arithmetic, CAST, comparisons…) */
  | { k: 'op'; op: string; args: Expr[]; loc: Loc; /** FIELD: the field's name (x(i).field) */ field?: string }
  /** comparison with a subquery: x = ANY (SELECT …) */
  | { k: 'cmpq'; expr: Expr; query: Query; loc: Loc }

export interface WindowSpec { partition: Expr[]; order: Expr[] }

export interface SelectItem { expr: Expr; alias?: Ident; loc: Loc }

export type JoinKind = 'inner' | 'left' | 'right' | 'full' | 'cross' | 'natural' | 'apply' | 'comma'

export type Source =
  | { k: 'table'; name: QName; alias?: Ident; columnAliases?: Ident[]; /** Redshift FROM e.items AS i AT idx: the element's position */ position?: Ident; loc: Loc }
  | { k: 'derived'; query: Query; alias?: Ident; columnAliases?: Ident[]; lateral?: boolean; loc: Loc }
  /** table functions, UNNEST, FLATTEN, LATERAL VIEW explode: values come from the argument columns */
  | { k: 'tfunc'; name: string; args: Expr[]; alias?: Ident; columnAliases?: Ident[]; lateral?: boolean; loc: Loc }
  | { k: 'values'; rows: Expr[][]; alias?: Ident; columnAliases?: Ident[]; loc: Loc }
  /** FROM item PIVOT (…) / UNPIVOT (…): a relation of its own over `source` (spec §4.10 PIVOT-TABLE-n) */
  | { k: 'pivot'; source: Source; pivot: PivotSpec; alias?: Ident; columnAliases?: Ident[]; loc: Loc }

export interface PivotSpec {
  unpivot: boolean
  /** PIVOT: the aggregates, each with its optional alias (Oracle, Snowflake, BigQuery, Spark allow several) */
  aggs: Array<{ expr: Expr; alias?: Ident }>
  /** PIVOT: the FOR column(s); UNPIVOT: the name column(s) it creates */
  forCols: Ident[]
  /** PIVOT: one output name per IN entry, undefined when the list is only known at run time (ANY, a subquery, PIVOT XML) */
  values?: Ident[]
  /** UNPIVOT: the value column(s) it creates */
  valueCols: Ident[]
  /** UNPIVOT: per IN entry, the source column(s) read into the value column(s) */
  inCols: Ident[][]
}

export interface JoinCond { kind: JoinKind; on?: Expr; using?: Ident[]; loc: Loc; text?: string }

export interface With { recursive: boolean; ctes: Cte[]; /** Oracle WITH FUNCTION / PROCEDURE declarations */ routines?: Stmt[] }
export interface Cte { name: Ident; columns?: Ident[]; query: Query; loc: Loc }

export interface Select {
  k: 'select'
  with?: With
  distinct: boolean
  top?: Expr
  items: SelectItem[]
  /** BigQuery SELECT AS STRUCT: one value made of all the items (a scalar subquery returns them all) */
  asStruct?: boolean
  /** SELECT … INTO table (T-SQL, PostgreSQL) or INTO variables (PL/SQL, T-SQL `@v = …`) */
  intoTable?: QName
  intoVars?: Expr[]
  from: Source[]
  joins: JoinCond[]
  where?: Expr
  groupBy: Expr[]
  having?: Expr
  qualify?: Expr
  connectBy: Expr[]
  /** Vertica LIMIT n OVER (PARTITION BY … ORDER BY …): a row filter (R1) */
  limitOver?: Expr[]
  /** Vertica TIMESERIES slice AS '…' OVER (…): the slice column takes the window's ORDER BY values */
  timeseries?: { alias: Ident; order: Expr[] }
  /**
   * Oracle MODEL: the PARTITION BY, DIMENSION BY and MEASURES columns (the select list names them by their aliases),
   * and per rule the measure it assigns and the value
   */
  model?: { cols: SelectItem[]; rules: Array<{ target: Ident; value: Expr }> }
  orderBy: Expr[]
  /** N1QL LET x = expr (after FROM) and LETTING y = expr (after GROUP BY), in order */
  lets?: Array<{ name: Ident; value: Expr }>
  loc: Loc
}

export interface SetOp { k: 'setop'; op: string; all: boolean; /** UNION [ALL] BY NAME (Snowflake, DuckDB): columns pair by name */ byName?: boolean; left: Query; right: Query; with?: With; orderBy: Expr[]; loc: Loc }
export interface ValuesQuery { k: 'values'; rows: Expr[][]; with?: With; loc: Loc }
export type Query = Select | SetOp | ValuesQuery

export interface Assign { targets: QName[]; value?: Expr; query?: Query; loc: Loc }

export interface TableRef { name: QName; alias?: Ident; loc: Loc }

export interface ColumnDef { name: Ident; dataType?: string; loc: Loc }
export interface ForeignKey { columns: Ident[]; refTable: QName; refColumns: Ident[]; loc: Loc }

export type Stmt =
  | { k: 'query'; query: Query; loc: Loc }
  | { k: 'insert'; target: TableRef; columns?: Ident[]; query?: Query; values?: Expr[][]; defaultValues?: boolean;
      /** PL/SQL INSERT … VALUES rec (no parentheses): the record's fields fill the columns */ recordValues?: boolean;
      setAssigns?: Assign[]; conflict?: Assign[]; conflictWhere?: Expr; returning?: SelectItem[]; returningInto?: Expr[]; outputTable?: OutputTable;
      partition?: Ident[]; staticPartition?: string[]; overwrite?: boolean; loc: Loc; multi?: InsertBranch[] ; with?: With
      /** N1QL INSERT INTO k (KEY …, VALUE v): the document written is v (D17) */
      documentValue?: Expr
      /** MySQL 8 VALUES (…) AS new [(c1, …)]: the name ON DUPLICATE KEY UPDATE reads the proposed row by */
      rowAlias?: { name: Ident; columns?: Ident[] }
      /** Databricks INSERT INTO t REPLACE WHERE cond, HANA UPSERT t VALUES … WHERE cond: the rows of t that cond picks are replaced */
      replaceWhere?: Expr
      /** Databricks / Snowflake INSERT … BY NAME: the query's columns go to the target columns of their names */
      byName?: boolean
      /** DB2 LOAD FROM c OF CURSOR … INTO t: the rows of cursor c, by position */
      cursorRows?: Ident }
  | { k: 'update'; target: TableRef; inlineView?: Query; sets: Assign[]; from: Source[]; joins: JoinCond[]; where?: Expr; returning?: SelectItem[];
      returningInto?: Expr[]; outputTable?: OutputTable; with?: With; loc: Loc }
  | { k: 'delete'; target: TableRef; inlineView?: Query; from: Source[]; joins: JoinCond[]; where?: Expr; returning?: SelectItem[]; returningInto?: Expr[]; outputTable?: OutputTable; with?: With; loc: Loc }
  | { k: 'merge'; target: TableRef; using: Source; on: Expr; whens: MergeWhen[]; with?: With; returning?: SelectItem[]; returningInto?: Expr[]; outputTable?: OutputTable; loc: Loc }
  | { k: 'createTable'; name: QName; columns: ColumnDef[]; fks: ForeignKey[]; query?: Query; like?: QName; clone?: QName;
      temporary: boolean; external?: boolean; location?: string; columnList?: Ident[]; loc: Loc }
  | { k: 'createView'; name: QName; columns?: Ident[]; query: Query; materialized: boolean; loc: Loc }
  | { k: 'rename'; from: QName; to: QName; loc: Loc }
  /** ALTER TABLE … ADD / DROP / RENAME COLUMN: the table's declared columns change, no rows move */
  | { k: 'alterColumns'; table: QName; changes: ColumnChange[]; fks: ForeignKey[]; loc: Loc }
  | { k: 'assign'; targets: Expr[]; value?: Expr; query?: Query; loc: Loc }
  | { k: 'declare'; vars: DeclaredVar[]; loc: Loc }
  | { k: 'cursorLoop'; record: Ident; query?: Query; cursor?: Ident; body: Stmt[]; loc: Loc }
  /**
   * triggerTable: a row trigger's table, whose rows NEW / OLD (:NEW / :OLD, or REFERENCING … AS names) stand
   * for; triggerRows without a table: a trigger function (PostgreSQL RETURNS trigger), whose table comes
   * from the CREATE TRIGGER … EXECUTE FUNCTION that calls it (triggerCall)
   */
  | { k: 'block'; body: Stmt[]; name?: QName; params?: Ident[]; /** positions in params of the OUT / INOUT ones */ outParams?: number[]; triggerTable?: QName; triggerRows?: string[]; triggerCall?: QName
      /** a PL/SQL function, which SQL and PL/SQL may call without parentheses when it takes no arguments */
      func?: boolean
      /** a statement trigger's transition tables (REFERENCING NEW TABLE AS nt): names of the trigger's table */
      triggerTables?: string[]
      /** a function that returns rows (RETURNS TABLE [(cols)], RETURNS SETOF): its last query is what FROM f(…) reads */
      returnsTable?: { columns?: Ident[]; /** T-SQL RETURNS @r TABLE: the rows are what the body put in @r */ variable?: string }; loc: Loc }
  /** row: PL/SQL PIPE ROW (value), one row of a pipelined table function */
  | { k: 'return'; value?: Expr; row?: boolean; /** Informix SPL RETURN a, b, …: the values after the first */ more?: Expr[]; loc: Loc }
  /** Oracle CREATE TYPE t AS OBJECT (attr type, …): a constructor t(a, b) gives its values to the attributes in order */
  | { k: 'objectType'; name: QName; attributes: Ident[]; loc: Loc }
  | { k: 'copy'; table: QName; columns?: Ident[]; location: string; direction: 'in' | 'out'; query?: Query; loc: Loc }
  | { k: 'stream'; name: QName; table: QName; loc: Loc }
  /** Oracle / T-SQL / Informix CREATE SYNONYM, DB2 CREATE ALIAS: later reads and writes of name are of target */
  | { k: 'synonym'; name: QName; target: QName; loc: Loc }
  | { k: 'other'; kind: string; loc: Loc; exprs?: Expr[]
      /** CALL p(a, x => b): a procedure of the script fills its OUT arguments (a SQLScript table variable) */
      call?: { name: QName; args: Array<{ name?: Ident; value: Expr }>; /** Informix EXECUTE PROCEDURE p() INTO v, … / CALL p() RETURNING v, …: the variables the returned values go to */ into?: Expr[] } }
  | { k: 'mdx'; members: Array<{ name: import('../parser/mdx.js').MdxRef; deps: import('../parser/mdx.js').MdxRef[] }>;
      sets: Array<{ name: import('../parser/mdx.js').MdxRef; refs: import('../parser/mdx.js').MdxRef[] }>;
      axes: import('../parser/mdx.js').MdxRef[][]; cube: Ident; slicer: import('../parser/mdx.js').MdxRef[]; loc: Loc }
  /** SQLScript / procedural table variable: lt = SELECT … (read later as FROM :lt) */
  | { k: 'tableVar'; name: Ident; query: Query; loc: Loc }

/**
 * a declared variable, cursor or table variable; PL/SQL type declarations too: TYPE t IS RECORD (fields) and
 * TYPE l IS TABLE OF t (elementType), and a variable's declared type, whose record fields it then has
 */
export interface DeclaredVar { name: Ident; value?: Expr; query?: Query; table?: Ident[]; over?: Ident; fields?: Ident[]; elementType?: string; type?: string; /** Snowflake RESULTSET: `rs := (query)` fills it */ resultset?: boolean }

/** T-SQL OUTPUT … INTO table [(columns)]: the returned rows are inserted there */
export interface OutputTable { name: QName; columns?: Ident[] }

export interface InsertBranch { target: TableRef; columns?: Ident[]; values?: Expr[]; query?: Query; when?: Expr; isElse?: boolean }

export interface MergeWhen { matched: boolean; cond?: Expr; action: 'update' | 'delete' | 'insert' | 'nothing'; sets?: Assign[]; columns?: Ident[];
  values?: Expr[]; /** Databricks / Delta UPDATE SET * and INSERT *: every column from the source column of its name */ star?: boolean
  /** Databricks `* EXCEPT (c, …)`: the columns (upper-cased) the star leaves alone */ starExcept?: string[]
  /** BigQuery INSERT ROW: the source row's columns in order */ byPosition?: boolean; loc: Loc }

export type ColumnChange =
  | { op: 'add'; name: Ident; after?: Ident; first?: boolean }
  | { op: 'drop'; name: Ident }
  | { op: 'rename'; name: Ident; to: Ident }
