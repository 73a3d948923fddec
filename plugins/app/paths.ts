// Runtime files (package.json, static viewer assets, fixtures) are found from the project root, which
// is the first ancestor of this module holding package.json. That works the same from source
// (tsx: ./plugins/app) and from the build (dist/plugins/app), since dist/ has no package.json.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

export function projectRoot (): string {
  if (root !== undefined) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
  root = dir
  return dir
}

/** Absolute path of a file under the project root, e.g. fromRoot('public', 'index.html'). */
export function fromRoot (...segments: string[]): string {
  return join(projectRoot(), ...segments)
}

let pkg: { name: string, version: string } | undefined
export function packageInfo (): { name: string, version: string } {
  pkg ??= JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { name: string, version: string }
  return pkg
}
