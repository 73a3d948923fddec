// Which files are SQL text: binary content (NUL bytes, invalid UTF-8) is skipped with a note, and
// inside archives only SQL-like extensions (or none: PHP and many repos use bare names) are read.
const SQL_EXTENSIONS = new Set([
  'sql', 'ddl', 'dml', 'hql', 'pls', 'plsql', 'pks', 'pkb', 'prc', 'fnc', 'trg', 'vw', 'tab', 'bteq',
  'txt', 'psql', 'pgsql', 'tsql', 'mysql', 'proc', 'spl', 'db2', 'tpt', 'snowsql', 'bq', 'view', 'pck',
])

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

export function isSqlName(name: string): boolean {
  const ext = extensionOf(name)
  return ext === '' || SQL_EXTENSIONS.has(ext)
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** UTF-8 text without a BOM, or null for binary content. */
export function decodeText(data: Buffer): string | null {
  if (data.includes(0)) return null
  try {
    const text = decoder.decode(data)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch {
    return null
  }
}

/** PK\3\4 (local header) or PK\5\6 (empty archive): decided by content, since PHP sends bare names. */
export function looksLikeZip(data: Buffer): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b &&
    ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6))
}
