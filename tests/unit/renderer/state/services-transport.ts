/**
 * A transport over in-process core services, as the web host answers the page: each channel
 * calls its handler. `hostless` names host methods this host lacks (they read null, as the
 * web host's do); `afterAnswer` may hold an answer back, to test which answer a slice keeps.
 */
import type { FocalServices } from '../../../../electron/core/host'
import type { FocalTransport } from '../../../../renderer/src/api/transport'

/** The transport; see the module comment for its options. */
export function servicesTransport(
  services: FocalServices,
  options: {
    hostless?: readonly string[]
    afterAnswer?: (name: string, request: unknown) => Promise<void> | void
  } = {},
): FocalTransport {
  const call = (name: string, request: unknown): unknown =>
    (services as unknown as Record<string, (r: unknown) => unknown>)[name]?.(request)
  return new Proxy(
    {},
    {
      get: (_target, name: string) =>
        options.hostless?.includes(name)
          ? null
          : async (request: unknown): Promise<unknown> => {
              const answer = await call(name, request)
              await options.afterAnswer?.(name, request)
              return answer
            },
    },
  ) as unknown as FocalTransport
}
