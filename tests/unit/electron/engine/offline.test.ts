/**
 * The engine opens no network connection (DESIGN.md, Security baseline): on
 * the real DuckDB, opened exactly as the core services open every workspace,
 * a URL to a loopback server started here fails at once because httpfs is
 * neither built in nor loadable, the server receives nothing, and the offline
 * settings cannot be switched back on. The renderer side of the same promise
 * is network-policy.test.ts.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { createServices } from '../../../../electron/core/services'
import { Workspace } from '../../../../electron/core/workspace/workspace'
import { answerRequest } from '../../../../electron/engine/port-handler'
import { tempDir } from '../../../helpers/paths'

let ws: Workspace
let reader: DuckDBConnection
/** A loopback server that answers a valid CSV to anything, so a request that got through would succeed. */
let server: Server
let base: string
const requests: string[] = []

beforeAll(async () => {
  ws = await Workspace.open(join(tempDir('focal-offline-'), 'offline.focal'), { create: true })
  reader = await ws.reader()
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    response.writeHead(200, { 'Content-Type': 'text/csv' })
    response.end('BilledCost,BillingCurrency\n1.50,USD\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  reader.closeSync()
  ws.close()
  await new Promise((resolve) => server.close(resolve))
})

async function failure(sql: string, connection?: DuckDBConnection): Promise<{ message: string }> {
  try {
    await ws.all(sql, undefined, connection)
  } catch (cause) {
    return { message: cause instanceof Error ? cause.message : String(cause) }
  }
  throw new Error(`expected ${sql} to fail`)
}

describe('engine offline by configuration', () => {
  it('the loopback server answers a plain client, so silence below means Focal never asked', async () => {
    const response = await fetch(`${base}/probe.csv`)
    expect(await response.text()).toBe('BilledCost,BillingCurrency\n1.50,USD\n')
    expect(requests.splice(0)).toEqual(['GET /probe.csv'])
  })

  it.each([
    (url: string) => `SELECT * FROM read_csv('${url}/x.csv')`,
    (url: string) => `SELECT * FROM read_csv_auto('${url}/x.csv')`,
    (url: string) => `SELECT * FROM read_parquet('${url}/x.parquet')`,
    (url: string) => `SELECT * FROM read_json('${url}/x.json')`,
    (url: string) => `SELECT * FROM '${url}/x.csv'`,
  ])('refuses a loopback URL without sending it a request (%#)', async (query) => {
    for (const connection of [undefined, reader]) {
      const { message } = await failure(query(base), connection)
      // Refused before any extension is looked for: a workspace's DuckDB reaches no path but its gate folder.
      expect(message).toMatch(/file system operations are disabled by configuration/)
    }
    expect(requests).toEqual([])
  })

  it('does not load httpfs on the way, and cannot load it or look for it on disk', async () => {
    expect((await failure(`SELECT * FROM read_csv('${base}/x.csv')`)).message).toMatch(
      /disabled by configuration/,
    )
    expect((await failure('LOAD httpfs')).message).toMatch(/external extensions is disabled/)
    // Even the extension folder is out of reach of workspace SQL.
    expect((await failure('SELECT * FROM duckdb_extensions()')).message).toMatch(
      /Cannot access directory .*extensions.* disabled by configuration/,
    )
    expect(requests).toEqual([])
  })

  it('has extension autoinstall and autoload off, and the configuration locked', async () => {
    const [settings] = await ws.all(
      "SELECT current_setting('autoinstall_known_extensions') AS install, current_setting('autoload_known_extensions') AS load, current_setting('lock_configuration') AS locked",
    )
    expect(settings).toEqual({ install: false, load: false, locked: true })
    const { message } = await failure('SET autoload_known_extensions = true')
    expect(message).toMatch(/configuration has been locked/)
    expect(
      (await failure('SET GLOBAL autoinstall_known_extensions = true', reader)).message,
    ).toMatch(/locked/)
  })

  it('has no network extension loaded or installed (checked on a plain instance with the same options)', async () => {
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    })
    const connection = await instance.connect()
    try {
      await connection.run(`SELECT * FROM read_csv('${base}/x.csv')`).catch(() => undefined)
      const rows = (
        await connection.runAndReadAll(
          "SELECT extension_name AS name, loaded, installed FROM duckdb_extensions() WHERE extension_name IN ('httpfs', 'aws', 'azure')",
        )
      ).getRowObjectsJson()
      expect(rows.map((row) => row.name)).toContain('httpfs')
      for (const row of rows) expect(row).toMatchObject({ loaded: false, installed: false })
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
    expect(requests).toEqual([])
  })

  it('keeps external access off on every connection of a workspace', async () => {
    const [setting] = await ws.all(
      "SELECT current_setting('enable_external_access') AS external",
      undefined,
      reader,
    )
    expect(setting).toEqual({ external: false })
  })

  it('cannot be handed a URL through the services: staging takes a local path, never fetches it', async () => {
    const dir = tempDir('focal-offline-services-')
    const services = await createServices({
      workspacesDir: join(dir, 'w'),
      scratchDir: join(dir, 's'),
      sampleFile: null,
      host: 'electron',
      version: 'test',
    })
    try {
      const staged = await answerRequest(
        services,
        'host:stageFile',
        { path: `${base}/x.csv`, name: 'x.csv' },
        { privileged: true },
      )
      expect(staged.ok).toBe(false)
      expect(requests).toEqual([])
    } finally {
      await services.close()
    }
  })
})
