// `lineage-gateway koodrive-user …` (see cli/identities.ts)
import { run as runIdentity } from './identities.js'

export const run = (args: string[]): Promise<number> => runIdentity(args, 'koodrive-user')
