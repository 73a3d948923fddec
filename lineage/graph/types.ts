// The diagram graph the SQLFlow widget draws (spec §5) and the /graph `data` around it (§6.1).
// Pure data: built in lineage/graph, serialised as-is by the HTTP layer.
import type { ModelOptions } from '../model/types.js'

export interface Label {
  content: string
  fontFamily: 'Segoe UI Symbol'
  fontSize: '12'
  x: number
  y: number
  width: number
  height: number
}

export interface GraphRow { id: string, label: Label, x: number, y: number, width: number, height: number }

export interface GraphNode {
  id: string
  label: Label
  x: number
  y: number
  width: number
  height: number
  columns: GraphRow[]
}

export interface GraphEdge { id: string, sourceId: string, targetId: string }

/** Generation A names the edge map `relationIdMap` ({e0:"fdd"}); generation C `relationshipIdMap` ({e0:[id, type]}). */
export interface Graph {
  elements: { tables: GraphNode[], edges: GraphEdge[] }
  tooltip: Record<string, string>
  listIdMap: Record<string, string[]>
  relationIdMap?: Record<string, string>
  relationshipIdMap?: Record<string, [string, string]>
}

export type Generation = 'A' | 'C'
export type GraphMode = 'global' | 'ignoreRecordSet' | 'summary'

/** Model options (§2.2) plus the options only the graph reads (§2.2.2, §4.15, §6.1). */
export interface GraphOptions extends ModelOptions {
  /** keep only columns that take part in a displayed relation (default true) */
  showLinkOnly: boolean
  /** table-level diagram: one row per node, one edge per node pair */
  hideColumn: boolean
  /** 'A' flat model + relationIdMap (default) | 'C' hierarchical model + relationshipIdMap */
  generation: Generation
  /** above this many distinct column pairs fall back to ignoreRecordSet, then to summary only */
  relationLimit: number
}

export interface MostRelationTable { database?: string, schema?: string, table: string }

export interface Summary {
  table: number
  view: number
  column: number
  /** generation A key; generation C uses `relationship` */
  relation?: number
  relationship?: number
  schema: number
  database: number
  /** generation C only */
  process?: number
  mostRelationTables: MostRelationTable[]
}

/** A database/schema/table[/column] selection (§6.2); undefined or "DEFAULT" levels match any. */
export interface Selection { database?: string, schema?: string, table?: string, column?: string }
