// GraphML for yEd: tables are yEd group nodes (y:ProxyAutoBoundsNode/y:GroupNode) holding one
// y:ShapeNode per column; tableToTable draws one y:ShapeNode per table. Plain GraphML data keys carry
// the same facts for tools that ignore the yFiles extensions (Gephi, networkx). Nodes get a simple
// left-to-right layered position so the file is readable before any layout is run in yEd.
import type { DbObj, SqlflowModel } from '../model/types.js'
import { columnEdges, qualify, qualifiedString, tableEdges } from './common.js'
import { layerObjects } from './layers.js'

export interface GraphmlOptions { tableToTable?: boolean }

const COL_W = 180
const COL_H = 24
const LAYER_GAP = 320
const TABLE_GAP = 40

export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters even escaped
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
}

const HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <key for="node" id="d0" yfiles.type="nodegraphics"/>
  <key for="edge" id="d1" yfiles.type="edgegraphics"/>
  <key attr.name="kind" attr.type="string" for="node" id="d2"/>
  <key attr.name="qualifiedName" attr.type="string" for="node" id="d3"/>
  <key attr.name="objectType" attr.type="string" for="node" id="d4"/>
  <key attr.name="column" attr.type="string" for="node" id="d5"/>
  <key attr.name="relationType" attr.type="string" for="edge" id="d6"/>
  <key attr.name="effectType" attr.type="string" for="edge" id="d7"/>
  <graph edgedefault="directed" id="G">
`
const FOOTER = '  </graph>\n</graphml>\n'

function shapeNode(label: string, x: number, y: number, w: number, fill: string): string {
  return `<y:ShapeNode><y:Geometry height="${COL_H}" width="${w}" x="${x}" y="${y}"/>` +
    `<y:Fill color="${fill}" transparent="false"/><y:BorderStyle color="#000000" type="line" width="1.0"/>` +
    `<y:NodeLabel alignment="center" autoSizePolicy="content" fontSize="12" modelName="internal" modelPosition="c">${xmlEscape(label)}</y:NodeLabel>` +
    `<y:Shape type="rectangle"/></y:ShapeNode>`
}

function groupNode(label: string, x: number, y: number, h: number): string {
  const geometry = `<y:Geometry height="${h}" width="${COL_W + 20}" x="${x}" y="${y}"/>`
  const group = `<y:GroupNode>${geometry}<y:Fill color="#F5F5F5" transparent="false"/>` +
    `<y:BorderStyle color="#000000" type="line" width="1.0"/>` +
    `<y:NodeLabel alignment="right" autoSizePolicy="node_width" backgroundColor="#EBEBEB" modelName="internal" modelPosition="t">${xmlEscape(label)}</y:NodeLabel>` +
    `<y:Shape type="roundrectangle"/><y:State closed="false"/></y:GroupNode>`
  return `<y:ProxyAutoBoundsNode><y:Realizers active="0">${group}</y:Realizers></y:ProxyAutoBoundsNode>`
}

function edge(id: string, source: string, target: string, type: string, effect: string): string {
  const style = type === 'fdr' ? 'dashed' : 'line'
  return `    <edge id="${id}" source="${source}" target="${target}">` +
    `<data key="d1"><y:PolyLineEdge><y:LineStyle color="#000000" type="${style}" width="1.0"/>` +
    `<y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>` +
    `<data key="d6">${xmlEscape(type)}</data><data key="d7">${xmlEscape(effect)}</data></edge>\n`
}

function objectLabel(obj: DbObj): string {
  return qualifiedString(qualify(obj))
}

function fillOf(obj: DbObj): string {
  return obj.type === 'view' ? '#CCFFCC' : obj.type === 'table' ? '#FFCC99' : '#E0E0FF'
}

export function toGraphml(model: SqlflowModel, opts: GraphmlOptions = {}): string {
  return opts.tableToTable ? tableGraphml(model) : columnGraphml(model)
}

function tableGraphml(model: SqlflowModel): string {
  const edges = tableEdges(model)
  const objs = new Map<string, DbObj>()
  for (const e of edges) { objs.set(e.sourceObj.id, e.sourceObj); objs.set(e.targetObj.id, e.targetObj) }
  const pos = layerObjects([...objs.values()], edges.map((e) => [e.sourceObj.id, e.targetObj.id]), () => COL_H + TABLE_GAP)
  let out = HEADER
  for (const obj of objs.values()) {
    const p = pos.get(obj.id)!
    out += `    <node id="n${xmlEscape(obj.id)}"><data key="d0">${shapeNode(objectLabel(obj), p.layer * LAYER_GAP, p.y, COL_W, fillOf(obj))}</data>` +
      `<data key="d2">table</data><data key="d3">${xmlEscape(objectLabel(obj))}</data><data key="d4">${obj.type}</data></node>\n`
  }
  edges.forEach((e, i) => { out += edge(`e${i}`, `n${xmlEscape(e.sourceObj.id)}`, `n${xmlEscape(e.targetObj.id)}`, e.type, e.effectType ?? '') })
  return out + FOOTER
}

function columnGraphml(model: SqlflowModel): string {
  const edges = columnEdges(model)
  const objs = new Map<string, DbObj>()
  const cols = new Map<string, Map<string, string>>() // objId → column name → node id
  const colNode = (obj: DbObj, column: string): string => {
    objs.set(obj.id, obj)
    const m = cols.get(obj.id) ?? new Map<string, string>()
    cols.set(obj.id, m)
    if (!m.has(column)) m.set(column, `n${xmlEscape(obj.id)}::c${m.size}`)
    return m.get(column)!
  }
  const edgeXml: string[] = []
  edges.forEach((e, i) => {
    const s = colNode(e.sourceObj, e.source.column)
    const t = colNode(e.targetObj, e.target.column)
    edgeXml.push(edge(`e${i}`, s, t, e.relation.type, e.relation.effectType ?? ''))
  })
  const heightOf = (id: string): number => (cols.get(id)!.size * (COL_H + 6)) + 30
  const pairs = edges.map((e) => [e.sourceObj.id, e.targetObj.id] as [string, string])
  const pos = layerObjects([...objs.values()], pairs, (o) => heightOf(o.id) + TABLE_GAP)
  let out = HEADER
  for (const obj of objs.values()) out += groupXml(obj, pos.get(obj.id)!, cols.get(obj.id)!, heightOf(obj.id))
  return out + edgeXml.join('') + FOOTER
}

function groupXml(obj: DbObj, p: { layer: number; y: number }, columns: Map<string, string>, h: number): string {
  const x = p.layer * LAYER_GAP
  const label = objectLabel(obj)
  let xml = `    <node id="n${xmlEscape(obj.id)}" yfiles.foldertype="group"><data key="d0">${groupNode(label, x, p.y, h)}</data>` +
    `<data key="d2">table</data><data key="d3">${xmlEscape(label)}</data><data key="d4">${obj.type}</data>\n` +
    `      <graph edgedefault="directed" id="n${xmlEscape(obj.id)}:">\n`
  let row = 0
  for (const [name, id] of columns) {
    const y = p.y + 28 + row++ * (COL_H + 6)
    xml += `        <node id="${id}"><data key="d0">${shapeNode(name, x + 10, y, COL_W, fillOf(obj))}</data>` +
      `<data key="d2">column</data><data key="d3">${xmlEscape(`${label}.${name}`)}</data><data key="d5">${xmlEscape(name)}</data></node>\n`
  }
  return xml + '      </graph>\n    </node>\n'
}
