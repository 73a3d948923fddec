// The `coordinates` parameter of getSelectedDbObjectInfo (spec §6.3), parsed leniently: the docs'
// single-quoted flat list of points (consecutive start/end pairs) and the widget's JSON list of
// [start, end] pairs. A point is {x, y, hashCode?} or an [x, y, hashCode?] triple (the XML form).
import { SqlflowError } from '../../../plugins/app/sqlflow/index.js'

export interface Point { x: number, y: number, hashCode: string }
export interface Span { start: Point, end: Point }

const bad = (why: string): SqlflowError => new SqlflowError(400, `coordinates: ${why}; expected a JSON array such as ` +
  '[{"x":1,"y":8,"hashCode":"0"},{"x":1,"y":12,"hashCode":"0"}] or [[{"x":1,"y":8},{"x":1,"y":12}]]', 'BAD_PARAM')

function parseJson (raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    try {
      // the docs' pseudo-JSON: [{'x':1,'y':8,'hashCode':'0'}]
      return JSON.parse(raw.replace(/'/g, '"'))
    } catch {
      throw bad('not valid JSON')
    }
  }
}

const isPointArray = (v: unknown): v is unknown[] => Array.isArray(v) && typeof v[0] === 'number'

function point (v: unknown): Point {
  const [x, y, h] = isPointArray(v) ? v : [(v as Record<string, unknown>)?.x, (v as Record<string, unknown>)?.y, (v as Record<string, unknown>)?.hashCode]
  const nx = Number(x)
  const ny = Number(y)
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) throw bad(`a point needs positive integer x and y, got ${JSON.stringify(v)?.slice(0, 60)}`)
  return { x: nx, y: ny, hashCode: h === undefined || h === null || h === '' ? '0' : String(h) }
}

export function parseCoordinates (raw: string): Span[] {
  const value = parseJson(raw.trim())
  if (!Array.isArray(value) || value.length === 0) throw bad('an empty or non-array value')
  // a pair is a two-element list of points; a flat list holds the points themselves
  const pairs = value.every((v) => Array.isArray(v) && !isPointArray(v))
  const points = pairs ? (value as unknown[][]).flatMap((pair) => {
    if (pair.length !== 2) throw bad('every pair needs exactly a start and an end point')
    return pair
  }) : value
  if (points.length % 2 !== 0) throw bad('a flat list needs an even number of points (start, end, start, end…)')
  const spans: Span[] = []
  for (let i = 0; i < points.length; i += 2) spans.push({ start: point(points[i]), end: point(points[i + 1]) })
  if (spans.length > 10_000) throw bad('more than 10000 spans')
  return spans
}
