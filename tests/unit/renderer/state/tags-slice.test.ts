/**
 * tags-slice over real services on the sample data: the policy is read, an edit's answer
 * is the new policy and counts as fresh (no second read after its workspace:changed), and
 * a refused edit keeps its error for the screen while the policy stays as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
beforeEach(async () => {
  services = (await demoServices()).services
  store = createAppStore(transport())
  await store.getState().start()
  await store.getState().openSample()
})
afterEach(() => services.close())

/** The web host's transport, answered in-process by the same services. */
function transport(): FocalTransport {
  const extras = {
    subscribe: (event: string, listener: (payload: unknown) => void) =>
      services.onEvent((name, payload) => {
        if (name === event) listener(payload)
      }),
  }
  return new Proxy(extras, {
    get: (target, name: string) =>
      name in target
        ? target[name as keyof typeof target]
        : (request: unknown) =>
            (services as unknown as Record<string, (r: unknown) => unknown>)[name]?.(request),
  }) as unknown as FocalTransport
}

const aliasesOf = (canonical: string): string[] | undefined =>
  store
    .getState()
    .tags.policy?.groups.find((g) => g.canonical === canonical)
    ?.aliases.map((a) => a.key)

describe('tags slice', () => {
  it('reads the policy, and an edit leaves it fresh at the new data version', async () => {
    await store.getState().refreshTags()
    expect(store.getState().tags.version).toBe(store.getState().dataVersion)
    expect(aliasesOf('org')).toEqual(['org', ' org'])
    const before = store.getState().dataVersion
    expect(await store.getState().editTags({ action: 'split', key: ' org' })).toBe(true)
    const { tags, dataVersion } = store.getState()
    expect(dataVersion).toBe(before + 1)
    expect([tags.version, tags.edit.status]).toEqual([dataVersion, 'done'])
    expect(aliasesOf('org')).toEqual(['org'])
    expect(aliasesOf(' org')).toEqual([' org'])
  })

  it('keeps a refused edit as an error and the policy unchanged', async () => {
    await store.getState().refreshTags()
    const policy = store.getState().tags.policy
    expect(await store.getState().editTags({ action: 'merge', from: 'env', into: 'nope' })).toBe(
      false,
    )
    const { tags } = store.getState()
    expect(tags.edit.error?.message).toBe('No canonical tag key "nope".')
    expect(tags.policy).toBe(policy)
  })
})
