import { test, type Test } from 'tap'
import { defaultUploadLimits, expandUploads, UploadError, uploadLimitsFromEnv } from '../../../services/uploads/index.js'
import { buildZip, renameInZip } from '../../helpers/zip.js'

const limits = { ...defaultUploadLimits }
const part = (filename: string, data: string | Buffer) => ({ filename, data: typeof data === 'string' ? Buffer.from(data) : data })

async function refused(t: Test, p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e)
  t.ok(err instanceof UploadError, 'an UploadError')
  t.match((err as Error).message, pattern)
}

test('plain parts, folders in a zip, nested zip, skipped files with notes', async (t) => {
  const inner = await buildZip([{ name: 'x.sql', data: 'select 1' }])
  const zip = await buildZip([
    { name: 'staging/a.sql', data: 'create table a (x int);' },
    { name: 'marts/b', data: 'insert into b select x from a;' },
    { name: 'docs/readme.md', data: '# not sql' },
    { name: 'bin/blob.sql', data: Buffer.from([1, 0, 2, 3]) },
    { name: '.git/config', data: 'x' },
    { name: 'nested.zip', data: inner, compress: false },
    { name: 'empty/', data: '' },
  ])
  const out = await expandUploads([part('1700000000', 'select 2'), part('wh.zip', zip), part('1700000000', 'select 3'), part('blank', '')], limits)
  t.same(out.fileNames, ['1700000000', 'wh.zip', '1700000000 (2)'])
  t.same(out.files.map((f) => f.name), ['1700000000', 'wh.zip/staging/a.sql', 'wh.zip/marts/b', 'wh.zip/nested.zip/x.sql', '1700000000 (2)'])
  t.equal(out.files[1]!.text, 'create table a (x int);')
  t.same(out.notes.sort(), [
    'wh.zip/.git/config: skipped, hidden or system file',
    'wh.zip/bin/blob.sql: skipped, not a text file',
    'wh.zip/docs/readme.md: skipped, not a SQL file',
  ])
})

test('a zip sent without extension (PHP) is read as a zip; a BOM is dropped', async (t) => {
  const zip = await buildZip([{ name: 'q.sql', data: '\ufeffselect 1' }])
  const out = await expandUploads([part('1700000001', zip)], limits)
  t.same(out.files, [{ name: '1700000001/q.sql', text: 'select 1' }])
})

test('no file at all is refused', async (t) => {
  await refused(t, expandUploads([part('x', '')], limits), /sqlfiles is required/)
})

test('zip bomb: compression ratio above the limit', async (t) => {
  const zip = await buildZip([{ name: 'bomb.sql', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }])
  t.ok(zip.length < 100_000, 'really a bomb')
  await refused(t, expandUploads([part('b.zip', zip)], limits), /compression ratio above 200/)
})

test('zip bomb: total uncompressed bytes across entries', async (t) => {
  const entries = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.sql`, data: 'select 1;\n'.repeat(30_000), compress: false }))
  const zip = await buildZip(entries)
  await refused(t, expandUploads([part('big.zip', zip)], { ...limits, maxTotalBytes: 1_000_000 }), /expands beyond 1000000 bytes/)
})

test('zip slip: .. and absolute paths', async (t) => {
  const base = await buildZip([{ name: 'ok/evil.sql', data: 'select 1' }, { name: 'abcd/x.sql', data: 'select 2' }])
  await refused(t, expandUploads([part('s.zip', renameInZip(base, 'ok/evil.sql', '../evil.sql'))], limits), /escapes the archive/)
  await refused(t, expandUploads([part('s.zip', renameInZip(base, 'abcd/x.sql', '/etc/x.sql'))], limits), /escapes the archive/)
})

test('10 001 entries are refused before anything is inflated', async (t) => {
  const entries = Array.from({ length: 10_001 }, (_, i) => ({ name: `d/${i}.sql`, data: 's', compress: false }))
  await refused(t, expandUploads([part('many.zip', await buildZip(entries))], limits), /holds 10001 entries; the limit is 10000/)
})

test('an oversized file, as a part or as an entry', async (t) => {
  const small = { ...limits, maxFileBytes: 1024 * 1024 }
  await refused(t, expandUploads([part('huge.sql', Buffer.alloc(1024 * 1024 + 1, 0x41))], small), /huge\.sql is 1048577 bytes/)
  const zip = await buildZip([{ name: 'huge.sql', data: Buffer.alloc(1024 * 1024 + 1, 0x41), compress: false }])
  await refused(t, expandUploads([part('z.zip', zip)], small), /huge\.sql is 1048577 bytes uncompressed/)
})

test('a non-zip called .zip, and a truncated zip', async (t) => {
  await refused(t, expandUploads([part('fake.zip', 'select 1')], limits), /fake\.zip is not a zip archive/)
  const zip = await buildZip([{ name: 'a.sql', data: 'select 1' }])
  await refused(t, expandUploads([part('cut.zip', zip.subarray(0, zip.length - 10))], limits), /cut\.zip is not a readable zip archive/)
})

test('zips nested too deep are refused', async (t) => {
  const z1 = await buildZip([{ name: 'a.sql', data: 'select 1' }])
  const z2 = await buildZip([{ name: 'z1.zip', data: z1 }])
  const z3 = await buildZip([{ name: 'z2.zip', data: z2 }])
  await refused(t, expandUploads([part('z3.zip', z3)], limits), /nested deeper than 1/)
})

test('limits from the environment', async (t) => {
  t.equal(uploadLimitsFromEnv({ JOB_MAX_ENTRIES: '5' }).maxEntries, 5)
  t.throws(() => uploadLimitsFromEnv({ JOB_MAX_ENTRIES: 'many' }), /JOB_MAX_ENTRIES must be a non-negative integer/)
})
