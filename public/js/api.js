// Calls to the SQLFlow endpoints of this server. Credentials come from the settings box and go both
// as form fields (what the SQLFlow clients send) and as `Authorization: Token <t>`. Every call is
// multipart, so a file upload and plain fields share one path.
const BASE = 'gspLive_backend/sqlflow/generation/sqlflow'
const ONPREM_USER = 'gudu|0123456789'

export function credentials () {
  return {
    userId: localStorage.getItem('lg.userId') || ONPREM_USER,
    token: localStorage.getItem('lg.token') || '',
  }
}

export function saveCredentials (userId, token) {
  localStorage.setItem('lg.userId', userId.trim() || ONPREM_USER)
  localStorage.setItem('lg.token', token.trim())
}

/** POST to `<BASE><path>`; `fields` values may be strings or a File (for sqlfile). */
async function post (path, fields, as = 'json') {
  const { userId, token } = credentials()
  const body = new FormData()
  body.append('userId', userId)
  if (token) body.append('token', token)
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) body.append(k, v)
  const headers = token ? { Authorization: `Token ${token}` } : {}
  // a relative URL keeps the page working behind a reverse proxy that mounts the server on a sub-path
  const res = await fetch(BASE + path, { method: 'POST', body, headers })
  if (as === 'text') {
    const text = await res.text()
    // the CSV exports answer the raw CSV, but errors still come as the {code, error} envelope
    if (text.startsWith('{"code"')) throw new Error(JSON.parse(text).error || 'request failed')
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return text
  }
  const json = await res.json().catch(() => ({ code: res.status, error: `HTTP ${res.status}` }))
  // 203 = partial success: the analysis reported errors, the data is still there
  if (json.code !== 200 && json.code !== 203) throw new Error(json.error || `error ${json.code}`)
  return json
}

export const graph = (fields) => post('/graph', fields)
export const selectedGraph = (fields) => post('/selectedgraph', fields)
export const dbObjectInfo = (sessionId, coordinates) =>
  post('/getSelectedDbObjectInfo', { sessionId, coordinates: JSON.stringify(coordinates) })
export const csv = (fields) => post('/exportFullLineageAsCsv', fields, 'text')
