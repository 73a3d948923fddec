// /version (C# --version, widget) and /license (widget) — spec §2.1.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { VENDORS } from '../../lineage/index.js'
import { packageInfo } from '../../plugins/app/paths.js'
import { SqlflowEnvelope, SqlflowParamsSchema } from '../../schemas/sqlflow-common.js'

/** Bumped with each release; clients only display it. */
export const RELEASE_DATE = '2025-11-23'

const VersionPart = Type.Object({ version: Type.String(), 'release.date': Type.String() })
const VersionResponse = Type.Object({
  code: Type.Integer(),
  version: Type.Object({ gsp: VersionPart, backend: VersionPart }),
})

const LicenseData = Type.Object({
  'Supported databases': Type.String({ description: 'comma list of vendor names without the dbv prefix' }),
  'Product name': Type.String(),
  'Product version': Type.String(),
  'Purchase date': Type.String(),
  'Customer company name': Type.String(),
  'Customer contact email': Type.String(),
  'Product license': Type.String(),
})

export default async function miscRoutes (fastify: FastifyInstance): Promise<void> {
  const { name, version } = packageInfo()

  fastify.sqlflowRoute({
    method: ['GET', 'POST'],
    url: '/version',
    summary: 'Engine and backend versions',
    description: 'Read by the C# client as version.gsp.version, version.backend[\'release.date\'], …',
    params: SqlflowParamsSchema({}),
    response: VersionResponse,
    handler: async () => ({
      code: 200,
      version: {
        gsp: { version, 'release.date': RELEASE_DATE },
        backend: { version, 'release.date': RELEASE_DATE },
      },
    }),
  })

  fastify.sqlflowRoute({
    method: ['GET', 'POST'],
    url: '/license',
    summary: 'License summary the widget reads its vendor list from',
    params: SqlflowParamsSchema({}),
    response: SqlflowEnvelope(LicenseData),
    handler: async () => ({
      code: 200,
      data: {
        'Supported databases': VENDORS.map((v) => v.slice(3)).join(','),
        'Product name': name,
        'Product version': version,
        'Purchase date': '',
        'Customer company name': '',
        'Customer contact email': '',
        'Product license': 'Apache-2.0 (open source, no license key)',
      },
    }),
  })
}
