// The SQL side panel: the whole script with line numbers (error lines marked, click-to-flash), and
// the statements getSelectedDbObjectInfo answers for a selection, with the object's spans marked.
// Coordinates are SQLFlow's: x = 1-based line, y = 1-based column, end exclusive (spec §3.6).

/** Offsets of (line, column) points in `text`; lines split on \n as the engine does. */
function offsetOf (text, starts, line, col) {
  const base = starts[line - 1]
  return base === undefined ? text.length : Math.min(text.length, base + col - 1)
}

function lineStarts (text) {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

/** Text as DOM nodes with `<mark>` around each [start, end) span (spans may overlap or repeat). */
function marked (text, spans) {
  const starts = lineStarts(text)
  const ranges = spans.map(([a, b]) => [offsetOf(text, starts, a.x, a.y), offsetOf(text, starts, b.x, b.y)])
    .filter(([s, e]) => e > s).sort((p, q) => p[0] - q[0])
  const merged = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  const frag = document.createDocumentFragment()
  let at = 0
  for (const [s, e] of merged) {
    frag.append(text.slice(at, s))
    const m = document.createElement('mark')
    m.textContent = text.slice(s, e)
    frag.append(m)
    at = e
  }
  frag.append(text.slice(at))
  return frag
}

/** Consecutive points → [start, end] pairs. */
export const pairsOf = (points) => {
  const out = []
  for (let i = 0; i + 1 < points.length; i += 2) out.push([points[i], points[i + 1]])
  return out
}

export class SqlView {
  constructor (code, selected, selName) {
    this.code = code
    this.selected = selected
    this.selName = selName
    this.text = ''
  }

  /** The whole script, one span per line; `errorLines` get a marker. */
  setScript (text, errorLines = new Set()) {
    this.text = text
    this.code.replaceChildren()
    text.split('\n').forEach((line, i) => {
      const span = document.createElement('span')
      span.className = 'ln' + (errorLines.has(i + 1) ? ' err-line' : '')
      span.dataset.line = String(i + 1)
      span.textContent = line + '\n'
      this.code.appendChild(span)
    })
  }

  flashLine (n) {
    for (const l of this.code.querySelectorAll('.flash')) l.classList.remove('flash')
    const line = this.code.querySelector(`.ln[data-line="${n}"]`)
    if (!line) return
    line.classList.add('flash')
    line.scrollIntoView({ block: 'center' })
  }

  /** Marks `points` (the model's coordinates, hashCode "0") in the whole script. */
  markScript (points) {
    const mine = points.filter((p) => p.hashCode === '0' || p.hashCode === undefined)
    for (const l of this.code.querySelectorAll('.ln')) {
      const n = Number(l.dataset.line)
      const spans = pairsOf(mine).filter(([a]) => a.x === n)
        .map(([a, b]) => [{ x: 1, y: a.y }, { x: 1 + b.x - a.x, y: b.y }])
      if (spans.length || l.querySelector('mark')) {
        l.replaceChildren(marked(l.textContent, spans))
      }
    }
    // scroll vertically only: scrollIntoView would also scroll the start of the lines out of view
    const line = this.code.querySelector('mark')?.closest('.ln')
    if (line) this.code.scrollTop = Math.max(0, line.offsetTop - 24)
  }

  /** getSelectedDbObjectInfo's answer: statements with rebased positions. */
  showSelected (name, items) {
    this.selName.textContent = name
    this.selected.replaceChildren()
    for (const item of items) {
      const box = document.createElement('div')
      box.className = 'stmt'
      box.dataset.testid = 'selected-statement'
      const head = document.createElement('div')
      head.className = 'stmt-head'
      head.textContent = `statement ${item.index + 1}${item.file ? ` · ${item.file}` : ''}`
      const pre = document.createElement('pre')
      pre.append(marked(item.sql, pairsOf(item.positions)))
      box.append(head, pre)
      this.selected.appendChild(box)
    }
  }

  clearSelected () {
    this.selName.textContent = ''
    this.selected.replaceChildren()
    this.markScript([])
  }
}
