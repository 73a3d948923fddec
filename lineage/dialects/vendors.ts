// The dbvendor values the API accepts (spec §1.5) and the aliases mapped onto them.
export const VENDORS = [
  'dbvoracle', 'dbvmssql', 'dbvmysql', 'dbvpostgresql', 'dbvsnowflake', 'dbvbigquery', 'dbvhive',
  'dbvredshift', 'dbvteradata', 'dbvdb2', 'dbvgreenplum', 'dbvhana', 'dbvimpala', 'dbvnetezza',
  'dbvsybase', 'dbvvertica', 'dbvinformix', 'dbvcouchbase', 'dbvopenedge', 'dbvmdx',
] as const

export type Vendor = (typeof VENDORS)[number]

export const VENDOR_ALIASES: Readonly<Record<string, Vendor>> = {
  dbvsqlserver: 'dbvmssql',
  dbvazuresql: 'dbvmssql',
  dbvansi: 'dbvpostgresql',
  dbvsparksql: 'dbvhive',
  dbvdatabricks: 'dbvhive',
  dbvathena: 'dbvhive',
  dbvpresto: 'dbvhive',
  dbvgaussdb: 'dbvpostgresql',
}

export type VendorResolution = { ok: true; vendor: Vendor; requested: string } | { ok: false; error: string }

/** Case-insensitive; accepts the bare name too ("oracle", "sqlserver"), as the clients build "dbv"+name. */
export function resolveVendor(value: string | undefined | null): VendorResolution {
  const raw = (value ?? '').trim().toLowerCase()
  if (!raw) return { ok: false, error: `dbvendor is required; accepted values: ${VENDORS.join(', ')}` }
  const name = raw.startsWith('dbv') ? raw : `dbv${raw}`
  if ((VENDORS as readonly string[]).includes(name)) return { ok: true, vendor: name as Vendor, requested: raw }
  const alias = VENDOR_ALIASES[name]
  if (alias) return { ok: true, vendor: alias, requested: raw }
  return {
    ok: false,
    error: `unknown dbvendor "${value}"; accepted values: ${[...VENDORS, ...Object.keys(VENDOR_ALIASES)].join(', ')}`,
  }
}
