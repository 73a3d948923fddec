// Synthetic SQL repositories for job benchmarks and slow-job tests: `files` files of roughly
// `bytesPerFile` each; every file creates a table and loads it from tables of earlier files, so
// lineage crosses files the way a real warehouse does.
export interface GeneratedFile { name: string; text: string }

function statement(f: number, k: number): string {
  const src = `t_${Math.max(0, f - 1 - (k % 3))}_${k % 4}`
  const other = `t_${Math.max(0, f - 2)}_${(k + 1) % 4}`
  return `INSERT INTO t_${f}_${k % 4} (id, amount, label, created_at)\n` +
    `SELECT a.id, SUM(a.amount) + COALESCE(MAX(b.amount), 0), UPPER(a.label), MIN(a.created_at)\n` +
    `FROM ${src} a LEFT JOIN ${other} b ON a.id = b.id\n` +
    `WHERE a.amount > ${k} AND a.label IS NOT NULL\nGROUP BY a.id, a.label;\n`
}

export function generateRepo(files: number, bytesPerFile: number): GeneratedFile[] {
  const out: GeneratedFile[] = []
  for (let f = 0; f < files; f++) {
    let text = ''
    for (let k = 0; k < 4; k++) text += `CREATE TABLE t_${f}_${k} (id INT, amount DECIMAL(12,2), label VARCHAR(40), created_at DATE);\n`
    for (let k = 0; text.length < bytesPerFile; k++) text += statement(f, k)
    out.push({ name: `repo/layer_${Math.floor(f / 100)}/model_${f}.sql`, text })
  }
  return out
}
