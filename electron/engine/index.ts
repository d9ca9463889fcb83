/**
 * The engine: an Electron utilityProcess (DESIGN.md, Processes) that runs the
 * core services on native DuckDB. Main sends it MessagePorts over
 * `process.parentPort` — its own privileged one and one per window — and each
 * is served by `attachPort`. This file only wires; the logic is in
 * port-handler.ts, which the tests drive with Node's own MessageChannel.
 */
import { createServices } from '../core/services'
import { parseEngineArgv, servicesOptionsFrom } from './args'
import { fromMessagePortMain, type MessagePortMainLike } from './port'
import { attachPort, attachUnavailable } from './port-handler'
import { isConnectMessage, isShutdownMessage } from './protocol'

/** `process.parentPort` of a utility process, typed here so this file need not import `electron`. */
interface ParentPortLike {
  on(
    event: 'message',
    listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void,
  ): unknown
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
if (!parentPort) throw new Error('The Focal engine runs only as an Electron utility process.')

const services = createServices(servicesOptionsFrom(parseEngineArgv(process.argv)))

/** Closes the open workspace (checkpointing it to one file), then exits. */
function shutdown(): void {
  void services
    .then((ready) => ready.close())
    .catch(() => undefined)
    .finally(() => process.exit(0))
}

// Only main can post on parentPort, so the role it names is trustworthy.
parentPort.on('message', ({ data, ports }) => {
  if (isShutdownMessage(data)) return shutdown()
  const [port] = ports
  if (!isConnectMessage(data) || !port || ports.length !== 1) return
  const adapted = fromMessagePortMain(port)
  services.then(
    (ready) => attachPort(adapted, ready, { privileged: data.role === 'main' }),
    (cause: unknown) => attachUnavailable(adapted, cause),
  )
})

process.once('SIGTERM', shutdown)

// A job that fails after its window has gone must not stop the engine every window shares.
process.on('unhandledRejection', (cause: unknown) => {
  console.error(
    `focal engine: unhandled error: ${cause instanceof Error ? cause.message : String(cause)}`,
  )
})
