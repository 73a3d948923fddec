// Draws the server's laid-out graph (spec §5: tables with x/y/width/height and column rows, edges
// between row ids) as SVG by hand, with pan (drag), zoom (wheel) and path highlighting. The layout
// is the server's (elkjs): this module never moves a box, it only draws what it is given.
const NS = 'http://www.w3.org/2000/svg'

function el (name, attrs = {}, parent) {
  const e = document.createElementNS(NS, name)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v))
  if (parent) parent.appendChild(e)
  return e
}

/** Transitive closure over edges in one direction; returns the visited ids and the edges walked. */
function walk (start, edges, dir) {
  const next = new Map()
  for (const e of edges) {
    const from = dir === 'down' ? e.sourceId : e.targetId
    if (!next.has(from)) next.set(from, [])
    next.get(from).push(e)
  }
  const seen = new Set([start])
  const used = new Set()
  const queue = [start]
  while (queue.length) {
    for (const e of next.get(queue.shift()) || []) {
      used.add(e.id)
      const to = dir === 'down' ? e.targetId : e.sourceId
      if (!seen.has(to)) { seen.add(to); queue.push(to) }
    }
  }
  return { ids: seen, edges: used }
}

/** Upstream and downstream of one element: the rows and edges on every path through it. */
export function lineagePath (id, edges) {
  const up = walk(id, edges, 'up')
  const down = walk(id, edges, 'down')
  return { ids: new Set([...up.ids, ...down.ids]), edges: new Set([...up.edges, ...down.edges]) }
}

export class GraphView {
  /**
   * @param {SVGSVGElement} svg
   * @param {{ onColumn(id), onTable(id), onBackground() }} handlers
   */
  constructor (svg, handlers) {
    this.svg = svg
    this.viewport = svg.querySelector('#viewport')
    this.handlers = handlers
    this.t = { k: 1, x: 0, y: 0 }
    this.graph = null
    this.installPanZoom()
  }

  /** @param graph data.graph; @param kindOf(nodeId) → 'table' | 'view' | 'rs' … (styling only) */
  render (graph, kindOf = () => 'table') {
    this.graph = graph
    this.viewport.replaceChildren()
    this.svg.classList.remove('dim')
    const { tables, edges } = graph.elements
    const tip = graph.tooltip || {}
    const rel = graph.relationIdMap || {}
    const relC = graph.relationshipIdMap || {}
    // geometry of every addressable element: a row, or a whole table (hideColumn edges)
    this.boxes = new Map()
    for (const t of tables) {
      this.boxes.set(t.id, t)
      for (const c of t.columns) this.boxes.set(c.id, c)
    }
    const edgeLayer = el('g', { class: 'edges' }, this.viewport)
    const nodeLayer = el('g', { class: 'nodes' }, this.viewport)
    for (const e of edges) {
      const s = this.boxes.get(e.sourceId)
      const d = this.boxes.get(e.targetId)
      if (!s || !d) continue
      const type = rel[e.id] || (relC[e.id] && relC[e.id][1]) || 'fdd'
      const x1 = s.x + s.width; const y1 = s.y + s.height / 2
      const x2 = d.x; const y2 = d.y + d.height / 2
      // horizontal tangents at both ends; a backwards edge (target left of source) loops around
      const c = Math.max(40, Math.abs(x2 - x1) / 2)
      el('path', {
        class: `edge rel-${type === 'fdd' ? 'fdd' : 'other'}`,
        d: `M${x1},${y1} C${x1 + c},${y1} ${x2 - c},${y2} ${x2},${y2}`,
        'marker-end': 'url(#arrow)',
        'data-edge-id': e.id, 'data-source': e.sourceId, 'data-target': e.targetId, 'data-rel': type,
        'data-testid': 'edge',
      }, edgeLayer)
    }
    for (const t of tables) {
      const kind = kindOf(t.id)
      const g = el('g', { class: `node ${kind === 'table' || kind === 'view' ? '' : 'rs'}`, 'data-node-id': t.id, 'data-label': t.label.content, 'data-kind': kind, 'data-testid': 'node' }, nodeLayer)
      el('title', {}, g).textContent = tip[t.id] || t.label.content
      el('rect', { class: 'box', x: t.x, y: t.y, width: t.width, height: t.height }, g)
      const titleH = t.columns.length ? t.columns[0].y - t.y : t.height
      const title = el('g', { class: 'title', 'data-node-id': t.id, 'data-testid': 'node-title' }, g)
      el('rect', { x: t.x, y: t.y, width: t.width, height: titleH }, title)
      el('text', { x: t.label.x, y: t.y + titleH / 2 }, title).textContent = t.label.content
      title.addEventListener('click', (ev) => { if (!this.dragged) { ev.stopPropagation(); this.handlers.onTable(t.id) } })
      for (const c of t.columns) {
        const row = el('g', { class: 'row', 'data-node-id': c.id, 'data-label': c.label.content, 'data-testid': 'column' }, g)
        el('title', {}, row).textContent = tip[c.id] || c.label.content
        el('rect', { x: c.x, y: c.y, width: c.width, height: c.height }, row)
        el('text', { x: c.label.x, y: c.y + c.height / 2 }, row).textContent = c.label.content
        row.addEventListener('click', (ev) => { if (!this.dragged) { ev.stopPropagation(); this.handlers.onColumn(c.id) } })
      }
    }
    this.fit()
  }

  /** Highlights everything up- and downstream of `id` and dims the rest; null clears. */
  highlight (id) {
    const all = this.viewport.querySelectorAll('.hl, .hl-table, .selected')
    for (const n of all) n.classList.remove('hl', 'hl-table', 'selected')
    this.svg.classList.toggle('dim', id !== null)
    if (id === null || !this.graph) return
    const path = lineagePath(id, this.graph.elements.edges)
    for (const n of this.viewport.querySelectorAll('.row, .node')) {
      const nid = n.getAttribute('data-node-id')
      if (n.classList.contains('row') && path.ids.has(nid)) {
        n.classList.add('hl')
        n.closest('.node').classList.add('hl-table')
      }
      if (nid === id) n.classList.add('selected')
    }
    // a selected table (no row of its own in the path) stays fully visible
    const node = this.viewport.querySelector(`.node[data-node-id="${CSS.escape(id)}"]`)
    if (node) node.classList.add('hl-table')
    for (const e of this.viewport.querySelectorAll('.edge')) {
      if (path.edges.has(e.getAttribute('data-edge-id'))) e.classList.add('hl')
    }
    return path
  }

  apply () {
    this.viewport.setAttribute('transform', `translate(${this.t.x},${this.t.y}) scale(${this.t.k})`)
  }

  /** Scales and centres the whole graph in the visible area (never above 1.5×). */
  fit () {
    const tables = this.graph ? this.graph.elements.tables : []
    const r = this.svg.getBoundingClientRect()
    if (!tables.length || r.width === 0) { this.t = { k: 1, x: 0, y: 0 }; this.apply(); return }
    const minX = Math.min(...tables.map((t) => t.x)); const minY = Math.min(...tables.map((t) => t.y))
    const maxX = Math.max(...tables.map((t) => t.x + t.width)); const maxY = Math.max(...tables.map((t) => t.y + t.height))
    const pad = 24
    const k = Math.min(1.5, (r.width - 2 * pad) / (maxX - minX), (r.height - 2 * pad) / (maxY - minY))
    this.t = { k, x: (r.width - (maxX - minX) * k) / 2 - minX * k, y: (r.height - (maxY - minY) * k) / 2 - minY * k }
    this.apply()
  }

  /** Zooms by `factor` keeping the screen point (cx, cy) fixed; defaults to the centre. */
  zoom (factor, cx, cy) {
    const r = this.svg.getBoundingClientRect()
    cx ??= r.width / 2; cy ??= r.height / 2
    const k = Math.min(8, Math.max(0.05, this.t.k * factor))
    const f = k / this.t.k
    this.t = { k, x: cx - (cx - this.t.x) * f, y: cy - (cy - this.t.y) * f }
    this.apply()
  }

  installPanZoom () {
    const svg = this.svg
    let start = null
    svg.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return
      start = { x: ev.clientX, y: ev.clientY, tx: this.t.x, ty: this.t.y }
      this.dragged = false
    })
    svg.addEventListener('pointermove', (ev) => {
      if (!start) return
      const dx = ev.clientX - start.x; const dy = ev.clientY - start.y
      // a few pixels of jitter is still a click
      if (!this.dragged && Math.hypot(dx, dy) < 4) return
      if (!this.dragged) { this.dragged = true; svg.setPointerCapture(ev.pointerId); svg.classList.add('panning') }
      this.t.x = start.tx + dx; this.t.y = start.ty + dy
      this.apply()
    })
    const end = () => { start = null; svg.classList.remove('panning') }
    svg.addEventListener('pointerup', end)
    svg.addEventListener('pointercancel', end)
    // clicks on rows/titles stop propagation; one reaching the svg is a click on the background
    svg.addEventListener('click', () => { if (!this.dragged) this.handlers.onBackground() })
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault()
      const r = svg.getBoundingClientRect()
      this.zoom(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top)
    }, { passive: false })
  }
}
