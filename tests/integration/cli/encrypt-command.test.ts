/** The built `focal encrypt` / `focal decrypt`: FOCAL_PASSPHRASE, the no-echo prompt, exit codes and messages. */
import { execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { FocalRun } from '../../helpers/cli'
import { ROOT, tempDir } from '../../helpers/paths'
import { markedCsv, workspaceWith } from '../crypto/fixture'

const run = promisify(execFile)
const FOCAL = join(ROOT, 'bin/focal.js')

/** `focal <args…>` with FOCAL_PASSPHRASE set to `passphrase` (unset when null) and no terminal. */
async function focalWith(passphrase: string | null, ...args: string[]): Promise<FocalRun> {
  const env = { ...process.env }
  delete env.FOCAL_PASSPHRASE
  if (passphrase !== null) env.FOCAL_PASSPHRASE = passphrase
  try {
    const { stdout, stderr } = await run(process.execPath, [FOCAL, ...args], { env })
    return { code: 0, stdout, stderr }
  } catch (cause) {
    const e = cause as FocalRun
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const SECRET = 'plum orbit candle 42'

async function workspace(): Promise<{ dir: string; ws: string; marker: string }> {
  const dir = tempDir()
  const { path, marker } = markedCsv(dir)
  const ws = join(dir, 'client.focal')
  await workspaceWith(ws, path)
  return { dir, ws, marker }
}

describe('focal encrypt / decrypt', () => {
  it('round-trips with FOCAL_PASSPHRASE: same totals, exit 0, names only the files', async () => {
    const { dir, ws, marker } = await workspace()
    const enc = join(dir, 'client.focal.enc')
    const encrypted = await focalWith(SECRET, 'encrypt', '-w', ws, '--out', enc)
    expect(encrypted).toMatchObject({ code: 0, stderr: '' })
    expect(encrypted.stdout).toMatch(
      /^Encrypted into client\.focal\.enc \(\d+ bytes in \d+ chunks; scrypt N=131072 r=8 p=1, AES-256-GCM\)\.\nKeep the passphrase safe: Focal stores it nowhere and cannot recover it\.\n$/,
    )
    expect(readFileSync(enc).includes(Buffer.from(marker))).toBe(false)
    const out = join(tempDir(), 'carried.focal')
    const decrypted = await focalWith(SECRET, 'decrypt', enc, '--out', out, '--json')
    expect(decrypted.code).toBe(0)
    expect(JSON.parse(decrypted.stdout)).toMatchObject({ ok: true, file: 'carried.focal' })
    const totals =
      'SELECT BillingCurrency, count(*) AS n, sum(BilledCost)::VARCHAR AS b FROM focus GROUP BY 1'
    const [a, b] = await Promise.all([
      focalWith(null, 'query', '-w', ws, '--json', totals),
      focalWith(null, 'query', '-w', out, '--json', totals),
    ])
    expect(JSON.parse(b.stdout).rows).toEqual(JSON.parse(a.stdout).rows)
    expect(JSON.parse(a.stdout).rows).toHaveLength(1)
    expect(encrypted.stdout + decrypted.stdout).not.toContain(dir)
  })

  it('refuses a wrong passphrase (exit 1, nothing written), an existing --out without --force, and usage mistakes (exit 2)', async () => {
    const { dir, ws } = await workspace()
    const enc = join(dir, 'c.enc')
    expect((await focalWith(SECRET, 'encrypt', '-w', ws, '--out', enc)).code).toBe(0)
    const target = tempDir()
    const wrong = await focalWith(
      'plum orbit candle 43',
      'decrypt',
      enc,
      '--out',
      join(target, 'x.focal'),
    )
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toBe(
      'error [WRONG_PASSPHRASE]: Wrong passphrase for c.enc (or its header was changed). Nothing was written.\n' +
        '  what to do: Type the passphrase the file was encrypted with; Focal never stores it, so a forgotten one cannot be recovered.\n',
    )
    expect(readdirSync(target)).toEqual([])

    const again = await focalWith(SECRET, 'encrypt', '-w', ws, '--out', enc, '--json')
    expect(again.code).toBe(1)
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: 'c.enc already exists; nothing was written.' },
    })
    expect((await focalWith(SECRET, 'encrypt', '-w', ws, '--out', enc, '--force')).code).toBe(0)

    const short = await focalWith('short', 'encrypt', '-w', ws, '--out', join(dir, 'd.enc'))
    expect(short.code).toBe(1)
    expect(short.stderr).toContain(
      'The passphrase is shorter than 8 characters; nothing was written.',
    )
    expect(existsSync(join(dir, 'd.enc'))).toBe(false)

    const noTerminal = await focalWith(null, 'decrypt', enc, '--out', join(target, 'x.focal'))
    expect(noTerminal.code).toBe(1)
    expect(noTerminal.stderr).toContain(
      'No passphrase: there is no terminal to ask on.\n  what to do: Run the command in a terminal to be asked, or set FOCAL_PASSPHRASE.',
    )
    expect((await focalWith(SECRET, 'encrypt', '-w', ws)).stderr).toContain(
      'focal encrypt needs --out <file>.',
    )
    expect((await focalWith(SECRET, 'encrypt', '--out', enc)).code).toBe(2)
    expect((await focalWith(SECRET, 'decrypt', '--out', join(target, 'x.focal'))).code).toBe(2)
    expect((await focalWith(SECRET, 'decrypt', enc, '-w', ws, '--out', 'x')).code).toBe(2)
    expect((await focalWith(SECRET, 'encrypt', '-w', ws, '--out', 'x', '--bogus')).code).toBe(2)
    expect(readdirSync(target)).toEqual([])
  })

  it('refuses a tampered file with exit 1 and writes nothing', async () => {
    const { dir, ws } = await workspace()
    const enc = join(dir, 'c.enc')
    await focalWith(SECRET, 'encrypt', '-w', ws, '--out', enc)
    const bytes = readFileSync(enc)
    bytes[bytes.length - 100] ^= 0x10
    writeFileSync(enc, bytes)
    const target = tempDir()
    const refused = await focalWith(SECRET, 'decrypt', enc, '--out', join(target, 'x.focal'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /^error \[FILE_TAMPERED\]: c\.enc was refused: chunk \d+ does not authenticate \(changed, moved or missing\)\. Nothing was written\.\n/,
    )
    expect(readdirSync(target)).toEqual([])
  })

  it.runIf(process.platform === 'linux' && existsSync('/usr/bin/script'))(
    'asks on a terminal twice without echo, and refuses two different answers',
    async () => {
      const { dir, ws } = await workspace()
      const typed = async (
        answers: string[],
        out: string,
      ): Promise<{ code: number; screen: string }> => {
        const env = { ...process.env }
        delete env.FOCAL_PASSPHRASE
        // `script` gives the command a terminal; each answer is typed once its prompt is shown.
        const child = spawn(
          'script',
          [
            '-qfec',
            `"${process.execPath}" "${FOCAL}" encrypt -w "${ws}" --out "${out}"`,
            '/dev/null',
          ],
          { env },
        )
        let screen = ''
        let asked = 0
        child.stdout.on('data', (chunk: Buffer) => {
          screen += chunk.toString()
          const prompts = screen.split('Passphrase').length - 1
          while (asked < prompts && asked < answers.length)
            child.stdin.write(`${answers[asked++]}\r`)
        })
        const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)))
        return { code, screen }
      }
      const out = join(dir, 'typed.enc')
      const differ = await typed([SECRET, `${SECRET}!`], out)
      expect(differ.code).toBe(1)
      expect(differ.screen).toContain('The two passphrases differ; nothing was written.')
      expect(existsSync(out)).toBe(false)
      const same = await typed([SECRET, SECRET], out)
      expect(same.screen).toContain('Passphrase: ')
      expect(same.screen).toContain('Passphrase again: ')
      expect(same.screen).not.toContain('plum')
      expect(same.code).toBe(0)
      const back = await focalWith(SECRET, 'decrypt', out, '--out', join(dir, 'back.focal'))
      expect(back.code).toBe(0)
    },
  )
})
