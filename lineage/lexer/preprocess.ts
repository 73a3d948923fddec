import type { DialectSpec } from '../dialects/spec.js'
import { blank, blankTemplates, hasTemplates } from './templates.js'

/**
 * Client-side script commands (MySQL `DELIMITER`, SQL*Plus `/` lines, DB2 `@` terminators, BTEQ `.` lines) are rewritten
 * in place with characters of the same length, so every coordinate still points into the user's text.
 */
const SQLPLUS_TEXT_LINE = /^\s*(?:(?:PROMPT|PRO|REM|REMARK)(?:\s|$)|@@?[^\s@]|![A-Za-z\/.])/i
/** psql meta-commands (\set, \echo, \i file, \connect db …) take free text, not SQL: all but \copy, which moves table data */
const PSQL_TEXT_LINE = /^\s*\\(?!copy\b)/i

/** COPY … FROM STDIN (pg_dump, psql \copy, vsql): the rows that follow, up to a `\.` line, are data */
const COPY_STDIN_LINE = /^\s*(?:COPY\b.*\bFROM\s+STDIN\b.*;|\\copy\b.*\bfrom\s+stdin\b.*)\s*$/i

/** SQLCMD commands (:setvar v "x", :r .\file.sql, :on error exit, :!! shell) name files and variables, not SQL */
const SQLCMD_LINE = /^[ \t]*:[A-Za-z!]/m
const JAVA_COMMENT_LINE = /^[ \t]*\/\//m
const SEQUENCE_NUMBER = /^\d{8}$/
const GO_LINE = /^[ \t]*GO[ \t]*$/im

/** a shell line that feeds a here-document to a client: `bteq << EOF > $1;`, `hive <<-'SQL'` (not in an SQL comment) */
const HEREDOC_START = /^[ \t]*(?!--|\/\*|\*)[^\n]*?<<-?[ \t]*(['"]?)([A-Za-z_]\w*)\1[^\n]*$/gm

/**
 * A shell script that runs its SQL as here-documents (bteq << EOF … EOF, hive <<SQL … SQL): only the
 * here-documents are SQL; the shell lines around them (#comments, echo, exit, the client's own line) become
 * blanks. A script with no such here-document, or one whose terminator never comes, is left as it is.
 */
function shellHeredocs(text: string): string {
  const out: string[] = []
  let last = 0
  HEREDOC_START.lastIndex = 0
  for (let m = HEREDOC_START.exec(text); m; m = HEREDOC_START.exec(text)) {
    const bodyStart = m.index + m[0].length + 1
    const end = new RegExp(`^[ \\t]*${m[2]}[ \\t]*$`, 'm').exec(text.slice(bodyStart))
    if (!end) break
    const bodyEnd = bodyStart + end.index
    out.push(blank(text.slice(last, bodyStart)), text.slice(bodyStart, bodyEnd))
    last = bodyEnd
    HEREDOC_START.lastIndex = bodyEnd + end[0].length
  }
  if (!out.length) return text
  out.push(blank(text.slice(last)))
  return out.join('')
}

export function preprocess(text: string, d: DialectSpec): string {
  if (d.shellVariables && text.includes('<<')) text = shellHeredocs(text)
  // MDX sets and Informix comments are written in braces: no template there
  const substitution = d.slashTerminator ? '&' : d.shellVariables ? '$' : undefined
  if (!d.mdx && !d.braceComments && hasTemplates(text, substitution)) text = blankTemplates(text, substitution)
  if (d.name === 'dbvmysql' && text.includes('/*!')) text = openVersionComments(text)
  if (d.batchWord !== undefined && !d.doubleQuotedStrings && QUOTED_IDENTIFIER_OFF.test(text)) text = doubleQuotedAsStrings(text)
  // most PostgreSQL scripts hold no psql command: they are not split into lines for nothing
  if (!d.delimiterCommand && !d.slashTerminator && !d.dotCommands && !d.atTerminator && !(d.psqlCommands && /^[ \t]*\\/m.test(text))
    && !(d.sqlcmdCommands && SQLCMD_LINE.test(text)) && !(d.javaRoutines && JAVA_COMMENT_LINE.test(text)) && !(d.mdx && GO_LINE.test(text))) return text
  const lines = text.split('\n')
  let delimiter = ';'
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]
    // z/OS members (SPUFI, DSNTEP2 input) number their lines in columns 73-80: no SQL ("expected VALUES near 00000100")
    if (d.sequenceNumbers && line.length >= 80 && SEQUENCE_NUMBER.test(line.slice(72, 80))) line = lines[i] = line.slice(0, 72) + '        ' + line.slice(80)
    const trimmed = line.trim()
    if (d.slashTerminator && trimmed === '/') { lines[i] = line.replace('/', ';'); continue }
    // MDX scripts saved from SSMS separate their queries with GO lines
    if (d.mdx && trimmed.length === 2 && trimmed.toUpperCase() === 'GO') { lines[i] = line.replace(/go/i, '; '); continue }
    // SQL*Plus PROMPT / REM text, @script and !shell lines are free text (an apostrophe in them opened a string that swallowed the script)
    if (d.slashTerminator && SQLPLUS_TEXT_LINE.test(line)) { lines[i] = ' '.repeat(line.length); continue }
    if (d.atTerminator && trimmed.endsWith('@')) { const k = line.lastIndexOf('@'); lines[i] = line.slice(0, k) + ';' + line.slice(k + 1); continue }
    if (d.dotCommands && /^\s*\.[A-Za-z]/.test(line)) { lines[i] = ' '.repeat(line.length); continue }
    if (d.sqlcmdCommands && /^\s*:[A-Za-z!]/.test(line)) { lines[i] = ' '.repeat(line.length); continue }
    if (d.psqlCommands && PSQL_TEXT_LINE.test(line)) { lines[i] = ' '.repeat(line.length); continue }
    if (d.psqlCommands && COPY_STDIN_LINE.test(line)) {
      // tab-separated rows hold quotes and semicolons: blanked, so no row is read as SQL
      while (i + 1 < lines.length && lines[i + 1].trim() !== '\\.') { i++; lines[i] = ' '.repeat(lines[i].length) }
      continue
    }
    // a // comment line of a Java routine body (OpenEdge): an apostrophe in it opened a string
    if (d.javaRoutines && JAVA_COMMENT_LINE.test(line)) { lines[i] = ' '.repeat(line.length); continue }
    if (d.delimiterCommand) {
      const m = /^\s*DELIMITER\s+(\S+)\s*$/i.exec(line)
      // mysqltest scripts end the command itself with the current delimiter: delimiter |; … delimiter ;|
      if (m) { delimiter = m[1].length > delimiter.length && m[1].endsWith(delimiter) ? m[1].slice(0, -delimiter.length) : m[1]; lines[i] = ' '.repeat(line.length); continue }
      if (delimiter !== ';' && line.includes(delimiter)) lines[i] = line.split(delimiter).join(';' + ' '.repeat(delimiter.length - 1))
    }
  }
  return lines.join('\n')
}

/**
 * MySQL runs the text of a version comment `/*!50003 … *\/`: mysqldump writes every trigger, view and
 * routine that way (`/*!50003 CREATE*\/ /*!50017 DEFINER=…*\/ /*!50003 TRIGGER … END *\/;;`), and they were
 * lost as comments. The markers become blanks, the text between them stays.
 */
function openVersionComments(text: string): string {
  const out: string[] = []
  let last = 0
  for (let i = text.indexOf('/*!'); i >= 0; i = text.indexOf('/*!', last)) {
    const end = text.indexOf('*/', i + 3)
    if (end < 0) break
    let k = i + 3
    while (k < end && k < i + 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++
    out.push(text.slice(last, i), ' '.repeat(k - i), text.slice(k, end), '  ')
    last = end + 2
  }
  if (!out.length) return text
  out.push(text.slice(last))
  return out.join('')
}

const QUOTED_IDENTIFIER_OFF = /\bQUOTED_IDENTIFIER\s+OFF\b/i
const QUOTED_IDENTIFIER_SET = /\bSET\s+QUOTED_IDENTIFIER\s+(ON|OFF)\b/gi

/**
 * T-SQL after SET QUOTED_IDENTIFIER OFF (legacy procedures scripted with it) writes strings in double quotes:
 * "N" was a column. Until SET QUOTED_IDENTIFIER ON, each "…" outside comments and '…' becomes '…' (an
 * apostrophe inside becomes a double quote, so the length stays and the literal stays one token).
 */
function doubleQuotedAsStrings(text: string): string {
  const toggles: Array<[number, boolean]> = []
  for (const m of text.matchAll(QUOTED_IDENTIFIER_SET)) toggles.push([m.index, m[1].toUpperCase() === 'OFF'])
  if (!toggles.some((t) => t[1])) return text
  const out = text.split('')
  let k = 0
  let off = false
  const n = text.length
  for (let i = 0; i < n; i++) {
    while (k < toggles.length && toggles[k][0] <= i) off = toggles[k++][1]
    const c = text[i]
    if (c === '-' && text[i + 1] === '-') { const e = text.indexOf('\n', i); i = e < 0 ? n : e; continue }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); i = e < 0 ? n : e + 1; continue }
    if (c === "'" || c === '[') {
      const close = c === '[' ? ']' : "'"
      let j = i + 1
      for (;;) { const e = text.indexOf(close, j); if (e < 0) { j = n; break } if (text[e + 1] === close) { j = e + 2; continue } j = e; break }
      i = j; continue
    }
    if (c !== '"') continue
    let j = i + 1
    for (;;) { const e = text.indexOf('"', j); if (e < 0) { j = -1; break } if (text[e + 1] === '"') { j = e + 2; continue } j = e; break }
    if (j < 0) break
    if (off) {
      out[i] = "'"; out[j] = "'"
      for (let x = i + 1; x < j; x++) if (out[x] === "'") out[x] = '"'
    }
    i = j
  }
  return out.join('')
}
