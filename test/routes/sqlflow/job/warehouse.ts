// A small warehouse in several folders: staging tables are created in one file, loaded into marts
// in others, and a report view in a third folder reads the marts (cross-file lineage).
import type { FastifyInstance } from 'fastify'
import { buildZip } from '../../../helpers/zip.js'
import { form, multipart, type Part } from '../../../helpers/build-app.js'

export const WAREHOUSE: Record<string, string> = {
  'warehouse/staging/customers.sql': 'CREATE TABLE stg_customers (id INT, name VARCHAR(100), country VARCHAR(2));\n',
  'warehouse/staging/orders.sql': 'CREATE TABLE stg_orders (id INT, customer_id INT, amount DECIMAL(10,2), status VARCHAR(10));\n',
  'warehouse/marts/dim_customer.sql': 'INSERT INTO dim_customer (customer_id, customer_name)\nSELECT c.id, c.name FROM stg_customers c;\n',
  'warehouse/marts/fct_sales.sql':
    "INSERT INTO fct_sales (customer_id, total_amount)\nSELECT o.customer_id, SUM(o.amount) FROM stg_orders o\nWHERE o.status = 'done' GROUP BY o.customer_id;\n",
  'warehouse/reports/v_customer_sales.sql':
    'CREATE VIEW v_customer_sales AS\nSELECT d.customer_name, f.total_amount\nFROM dim_customer d JOIN fct_sales f ON d.customer_id = f.customer_id;\n',
  'warehouse/README.md': '# not SQL\n',
}

export function warehouseZip(): Promise<Buffer> {
  return buildZip([{ name: 'warehouse/', data: '' }, ...Object.entries(WAREHOUSE).map(([name, data]) => ({ name, data }))])
}

export interface Caller { userId: string; token: string }

export async function caller(app: FastifyInstance, userId: string): Promise<Caller> {
  await app.users.create(userId)
  return { userId, token: app.auth.issueSqlflowToken(userId) }
}

export const URL_BASE = '/gspLive_backend/sqlflow/job'

export async function post(app: FastifyInstance, path: string, who: Caller, fields: Record<string, string>, files: Part[] = []) {
  const body = files.length
    ? multipart([...Object.entries({ ...fields, userId: who.userId, token: who.token }).map(([name, value]) => ({ name, value })), ...files])
    : form({ ...fields, userId: who.userId, token: who.token })
  return app.inject({ method: 'POST', url: `${URL_BASE}/${path}`, payload: body.payload, headers: body.headers })
}

/** Poll as the clients do (without their busy loop) until a final status. */
export async function waitFinished(app: FastifyInstance, who: Caller, jobId: string, ms = 60_000): Promise<Record<string, unknown>> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const res = await post(app, 'displayUserJobSummary', who, { jobId })
    const body = res.json()
    if (body.code !== 200) throw new Error(`summary answered ${JSON.stringify(body)}`)
    if (['success', 'partial_success', 'fail'].includes(body.data.status)) return body.data
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`job ${jobId} still unfinished after ${ms} ms`)
}

export const lc = (s: string): string => s.toLowerCase().replace(/["`[\]]/g, '')
