/**
 * The local log (electron/core/log): JSON lines rotated at 1 MB keeping three files, and
 * error texts reduced to no path, quoted value or amount.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOG_ROTATE_BYTES, logEvent, openLog } from '../../../electron/core/log/focal-log'
import { redactLogText } from '../../../electron/core/log/log-redact'
import { tempDir } from '../../helpers/paths'

describe('logEvent', () => {
  it('rotates at 1 MB and keeps focal.log, focal.log.1 and focal.log.2', () => {
    const dataDir = tempDir('focal-log-')
    openLog(dataDir)
    const logs = join(dataDir, 'logs')
    // Each line is about 100 bytes: 40,000 lines fill about four files.
    for (let n = 0; n < 40_000; n += 1) logEvent('import.start', { file: `file-${n}.csv` })
    expect(readdirSync(logs).sort()).toEqual(['focal.log', 'focal.log.1', 'focal.log.2'])
    for (const name of readdirSync(logs))
      expect(statSync(join(logs, name)).size).toBeLessThanOrEqual(LOG_ROTATE_BYTES)
    const last = readFileSync(join(logs, 'focal.log'), 'utf8').trim().split('\n').at(-1) ?? ''
    expect(JSON.parse(last)).toMatchObject({ event: 'import.start', file: 'file-39999.csv' })
    // The oldest lines are gone with the fourth file.
    expect(readFileSync(join(logs, 'focal.log.2'), 'utf8')).not.toContain('"file-0.csv"')
    expect(existsSync(join(logs, 'focal.log.3'))).toBe(false)
  })

  it('writes an error as its code and a reduced message', () => {
    const dataDir = tempDir('focal-log-')
    openLog(dataDir)
    logEvent('error', {
      code: 'BAD_VALUE',
      message: "Row 12 of /home/ana/clients/acme/costs.csv: BilledCost '12.5x' is not 1234.56",
    })
    const line = JSON.parse(readFileSync(join(dataDir, 'logs', 'focal.log'), 'utf8'))
    expect(line).toMatchObject({
      event: 'error',
      code: 'BAD_VALUE',
      message: 'Row 12 of costs.csv: BilledCost … is not …',
    })
  })
})

describe('redactLogText', () => {
  it('keeps words, codes and short numbers, drops paths, quoted text and amounts', () => {
    expect(redactLogText('Cannot open file "C:\\Users\\ana\\bill.parquet" (code 5)')).toBe(
      'Cannot open file … (code 5)',
    )
    expect(redactLogText('Account 123456789012 spent -42.10 in EUR')).toBe(
      'Account … spent … in EUR',
    )
  })
})
