import type { Vendor } from './vendors.js'

/**
 * What makes a vendor different, as data (sqlglot-style). The lexer and the parser read these flags;
 * a dialect is a small table of differences on the shared core, never a grammar copy.
 */
export interface DialectSpec {
  name: Vendor
  /** characters opening a quoted identifier: `"`, `` ` ``, `[` */
  identifierQuotes: Array<'"' | '`' | '['>
  /** `"x"` is a string literal, not an identifier (MySQL default, Hive, BigQuery, N1QL) */
  doubleQuotedStrings: boolean
  /** backslash escapes inside string literals */
  backslashEscapes: boolean
  /** `#` starts a line comment (MySQL) */
  hashComments: boolean
  /** `//` starts a line comment (Snowflake, MDX) */
  slashComments: boolean
  /** `{ ... }` is a comment (Informix) */
  braceComments: boolean
  /** `/* … /* … *\/ … *\/` nests (T-SQL, PostgreSQL: commenting out a block that holds comments) */
  nestedComments: boolean
  /** `$$ ... $$` / `$tag$ ... $tag$` strings (PostgreSQL family, Snowflake) */
  dollarQuotedStrings: boolean
  /** Oracle q'[...]' strings */
  qQuoteStrings: boolean
  /** T-SQL money literals: `$10.50` is a number */
  moneyLiterals: boolean
  /** MySQL character set introducers: `_utf8mb4'text'`, `_binary'…'` are one string literal */
  charsetIntroducers: boolean
  /** extra characters allowed to start an identifier (`@` variables, `#` temp tables) */
  identStartExtra: string
  /** extra characters allowed inside an identifier */
  identPartExtra: string
  /** how unquoted identifiers fold: for matching only, output keeps the SQL spelling */
  unquotedCase: 'upper' | 'lower' | 'none'
  /** quoted identifiers compare case-insensitively (T-SQL brackets, MySQL/Hive/BigQuery backticks) */
  quotedCaseInsensitive: boolean
  /** a line holding only this word ends a batch (T-SQL `GO`) */
  batchWord?: string
  /** a line holding only `/` ends a statement (Oracle SQL*Plus) */
  slashTerminator: boolean
  /** a CTE whose body is a UNION may refer to itself without WITH RECURSIVE (Oracle, T-SQL, DB2, Snowflake …) */
  recursiveWithoutKeyword: boolean
  /** a line ending in `@` ends a statement (DB2 CLP scripts run with `db2 -td@`, the usual way to deploy SQL PL) */
  atTerminator: boolean
  /** `DELIMITER xx` lines change the statement terminator (MySQL client) */
  delimiterCommand: boolean
  /** lines starting with `.` are client commands to skip (Teradata BTEQ) */
  dotCommands: boolean
  /** lines starting with `:` are SQLCMD commands to skip (:setvar, :r file, :on error exit in SSDT and sqlcmd scripts) */
  sqlcmdCommands: boolean
  /** lines starting with `\` are psql meta-commands: `\copy` is a COPY ended by its line, the others are skipped */
  psqlCommands: boolean
  /** `$name` is no SQL but a shell variable of the script that runs it (Hive, Impala, BTEQ here-documents) */
  shellVariables: boolean
  /** MDX: the whole input is MDX, statements have no terminator */
  mdx: boolean
  /** procedural variables are written with this prefix (`@` in T-SQL) */
  variablePrefix?: string
  /** `col:path` navigates a VARIANT / JSON value (Snowflake, Databricks) */
  jsonPaths: boolean
  /** routines are written in PL/pgSQL (PERFORM query) */
  plpgsql: boolean
  /** statements that start with these words are abbreviations: SEL → SELECT, CT → CREATE TABLE */
  abbreviations: Record<string, string>
  /**
   * binary operators spelled as words, by the symbol they stand for (its precedence is the symbol's):
   * Teradata `a GT b`, DB2 `a CONCAT b`, MySQL / Hive `a DIV b`. Only taken between two operands, so
   * the same word stays usable as an alias.
   */
  wordOperators: Record<string, string>
  /** derived from wordOperators: whether it has any (the parser asks after every operand) */
  hasWordOperators: boolean
  /**
   * `x -> expr` and `(acc, x) -> expr` are lambdas in function arguments (Spark / Databricks / Trino
   * transform, filter, aggregate; Snowflake higher-order functions): their parameters are no columns.
   * Off where `->` is the JSON operator (PostgreSQL family, MySQL).
   */
  lambdas: boolean
  /**
   * a select item may name an earlier item's alias, and WHERE any item's (`SELECT a * 2 AS x, x + 1 AS y
   * … WHERE x > 0`): Snowflake, Redshift, Teradata, Spark / Databricks. Elsewhere such a name is a column.
   */
  lateralAliases: boolean
  /** the schema an unqualified name means when none is set (public, dbo): public.t and t are one table */
  defaultSchema?: string
  /** columns every table has without declaring them (ctid, xmin, gp_segment_id, DATASLICEID), upper-cased */
  systemColumns?: ReadonlySet<string>
  /**
   * stored procedures and triggers are written in Java ([IMPORT …] BEGIN … END, OpenEdge): their SQL is
   * the literal of new SQLCursor("…") / SQLIStatement / SQLPStatement
   */
  javaRoutines: boolean
  /** lines may carry a sequence number in columns 73-80 (DB2 for z/OS members read by SPUFI / DSNTEP2) */
  sequenceNumbers: boolean
}

const base: Omit<DialectSpec, 'name'> = {
  identifierQuotes: ['"'],
  doubleQuotedStrings: false,
  backslashEscapes: false,
  hashComments: false,
  slashComments: false,
  braceComments: false,
  nestedComments: false,
  dollarQuotedStrings: false,
  qQuoteStrings: false,
  charsetIntroducers: false,
  moneyLiterals: false,
  identStartExtra: '',
  identPartExtra: '$#',
  unquotedCase: 'upper',
  quotedCaseInsensitive: false,
  slashTerminator: false,
  recursiveWithoutKeyword: false,
  atTerminator: false,
  delimiterCommand: false,
  dotCommands: false,
  sqlcmdCommands: false,
  psqlCommands: false,
  shellVariables: false,
  mdx: false,
  abbreviations: {},
  plpgsql: false,
  jsonPaths: false,
  wordOperators: {},
  hasWordOperators: false,
  lambdas: false,
  lateralAliases: false,
  javaRoutines: false,
  sequenceNumbers: false,
}

const tsql: Partial<DialectSpec> = {
  identifierQuotes: ['"', '['], identStartExtra: '@#', identPartExtra: '@#$', batchWord: 'GO', recursiveWithoutKeyword: true,
  quotedCaseInsensitive: true, variablePrefix: '@', moneyLiterals: true, defaultSchema: 'DBO', nestedComments: true,
}
const mysqlLike: Partial<DialectSpec> = {
  identifierQuotes: ['`'], doubleQuotedStrings: true, backslashEscapes: true, quotedCaseInsensitive: true,
}
const PG_SYSTEM_COLUMNS = ['CTID', 'XMIN', 'XMAX', 'CMIN', 'CMAX', 'TABLEOID', 'OID']
const pgLike: Partial<DialectSpec> = { systemColumns: new Set(PG_SYSTEM_COLUMNS), dollarQuotedStrings: true, plpgsql: true, unquotedCase: 'lower', identPartExtra: '$', psqlCommands: true, defaultSchema: 'PUBLIC', nestedComments: true }

const overrides: Record<Vendor, Partial<DialectSpec>> = {
  dbvoracle: { qQuoteStrings: true, slashTerminator: true, recursiveWithoutKeyword: true },
  dbvmssql: { ...tsql, sqlcmdCommands: true },
  // ASE runs with quoted_identifier off by default: its code writes strings in double quotes (in ("F","P"), print "…");
  // where a name is expected ("order" after TABLE, an alias) the token is still a name
  dbvsybase: { ...tsql, doubleQuotedStrings: true },
  dbvmysql: { ...mysqlLike, hashComments: true, delimiterCommand: true, charsetIntroducers: true, identStartExtra: '@', identPartExtra: '$@', wordOperators: { DIV: '/', MOD: '%' } },
  dbvpostgresql: pgLike,
  dbvgreenplum: { ...pgLike, systemColumns: new Set([...PG_SYSTEM_COLUMNS, 'GP_SEGMENT_ID']) },
  dbvredshift: { ...pgLike, identStartExtra: '#', backslashEscapes: true, lateralAliases: true },
  dbvsnowflake: { slashComments: true, dollarQuotedStrings: true, jsonPaths: true, recursiveWithoutKeyword: true, lambdas: true, lateralAliases: true },
  dbvbigquery: { ...mysqlLike, unquotedCase: 'none', hashComments: true },
  dbvhive: { ...mysqlLike, unquotedCase: 'lower', jsonPaths: true, wordOperators: { DIV: '/' }, lambdas: true, lateralAliases: true, shellVariables: true },
  // Spark / Databricks SQL is sent as Impala too: its lambdas and col:a.b paths (Impala has neither -> nor :)
  dbvimpala: { ...mysqlLike, unquotedCase: 'lower', jsonPaths: true, wordOperators: { DIV: '/' }, lambdas: true, lateralAliases: true, shellVariables: true },
  dbvteradata: {
    dotCommands: true, shellVariables: true, abbreviations: { SEL: 'SELECT', INS: 'INSERT', UPD: 'UPDATE', DEL: 'DELETE', CT: 'CREATE TABLE' },
    wordOperators: { EQ: '=', NE: '<>', GT: '>', GE: '>=', LT: '<', LE: '<=', MOD: '%' }, lateralAliases: true,
  },
  // #name is a local temporary table (CREATE LOCAL TEMPORARY TABLE #t, INSERT INTO #t)
  dbvhana: { recursiveWithoutKeyword: true, identStartExtra: '#' },
  dbvdb2: { atTerminator: true, sequenceNumbers: true, recursiveWithoutKeyword: true, wordOperators: { CONCAT: '||' } },
  // NZPLSQL descends from PL/pgSQL: SELECT INTO v …, FOR r IN EXECUTE IMMEDIATE … LOOP
  // nzsql is psql-born too: \set ON_ERROR_STOP, \echo, \o file, \time lines
  dbvnetezza: { plpgsql: true, psqlCommands: true, defaultSchema: 'ADMIN', systemColumns: new Set(['DATASLICEID', 'CREATEXID', 'DELETEXID']) },
  // vsql is psql's descendant: its scripts hold the same \set / \echo / \i meta-command lines
  dbvvertica: { unquotedCase: 'lower', dollarQuotedStrings: true, psqlCommands: true, plpgsql: true, defaultSchema: 'PUBLIC' },
  dbvinformix: { braceComments: true, recursiveWithoutKeyword: true },
  dbvcouchbase: { ...mysqlLike, backslashEscapes: true },
  dbvopenedge: { identPartExtra: '$#-', recursiveWithoutKeyword: true, javaRoutines: true },
  dbvmdx: { identifierQuotes: ['['], mdx: true, slashComments: true, quotedCaseInsensitive: true },
}

const cache = new Map<Vendor, DialectSpec>()

export function dialectOf(vendor: Vendor): DialectSpec {
  let d = cache.get(vendor)
  if (!d) {
    d = { ...base, ...overrides[vendor], name: vendor }
    d.hasWordOperators = Object.keys(d.wordOperators).length > 0
    cache.set(vendor, d)
  }
  return d
}
