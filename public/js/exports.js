// Downloads built in the browser. The JSON is the model the server answered; GraphML is built from
// the drawn graph (the server has a GraphML export only for jobs, not for one SQL text), keeping the
// server's layout as yEd geometry so the file opens looking like the page.
export function download (name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const esc = (s) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c])

function shape (id, label, x, y, w, h, fill, indent) {
  return `${indent}<node id="${esc(id)}"><data key="d0">${esc(label)}</data><data key="d1"><y:ShapeNode>` +
    `<y:Geometry x="${x}" y="${y}" width="${w}" height="${h}"/><y:Fill color="${fill}" transparent="false"/>` +
    `<y:NodeLabel>${esc(label)}</y:NodeLabel></y:ShapeNode></data></node>\n`
}

/** GraphML: one nested graph per table holding one node per column row; edges between rows. */
export function toGraphml (graph) {
  const rel = graph.relationIdMap || {}
  const relC = graph.relationshipIdMap || {}
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">\n' +
    '  <key id="d0" for="node" attr.name="label" attr.type="string"/>\n' +
    '  <key id="d1" for="node" yfiles.type="nodegraphics"/>\n' +
    '  <key id="d2" for="edge" attr.name="relationType" attr.type="string"/>\n' +
    '  <graph id="G" edgedefault="directed">\n'
  for (const t of graph.elements.tables) {
    if (!t.columns.length) { out += shape(t.id, t.label.content, t.x, t.y, t.width, t.height, '#E8EEF7', '    '); continue }
    out += `    <node id="${esc(t.id)}"><data key="d0">${esc(t.label.content)}</data>\n      <graph id="${esc(t.id)}:" edgedefault="directed">\n`
    for (const c of t.columns) out += shape(c.id, c.label.content, c.x, c.y, c.width, c.height, '#FFFFFF', '        ')
    out += '      </graph>\n    </node>\n'
  }
  for (const e of graph.elements.edges) {
    const type = rel[e.id] || (relC[e.id] && relC[e.id][1]) || 'fdd'
    out += `    <edge id="${esc(e.id)}" source="${esc(e.sourceId)}" target="${esc(e.targetId)}"><data key="d2">${esc(type)}</data></edge>\n`
  }
  return out + '  </graph>\n</graphml>\n'
}
