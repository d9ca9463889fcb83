/**
 * Uploads and request bodies over their limits: the web host answers 413 with
 * a JSON error a person can act on and closes the connection cleanly, also for
 * clients that send their whole body before they read the answer.
 */
import { readdirSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebHost } from '../../../electron/webhost/server'
import { startTestHost, TOKEN } from './support'

const UPLOAD_LIMIT = 1024
const BODY_BYTES = 24 * 1024 * 1024

let host: WebHost

beforeAll(async () => {
  host = await startTestHost({ uploadLimitBytes: UPLOAD_LIMIT })
})
afterAll(() => host.close())

/**
 * A minimal HTTP/1.1 client that writes the request and its whole body, and
 * reads only after that, the way Python's urllib and many scripts do. It
 * reports how the connection ended: a reset or a broken pipe loses the answer.
 */
function sendThenRead(
  path: string,
  framing: 'length' | 'chunked',
): Promise<{ ending: string; status: number; headers: string; body: string }> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1')
    const received: Buffer[] = []
    const finish = (ending: string): void => {
      const text = Buffer.concat(received).toString('utf8')
      const [head = '', body = ''] = text.split('\r\n\r\n')
      resolve({
        ending,
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0),
        headers: head,
        body,
      })
    }
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message))
    socket.on('close', () => finish('closed'))
    socket.pause()
    socket.write(
      [
        `POST ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${host.port}`,
        `x-focal-token: ${TOKEN}`,
        'Connection: close',
        framing === 'length' ? `Content-Length: ${BODY_BYTES}` : 'Transfer-Encoding: chunked',
        '',
        '',
      ].join('\r\n'),
    )
    const piece = Buffer.alloc(64 * 1024, 'x')
    const framed =
      framing === 'length'
        ? piece
        : Buffer.concat([
            Buffer.from(`${piece.length.toString(16)}\r\n`),
            piece,
            Buffer.from('\r\n'),
          ])
    let sent = 0
    const pump = (): void => {
      while (sent < BODY_BYTES) {
        sent += piece.length
        if (!socket.write(framed)) return void socket.once('drain', pump)
      }
      if (framing === 'chunked') socket.write('0\r\n\r\n')
      socket.resume()
    }
    pump()
  })
}

describe('web host body limits', () => {
  it.each(['length', 'chunked'] as const)(
    'answers an upload over the limit (%s) with 413 and a sentence, then closes cleanly',
    async (framing) => {
      const answer = await sendThenRead('/api/upload?name=big%20export.csv', framing)
      expect(answer.ending).toBe('closed')
      expect(answer.status).toBe(413)
      expect(answer.headers.toLowerCase()).toContain('connection: close')
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message:
            "big export.csv is larger than the web host's upload limit of 1 KB (1024 bytes).",
          hint: 'Start the web host again with a larger --upload-limit <bytes>, or import the file with the focal command (focal import <file> -w <workspace.focal>).',
        },
      })
    },
  )

  it.each(['length', 'chunked'] as const)(
    'answers a JSON request over 1 MB (%s) with 413 and a sentence, then closes cleanly',
    async (framing) => {
      const answer = await sendThenRead('/api/app:info', framing)
      expect(answer.ending).toBe('closed')
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body)).toMatchObject({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: "The request is larger than the web host's limit of 1 MB (1048576 bytes).",
        },
      })
    },
  )

  it('answers fetch the same way, and the host keeps serving', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=big.csv`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: Buffer.alloc(BODY_BYTES, 'x'),
    })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "big.csv is larger than the web host's upload limit of 1 KB (1024 bytes).",
    )
    const small = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=small.csv`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: 'a,b\n1,2\n',
    })
    expect(await small.json()).toMatchObject({
      ok: true,
      value: { name: 'small.csv', sizeBytes: 8 },
    })
  })

  it('deletes what an upload cut off midway had written, and keeps serving', async () => {
    const socket = connect(host.port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(
      `POST /api/upload?name=cut.csv HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n` +
        `x-focal-token: ${TOKEN}\r\nContent-Length: 1000\r\n\r\na,b\n1,2\n`,
    )
    const staging = (): string[] =>
      readdirSync(tmpdir())
        .filter((entry) => entry.startsWith(`focal-uploads-${process.pid}-`))
        .flatMap((entry) =>
          readdirSync(join(tmpdir(), entry)).flatMap((folder) =>
            readdirSync(join(tmpdir(), entry, folder)),
          ),
        )
    for (let i = 0; i < 50 && !staging().includes('cut.csv'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(staging()).toContain('cut.csv')
    socket.destroy()
    for (let i = 0; i < 50 && staging().includes('cut.csv'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(staging()).not.toContain('cut.csv')
    const info = await fetch(`http://127.0.0.1:${host.port}/api/app:info`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
    })
    expect(info.status).toBe(200)
  })
})
