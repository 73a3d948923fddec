// Validation for the Koodrive and Zetyun route contexts, straight from the TypeBox schemas and with
// no type coercion: `code: 123` or `code: ["…"]` must be a 400, not silently turned into a string.
// Numbers in query strings and params are therefore declared as digit-pattern strings.
// Bodies lose unknown fields (spec §C removeAdditional), so they can never reach a record.
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'

const compiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema)
  return (data: unknown) => {
    if (check.Check(data)) return { value: httpPart === 'body' ? Value.Clean(schema, data) : data }
    const [first] = check.Errors(data)
    const where = `${httpPart ?? 'request'}${first?.instancePath ?? ''}`
    return { error: new Error(`${where} ${first?.message ?? 'is invalid'}`) }
  }
}

export function useStrictValidation (fastify: FastifyInstance): void {
  fastify.setValidatorCompiler(compiler)
}

/** Log lines of these routes carry the path only: query strings may hold secrets pasted by clients. */
export function pathOnlyRequestLogs (fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    route.logSerializers = {
      ...route.logSerializers,
      req: (req: { method?: string, url?: string, ip?: string }) => ({ method: req.method, url: (req.url ?? '').split('?')[0], remoteAddress: req.ip }),
    }
  })
}
