#!/usr/bin/env node
// `lineage-gateway` bin: a small dispatcher. Each subcommand is its own module exporting
// `run(args): Promise<number>` (the exit code) and is loaded only when invoked.
// To add one: create cli/<name>.ts and add a line to `commands` below.

export interface Subcommand {
  run(args: string[]): Promise<number>
}

const commands: Record<string, { summary: string, load: () => Promise<Subcommand> }> = {
  analyze: { summary: 'analyse SQL files, folders or zips offline: analyze <path>... --vendor <dbvendor> --format json|csv|graphml|openlineage', load: () => import('./analyze.js') },
  user: { summary: 'manage SQLFlow users: user create|rotate-key|delete <userId>, user list', load: () => import('./user.js') },
  'koodrive-code': { summary: 'mint a one-time Koodrive authorization code: koodrive-code <userName> --domain <d>', load: () => import('./code.js') },
  'koodrive-user': { summary: 'create a Koodrive tenant user: koodrive-user <userName> --org <org> [--role 0|1|2]', load: () => import('./koodrive-user.js') },
  'zetyun-admin': { summary: 'create a Zetyun tenant admin, print its X-Access-Token: zetyun-admin <name> --email <e>', load: () => import('./zetyun-admin.js') },
}

function usage (): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  return `usage: lineage-gateway <command> [args]\n\ncommands:\n${lines.join('\n')}\n\nRun "lineage-gateway <command> --help" for details.\n`
}

export async function main (argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name === undefined ? 2 : 0
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (command === undefined) {
    process.stderr.write(`lineage-gateway: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  return await (await command.load()).run(rest)
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code }, (err: unknown) => {
  process.stderr.write(`lineage-gateway: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
})
