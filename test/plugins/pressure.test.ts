// Load shedding: while the event loop lags past MAX_EVENT_LOOP_DELAY_MS, requests get 503 in their
// family's envelope (SQLFlow: HTTP 200 + code 503) with the documented busy message.
import t from 'tap'
import { buildApp, form } from '../helpers/build-app.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
function block (ms: number): void {
  const end = Date.now() + ms
  while (Date.now() < end) { /* keep the event loop busy on purpose */ }
}

t.test('busy event loop → 503 envelope', async (t) => {
  const app = await buildApp(t, { authMode: 'onprem', maxEventLoopDelayMs: 100 })
  block(600)
  await sleep(20) // let the overdue sampler record the lag before the request arrives
  const [plain, sqlflow] = await Promise.all([
    app.inject({ method: 'GET', url: '/nothing' }),
    app.inject({ method: 'POST', url: '/gspLive_backend/version', ...form({ userId: 'gudu|0123456789' }) }),
  ])
  t.equal(plain.statusCode, 503)
  t.same(plain.json(), { code: 503, error: 'Sorry, the service is busy. Please try again later.' })
  t.equal(plain.headers['retry-after'], '10')
  t.equal(sqlflow.statusCode, 200)
  t.same(sqlflow.json(), { code: 503, error: 'Sorry, the service is busy. Please try again later.' })
  await sleep(400) // lag gone after the next samples
  const after = await app.inject({ method: 'POST', url: '/gspLive_backend/version', ...form({ userId: 'gudu|0123456789' }) })
  t.equal(after.json().code, 200)
})
