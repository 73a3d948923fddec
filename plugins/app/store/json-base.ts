/** JSON documents are strings under the hood: one definition on top of each adapter's get/set. */
export abstract class JsonKvStore {
  abstract get(key: string): Promise<string | null>
  abstract set(key: string, value: string, ttlSeconds?: number): Promise<void>

  async getJson<T>(key: string): Promise<T | null> {
    const raw = await this.get(key)
    return raw === null ? null : JSON.parse(raw) as T
  }

  async setJson (key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    await this.set(key, JSON.stringify(value), ttlSeconds)
  }
}

