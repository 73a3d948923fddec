// `fastify.users`: SQLFlow users and secret keys. With Redis the users live in the KvStore; in
// embedded mode in USERS_FILE, so the CLI (another process) and the server share them.
import fp from 'fastify-plugin'
import { isAbsolute, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from '../../config.js'
import type { KvStore } from '../../services/ports.js'
import { FileUserRepo } from '../../services/user-file-repo.js'
import { KvUserRepo, UsersService, type UserRepo } from '../../services/users.js'

declare module 'fastify' {
  interface FastifyInstance { users: UsersService }
}

/** Shared with the CLI so both resolve the same repository for the same environment. */
export function createUserRepo (config: Pick<AppConfig, 'redisUrl' | 'usersFile'>, store: KvStore): UserRepo {
  if (config.redisUrl !== null || config.usersFile === null) return new KvUserRepo(store)
  const path = isAbsolute(config.usersFile) ? config.usersFile : resolve(process.cwd(), config.usersFile)
  return new FileUserRepo(path)
}

export default fp(async function usersPlugin (fastify: FastifyInstance) {
  fastify.decorate('users', new UsersService(createUserRepo(fastify.config, fastify.store)))
}, { name: 'users', dependencies: ['config', 'store'] })
