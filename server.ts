// Process entry: config → Fastify → listen; graceful shutdown on SIGINT/SIGTERM (stop accepting,
// finish in-flight requests, close Redis via onClose hooks).
import Fastify from 'fastify'
import closeWithGrace from 'close-with-grace'
import app, { fastifyOptions } from './app.js'
import { ConfigError, loadConfig } from './config.js'

async function main (): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`lineage-gateway: ${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  const server = Fastify(fastifyOptions(config))
  await server.register(app, { config })

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err !== undefined) server.log.error({ err }, 'fatal error, shutting down')
    else server.log.info({ signal }, 'shutting down')
    await server.close()
  })

  if (config.jwtSecretGenerated) {
    server.log.warn('JWT_SECRET is not set: using a random secret for this process. Tokens stop working on restart ' +
      'and are not accepted by other processes; set JWT_SECRET for multi-process or long-lived deployments.')
  }
  await server.listen({ port: config.port, host: config.host })
  server.log.info({ authMode: config.authMode, store: server.store.kind }, `lineage-gateway ready: http://${config.host}:${config.port}/docs`)
}

main().catch((err: unknown) => {
  process.stderr.write(`lineage-gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
