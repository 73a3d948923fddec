// Exporters shared by the API, the job exports and the CLI (`--format json|csv|graphml|openlineage`).
// Pure functions of a SqlflowModel: project the model first (projectModel) to choose what is shown.
export { DEFAULT_NAME, TABLE_COLUMN, qualify, splitIdentifier, tableEdges, columnEdges, type TableEdge, type ColumnEdge } from './common.js'
export { toCsv, csvRows, parseCsv, parseDelimiter, CSV_COLUMNS, type CsvOptions, type CsvRow } from './csv.js'
export { toLineageJson, toFullLineageJson, tableLevelRelations, type LineageJson, type LineageJsonOptions } from './json.js'
export { toGraphml, type GraphmlOptions } from './graphml.js'
export {
  toOpenLineageEvents, toOpenLineageNdjson, defaultNamespace, OL_SCHEMA, OL_PRODUCER,
  type OpenLineageOptions, type OlRunEvent, type OlDataset, type OlInputField,
} from './openlineage.js'
export type { OlTransformation } from './ol-transform.js'
