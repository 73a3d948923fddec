// The lexer's tokens: kinds, upper-cased words, absolute positions, comments apart, line starts.
import t from 'tap'
import { tokenize, lexesDirectly } from '../../lineage/lexer/lexer.js'
import { dialectOf } from '../../lineage/dialects/spec.js'
import { VENDORS } from '../../lineage/dialects/vendors.js'

t.test('every dialect lexes through the direct token hook (a Chevrotain upgrade must not lose it silently)', async (t) => {
  for (const v of VENDORS) t.ok(lexesDirectly(dialectOf(v)), v)
})

t.test('tokens carry kind, upper, absolute offsets, lines and columns', async (t) => {
  const sql = "select a -- one\n  from \"T\" /* two\nlines */ where x = 'it''s\nok';"
  const { tokens, comments, unterminated } = tokenize(sql, dialectOf('dbvpostgresql'), 100, 10)
  const row = (k: typeof tokens[number]) => [k.kind, k.image, k.upper, k.start, k.end, k.line, k.col, k.eline, k.ecol, k.bol]
  t.same(tokens.map(row), [
    ['word', 'select', 'SELECT', 100, 106, 10, 1, 10, 7, true],
    ['word', 'a', 'A', 107, 108, 10, 8, 10, 9, false],
    ['word', 'from', 'FROM', 118, 122, 11, 3, 11, 7, true],
    ['qident', '"T"', '"T"', 123, 126, 11, 8, 11, 11, false],
    ['word', 'where', 'WHERE', 143, 148, 12, 10, 12, 15, true],
    ['word', 'x', 'X', 149, 150, 12, 16, 12, 17, false],
    ['op', '=', '=', 151, 152, 12, 18, 12, 19, false],
    ['string', "'it''s\nok'", "'it''s\nok'", 153, 163, 12, 20, 13, 4, false],
    // a line start is the first token after the last token's end line: the string ended on line 13
    ['punct', ';', ';', 163, 164, 13, 4, 13, 5, false],
  ])
  t.same(comments.map((c) => [c.image, c.start, c.line, c.col, c.eline, c.ecol]), [
    ['-- one', 109, 10, 10, 10, 16],
    ['/* two\nlines */', 127, 11, 12, 12, 9],
  ])
  t.same(unterminated, [])
})

t.test('an unterminated comment and string are reported', async (t) => {
  const { tokens, unterminated } = tokenize("select 'abc /* x", dialectOf('dbvpostgresql'))
  t.equal(tokens[tokens.length - 1].kind, 'bad')
  t.same(tokenize('select 1 /* open', dialectOf('dbvpostgresql')).unterminated.map((c) => c.image), ['/* open'])
  t.same(unterminated, [])
})

t.test('words from the word cache keep their own image and upper case (colliding, repeated, mixed-case and non-ASCII words)', async (t) => {
  // more distinct words than the cache has slots, each repeated in other cases, so slots are shared and overwritten
  const words: string[] = []
  for (let i = 0; i < 9000; i++) words.push(`c${i.toString(36)}_x`, `C${i.toString(36)}_X`, `Ab${i % 97}`, 'select', 'SELECT', 'émile', 'MyTable$')
  const sql = words.join(' ')
  for (const v of ['dbvpostgresql', 'dbvmssql', 'dbvoracle']) {
    const { tokens } = tokenize(sql, dialectOf(v as 'dbvpostgresql'))
    t.equal(tokens.length, words.length, v)
    let bad = 0
    for (let i = 0; i < tokens.length; i++) {
      const k = tokens[i]
      if (k.image !== sql.slice(k.start, k.end) || k.image !== words[i] || k.upper !== words[i].toUpperCase()) bad++
    }
    t.equal(bad, 0, `${v}: every token's image is its text and upper its upper case`)
  }
})
