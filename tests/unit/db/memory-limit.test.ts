/** core/db/memory-limit: a quarter of the machine within 1–2.5 GiB, or FOCAL_MEMORY_LIMIT checked. */
import { describe, expect, it } from 'vitest'
import { duckdbMemoryLimit } from '../../../electron/core/db/memory-limit'

const GIB = 1024 ** 3

describe('duckdbMemoryLimit', () => {
  it('takes a quarter of the machine between 1 GiB and 2.5 GiB', () => {
    expect(duckdbMemoryLimit({}, 6 * GIB)).toBe('1536MiB')
    expect(duckdbMemoryLimit({}, 2 * GIB)).toBe('1024MiB')
    expect(duckdbMemoryLimit({}, 64 * GIB)).toBe('2560MiB')
    expect(duckdbMemoryLimit({ FOCAL_MEMORY_LIMIT: '  ' }, 8 * GIB)).toBe('2048MiB')
  })

  it('takes FOCAL_MEMORY_LIMIT as given, beyond the range too', () => {
    expect(duckdbMemoryLimit({ FOCAL_MEMORY_LIMIT: '64MB' }, 8 * GIB)).toBe('64MB')
    expect(duckdbMemoryLimit({ FOCAL_MEMORY_LIMIT: ' 6.5 GiB ' }, 8 * GIB)).toBe('6.5GiB')
  })

  it('refuses a FOCAL_MEMORY_LIMIT that is not a size, saying what to write', () => {
    for (const value of ['lots', '2', '0GB', '-1GB', '2 GB; SELECT 1'])
      expect(() => duckdbMemoryLimit({ FOCAL_MEMORY_LIMIT: value })).toThrow(
        expect.objectContaining({
          error: expect.objectContaining({
            code: 'BAD_VALUE',
            hint: expect.stringContaining('FOCAL_MEMORY_LIMIT=2GB'),
          }),
        }),
      )
  })
})
