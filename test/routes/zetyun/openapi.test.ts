// /docs covers both families: every Koodrive and Zetyun route, tagged, summarised, with request
// examples, 200 schemas and the family's error envelope.
import t from 'tap'
import { buildApp } from '../../helpers/build-app.js'

const KD = '/koodrive/ose/v1/session'
const ROUTES: Array<[string, string, 'koodrive' | 'zetyun']> = [
  [KD, 'post', 'koodrive'], [`${KD}/authCodeURL`, 'get', 'koodrive'], [`${KD}/refresh`, 'post', 'koodrive'], [`${KD}/auth`, 'get', 'koodrive'],
  [`${KD}/logoff`, 'get', 'koodrive'], [`${KD}/oauth2/authorize`, 'get', 'koodrive'], [`${KD}/oauth2/authorize`, 'post', 'koodrive'],
  ['/user', 'post', 'zetyun'], ['/user', 'get', 'zetyun'], ['/user/login', 'post', 'zetyun'], ['/user/gentoken', 'post', 'zetyun'],
  ['/tf/module/list', 'get', 'zetyun'], ['/tf/module/tags', 'get', 'zetyun'], ['/tf/module/{id}', 'get', 'zetyun'], ['/tf/module', 'post', 'zetyun'],
  ['/tf/module/{id}', 'put', 'zetyun'], ['/tf/module/{id}', 'delete', 'zetyun'], ['/projects', 'get', 'zetyun'], ['/projects', 'post', 'zetyun'],
  ['/projects/{id}', 'get', 'zetyun'], ['/tf/job/run/{projectId}', 'post', 'zetyun'], ['/tf/job/status/{id}', 'get', 'zetyun'],
  ['/tf/job/onlystatus/{id}', 'get', 'zetyun'], ['/tf/job/list', 'get', 'zetyun'], ['/tf/job/stop/{id}', 'post', 'zetyun'],
  ['/tf/job/log/{id}', 'get', 'zetyun'], ['/tf/job/output/{id}', 'get', 'zetyun'],
]

t.test('the OpenAPI document describes the Koodrive and Zetyun APIs', async (t) => {
  const app = await buildApp(t)
  const res = await app.inject({ method: 'GET', url: '/docs/json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  t.ok(doc.tags.some((x: { name: string }) => x.name === 'koodrive'))
  t.ok(doc.tags.some((x: { name: string }) => x.name === 'zetyun'))
  for (const [path, method, tag] of ROUTES) {
    const op = doc.paths[path]?.[method]
    t.ok(op, `${method.toUpperCase()} ${path} is documented`)
    if (op === undefined) continue
    t.same(op.tags, [tag], `${path} tag`)
    t.ok(op.summary?.length > 10, `${path} summary`)
    if (!path.includes('oauth2')) {
      t.ok(op.responses['200'], `${path} 200 schema`)
      t.ok(op.responses['400'] ?? op.responses['401'], `${path} error envelope`)
    }
  }
  const example = (path: string, method: string) => doc.paths[path][method].requestBody.content['application/json'].example
  t.same(Object.keys(example(KD, 'post')).sort(), ['code', 'domain'])
  t.same(Object.keys(example('/user', 'post')).sort(), ['email', 'name', 'password'])
  t.ok(doc.paths['/user'].post.requestBody.content['application/x-www-form-urlencoded'], 'POST /user documents the form body')
  t.equal(example('/tf/job/run/{projectId}', 'post').name, 'nightly lineage')
  t.equal(example('/projects', 'post').workflow[0].moduleId, 1)
  const session200 = JSON.stringify(doc.paths[KD].post.responses['200'])
  t.match(session200, /Bearer [0-9a-f]{48}/, 'the session answer shows an example token shape')
  const header = doc.paths[KD].post.parameters.find((p: { name: string }) => p.name === 'x-traceid')
  t.equal(header.example.length, 58, 'the X-Traceid example has the documented length')
  t.match(JSON.stringify(doc.paths['/tf/module/list'].get.parameters), /order_key/)
  t.ok(doc.paths[`${KD}/auth`].get.security.some((s: Record<string, unknown>) => 'bearer' in s))
  t.ok(doc.paths['/tf/job/list'].get.security.some((s: Record<string, unknown>) => 'accessToken' in s))
})
