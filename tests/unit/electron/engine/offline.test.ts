/**
 * The engine opens no network connection (DESIGN.md, Security baseline): on
 * the real DuckDB, opened exactly as the core services open every workspace,
 * a remote URL fails at once because httpfs is neither built in nor
 * loadable, and the offline settings cannot be switched back on. The
 * renderer side of the same promise is network-policy.test.ts.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDBConnection } from '@duckdb/node-api'
import { createServices } from '../../../../electron/core/services'
import { Workspace } from '../../../../electron/core/workspace/workspace'
import { answerRequest } from '../../../../electron/engine/port-handler'
import { tempDir } from '../../../helpers/paths'

let ws: Workspace
let reader: DuckDBConnection

beforeAll(async () => {
  ws = await Workspace.open(join(tempDir('focal-offline-'), 'offline.focal'), { create: true })
  reader = await ws.reader()
})

afterAll(() => {
  reader.closeSync()
  ws.close()
})

async function failure(
  sql: string,
  connection?: DuckDBConnection,
): Promise<{ message: string; ms: number }> {
  const started = performance.now()
  try {
    await ws.all(sql, undefined, connection)
  } catch (cause) {
    return {
      message: cause instanceof Error ? cause.message : String(cause),
      ms: performance.now() - started,
    }
  }
  throw new Error(`expected ${sql} to fail`)
}

describe('engine offline by configuration', () => {
  it.each([
    "SELECT * FROM read_csv('https://example.com/x.csv')",
    "SELECT * FROM read_parquet('s3://bucket/costs.parquet')",
    "SELECT * FROM read_json('http://169.254.169.254/latest/meta-data')",
  ])('refuses %s at once, before any I/O', async (sql) => {
    for (const connection of [undefined, reader]) {
      const { message, ms } = await failure(sql, connection)
      expect(message).toMatch(/requires the extension httpfs to be loaded/)
      // Refused while binding the query: no DNS lookup, no socket.
      expect(ms).toBeLessThan(250)
    }
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

  it('has no network extension loaded or installed', async () => {
    const rows = await ws.all(
      "SELECT extension_name AS name, loaded, installed FROM duckdb_extensions() WHERE extension_name IN ('httpfs', 'aws', 'azure')",
    )
    expect(rows.map((row) => row.name)).toContain('httpfs')
    for (const row of rows) expect(row).toMatchObject({ loaded: false, installed: false })
  })

  it('cannot be handed a URL through the services: staging stats a local path only', async () => {
    const dir = tempDir('focal-offline-services-')
    const services = await createServices({
      workspacesDir: join(dir, 'w'),
      scratchDir: join(dir, 's'),
      sampleFile: null,
      host: 'electron',
      version: 'test',
    })
    const started = performance.now()
    const result = await answerRequest(
      services,
      'host:stageFile',
      { path: 'https://example.com/x.csv', name: 'x.csv' },
      {
        privileged: true,
      },
    )
    expect(result.ok).toBe(false)
    expect(performance.now() - started).toBeLessThan(250)
    await services.close()
  })
})
