// A strict little XML reader for tests (no dependency): elements, attributes, text, the five
// entities. Throws on mismatched or unclosed tags, so parsing doubles as a well-formedness check.
export interface XmlElement { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string }

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const decode = (s: string): string => s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ENTITIES[e]!)

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' }
  const stack = [root]
  const re = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g
  let m: RegExpExecArray | null
  let pos = 0
  while ((m = re.exec(body))) {
    if (m.index !== pos) throw new Error(`malformed XML near offset ${pos}: ${body.slice(pos, pos + 40)}`)
    pos = re.lastIndex
    const top = stack[stack.length - 1]!
    if (m[5] !== undefined) { top.text += decode(m[5]); continue }
    if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`)
      stack.pop()
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!)
    const el: XmlElement = { name: m[2]!, attrs, children: [], text: '' }
    top.children.push(el)
    if (!m[4]) stack.push(el)
  }
  if (pos !== body.length || stack.length !== 1) throw new Error('unclosed XML element or trailing garbage')
  const elements = root.children
  if (elements.length !== 1) throw new Error('XML must have exactly one root element')
  return elements[0]!
}

export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (e: XmlElement): void => { if (e.name === name) out.push(e); e.children.forEach(walk) }
  walk(el)
  return out
}

export function dataOf(el: XmlElement, key: string): string | undefined {
  return el.children.find((c) => c.name === 'data' && c.attrs.key === key)?.text
}
