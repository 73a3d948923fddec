// The viewer page: form → /graph → SVG; selections → getSelectedDbObjectInfo; table titles →
// /selectedgraph (a stack of views, "Back" pops); summary mode → a clickable table list.
import * as api from './api.js'
import { GraphView } from './graph.js'
import { SqlView } from './sqlview.js'
import { download, toGraphml } from './exports.js'

const $ = (id) => document.getElementById(id)

// spec §1.5: the 20 vendors, then the aliases the server maps onto them
const VENDORS = [
  ['dbvoracle', 'Oracle'], ['dbvmssql', 'SQL Server'], ['dbvmysql', 'MySQL'], ['dbvpostgresql', 'PostgreSQL'],
  ['dbvsnowflake', 'Snowflake'], ['dbvbigquery', 'BigQuery'], ['dbvhive', 'Hive'], ['dbvredshift', 'Redshift'],
  ['dbvteradata', 'Teradata'], ['dbvdb2', 'DB2'], ['dbvgreenplum', 'Greenplum'], ['dbvhana', 'SAP HANA'],
  ['dbvimpala', 'Impala'], ['dbvnetezza', 'Netezza'], ['dbvsybase', 'Sybase'], ['dbvvertica', 'Vertica'],
  ['dbvinformix', 'Informix'], ['dbvcouchbase', 'Couchbase'], ['dbvopenedge', 'OpenEdge'], ['dbvmdx', 'MDX'],
]
const ALIASES = [
  ['dbvsqlserver', 'SQL Server (alias)'], ['dbvazuresql', 'Azure SQL → SQL Server'], ['dbvansi', 'ANSI → PostgreSQL'],
  ['dbvsparksql', 'Spark SQL → Hive'], ['dbvdatabricks', 'Databricks → Hive'], ['dbvathena', 'Athena → Hive'],
  ['dbvpresto', 'Presto → Hive'], ['dbvgaussdb', 'GaussDB → PostgreSQL'],
]

const state = {
  request: null, // the fields of the last /graph request (reused by selectedgraph and the CSV export)
  sessionId: null,
  views: [], // [{ title, data }]; the last one is shown
}

const current = () => state.views[state.views.length - 1]
const graphView = new GraphView($('graph'), { onColumn: selectColumn, onTable: selectTable, onBackground: clearSelection })
const sqlView = new SqlView($('code'), $('selected'), $('selName'))

function status (text, isError = false) {
  $('status').textContent = text
  $('status').classList.toggle('error', isError)
}

function setup () {
  const vendor = $('dbvendor')
  const group = (label, list) => {
    const g = document.createElement('optgroup')
    g.label = label
    for (const [value, name] of list) g.appendChild(new Option(`${name} (${value.slice(3)})`, value))
    vendor.appendChild(g)
  }
  group('Vendors', VENDORS)
  group('Aliases', ALIASES)
  vendor.value = localStorage.getItem('lg.vendor') || 'dbvoracle'

  const { userId, token } = api.credentials()
  $('userId').value = userId
  $('token').value = token
  for (const id of ['userId', 'token']) $(id).addEventListener('change', () => api.saveCredentials($('userId').value, $('token').value))

  $('input').addEventListener('submit', (ev) => { ev.preventDefault(); submit() })
  $('sqlfile').addEventListener('change', async () => {
    const f = $('sqlfile').files[0]
    // plain text files are shown in the textarea (editable); zips go to the server as the file
    if (f && !/\.zip$/i.test(f.name)) { $('sqltext').value = await f.text(); $('sqlfile').value = '' }
  })
  $('fit').addEventListener('click', () => graphView.fit())
  $('zoomIn').addEventListener('click', () => graphView.zoom(1.25))
  $('zoomOut').addEventListener('click', () => graphView.zoom(0.8))
  $('back').addEventListener('click', () => { state.views.pop(); show() })
  $('dlJson').addEventListener('click', () => download('lineage.json', 'application/json', JSON.stringify(current().data.sqlflow, null, 2)))
  $('dlGraphml').addEventListener('click', () => download('lineage.graphml', 'application/graphml+xml', toGraphml(current().data.graph)))
  $('dlCsv').addEventListener('click', downloadCsv)
}

function requestFields () {
  const rel = [...document.querySelectorAll('input[name=rel]:checked')].map((i) => i.value)
  const fields = {
    dbvendor: $('dbvendor').value,
    showRelationType: (rel.length ? rel : ['fdd']).join(','),
  }
  for (const o of ['ignoreRecordSet', 'simpleOutput', 'ignoreFunction', 'showConstantTable']) fields[o] = String($(o).checked)
  const file = $('sqlfile').files[0]
  if (file) fields.sqlfile = file
  else fields.sqltext = $('sqltext').value
  return fields
}

async function submit () {
  const fields = requestFields()
  if (!fields.sqlfile && !fields.sqltext.trim()) { status('Paste some SQL or choose a file first.', true); return }
  localStorage.setItem('lg.vendor', fields.dbvendor)
  status('Analysing…')
  $('submit').disabled = true
  try {
    const res = await api.graph(fields)
    state.request = fields
    state.sessionId = res.sessionId
    state.views = [{ title: 'Whole script', data: res.data }]
    sqlView.setScript(fields.sqltext ?? '', errorLines(res.data))
    showErrors(res.data)
    show()
    const s = res.data.summary
    status(`${s.table} tables, ${s.relation ?? s.relationship ?? 0} relations · mode ${res.data.mode}` + (res.code === 203 ? ' · with errors' : ''))
  } catch (err) {
    status(err.message, true)
  } finally {
    $('submit').disabled = false
  }
}

/** The first line of every error (coordinates are [start, end] points, x = line). */
function errorLines (data) {
  return new Set((data.sqlflow?.errors || []).map((e) => e.coordinates?.[0]?.x).filter(Boolean))
}

function showErrors (data) {
  const list = $('errors')
  const errors = data.sqlflow?.errors || []
  list.replaceChildren()
  $('errorCount').textContent = String(errors.length)
  $('errorCount').classList.toggle('bad', errors.length > 0)
  for (const e of errors) {
    const line = e.coordinates?.[0]?.x
    const li = document.createElement('li')
    li.dataset.testid = 'error'
    li.dataset.line = String(line ?? '')
    li.textContent = `${line ? `line ${line}` : 'no position'}${e.file ? ` (${e.file})` : ''}: ${e.errorType} – ${e.errorMessage}`
    li.addEventListener('click', () => { if (line) sqlView.flashLine(line) })
    list.appendChild(li)
  }
}

/** The model object behind a graph id (`n0` or `n0::n1`), via listIdMap. */
function modelObject (graphId) {
  const data = current().data
  const ids = data.graph.listIdMap[graphId] || []
  const [tableId] = graphId.split('::')
  const table = (data.sqlflow?.dbobjs || []).find((o) => o.id === (data.graph.listIdMap[tableId] || [])[0])
  if (graphId === tableId) return { table, column: undefined }
  const column = (table?.columns || []).find((c) => ids.includes(c.id))
  return { table, column }
}

function kindOf (nodeId) {
  const { table } = modelObject(nodeId)
  return table?.type ?? 'table'
}

function show () {
  const view = current()
  const { data } = view
  $('back').hidden = state.views.length < 2
  $('title').textContent = view.title
  for (const b of ['dlJson', 'dlCsv', 'dlGraphml']) $(b).disabled = false
  const summaryMode = data.mode === 'summary'
  document.querySelector('.stage').classList.toggle('summary-mode', summaryMode)
  $('summary').hidden = !summaryMode
  if (summaryMode) showSummary(data)
  graphView.render(data.graph, kindOf)
  sqlView.clearSelected()
}

/** Too many relations to draw (§6.1): the counts and a table list; a click loads that table's graph. */
function showSummary (data) {
  const s = data.summary
  const box = $('summary')
  box.replaceChildren()
  const h = document.createElement('p')
  h.textContent = `This script has too many relations to draw at once (${data.mode} mode). Pick a table to see its lineage.`
  const counts = document.createElement('div')
  counts.className = 'counts'
  for (const [k, v] of [['tables', s.table], ['views', s.view], ['columns', s.column], ['relations', s.relation ?? s.relationship], ['schemas', s.schema], ['databases', s.database]]) {
    const c = document.createElement('span')
    c.innerHTML = '<b></b>'
    c.firstChild.textContent = String(v ?? 0)
    c.append(k)
    counts.appendChild(c)
  }
  // most connected first (the summary names them by match key, e.g. upper case: show the model's
  // spelling when the model has that table), then every other table/view of the model
  const keyOf = (t) => [t.database, t.schema, t.table].map((v) => (v || '').toLowerCase()).join('.')
  const model = new Map()
  for (const o of data.sqlflow?.dbobjs || []) {
    if (o.type !== 'table' && o.type !== 'view') continue
    const t = { database: o.database, schema: o.schema, table: o.name }
    if (!model.has(keyOf(t))) model.set(keyOf(t), t)
  }
  const seen = new Set()
  const entries = []
  const add = (t) => {
    const key = keyOf(t)
    if (!seen.has(key)) { seen.add(key); entries.push(model.get(key) ?? t) }
  }
  for (const t of s.mostRelationTables || []) add(t)
  for (const t of model.values()) add(t)
  const ul = document.createElement('ul')
  ul.dataset.testid = 'summary-tables'
  for (const t of entries) {
    const li = document.createElement('li')
    const b = document.createElement('button')
    b.type = 'button'
    b.dataset.testid = 'summary-table'
    b.textContent = [t.database, t.schema, t.table].filter(Boolean).join('.')
    b.addEventListener('click', () => focus(t))
    li.appendChild(b)
    ul.appendChild(li)
  }
  box.append(h, counts, ul)
}

async function showSelection (label, points) {
  sqlView.markScript(points)
  if (!points.length || !state.sessionId) { sqlView.showSelected(label, []); return }
  try {
    const res = await api.dbObjectInfo(state.sessionId, points)
    sqlView.showSelected(label, res.data)
  } catch (err) {
    status(err.message, true)
  }
}

function selectColumn (id) {
  graphView.highlight(id)
  const { table, column } = modelObject(id)
  const label = `${table?.name ?? '?'}.${column?.name ?? id}`
  showSelection(label, column?.coordinates || [])
}

/** A table title: show where it appears in the SQL, and focus the graph on it (selectedgraph). */
async function selectTable (id) {
  const { table } = modelObject(id)
  if (!table) return
  graphView.highlight(id)
  // after the focused view is shown (show() clears the previous selection)
  if (await focus({ database: table.database, schema: table.schema, table: table.name })) {
    const same = Object.keys(current().data.graph.listIdMap).find((k) => !k.includes('::') && current().data.graph.listIdMap[k][0] === table.id)
    if (same) graphView.highlight(same)
  }
  await showSelection(table.name, table.coordinates || [])
}

async function focus (t) {
  const name = [t.database, t.schema, t.table].filter(Boolean).join('.')
  status(`Loading the lineage of ${name}…`)
  try {
    const res = await api.selectedGraph({
      ...state.request, sqltext: undefined, sqlfile: undefined,
      sessionId: state.sessionId, database: t.database, schema: t.schema, table: t.table,
    })
    state.views.push({ title: `Focus: ${name}`, data: res.data })
    show()
    status(`${name}: ${res.data.graph.elements.tables.length} tables, ${res.data.graph.elements.edges.length} edges`)
    return true
  } catch (err) {
    status(err.message, true)
    return false
  }
}

function clearSelection () {
  graphView.highlight(null)
  sqlView.clearSelected()
}

async function downloadCsv () {
  try {
    download('lineage.csv', 'text/csv', await api.csv(state.request))
  } catch (err) {
    status(err.message, true)
  }
}

setup()
