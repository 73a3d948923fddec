// Sizes and labels the published graphs use (spec §5). The widget reads only table x/y/width and the
// number of rows, but our own viewer and the tests rely on the full set of invariants below.
import type { Label } from './types.js'

export const TABLE_WIDTH = 162
export const TABLE_BASE_HEIGHT = 25.96875
export const ROW_HEIGHT = 16
export const ROW_WIDTH = 160
/** first row's offset below the table's top edge */
export const ROW_OFFSET = 21.96875
export const TABLE_LABEL_HEIGHT = 17.96875
export const ROW_LABEL_HEIGHT = 13.96875
/** labels longer than this are shortened to first10 + "..." + last12 */
export const MAX_LABEL = 25

/** Rough text width of 12px Segoe UI: enough for a layout engine, never used for drawing. */
const CHAR_WIDTH = 6.5

export function tableHeight (rows: number): number {
  return TABLE_BASE_HEIGHT + ROW_HEIGHT * rows
}

/** The displayed form of a name: unchanged up to 25 characters, else first 10 + "..." + last 12. */
export function shortenLabel (full: string): string {
  const chars = [...full]
  if (chars.length <= MAX_LABEL) return full
  return chars.slice(0, 10).join('') + '...' + chars.slice(-12).join('')
}

/** Build a label; records short → full in the tooltip when the name had to be shortened. */
export function makeLabel (full: string, box: { x: number, y: number, width: number }, height: number,
  tooltip: Record<string, string>): Label {
  const content = shortenLabel(full)
  if (content !== full) tooltip[content] = full
  return {
    content,
    fontFamily: 'Segoe UI Symbol',
    fontSize: '12',
    x: box.x + 4,
    y: box.y + 2,
    width: Math.min(box.width - 8, Math.ceil([...content].length * CHAR_WIDTH)),
    height,
  }
}
