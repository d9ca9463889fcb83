/**
 * A file's identity on disk (size, mtime, inode) and the checks that it did not change
 * while Focal read it: an import is refused whole if its bytes moved under it.
 */
import { stat } from 'node:fs/promises'
import { FocalFailure, fail } from '../../../shared/contract'
import { sha256File } from './hash'

/** What identifies a file's state on disk between two looks. */
export interface FileIdentity {
  size: number
  mtimeMs: number
  ino: number
}

/** The file's identity now; fails with IO_ERROR, naming the file, when it cannot be read. */
export async function statFile(path: string, fileName: string): Promise<FileIdentity> {
  try {
    const info = await stat(path)
    if (!info.isFile())
      fail('IO_ERROR', `${fileName} is not a regular file.`, { location: { file: fileName } })
    return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
  } catch (cause) {
    if (cause instanceof FocalFailure) throw cause
    return fail('IO_ERROR', `${fileName} ${unreadableReason(cause)}.`, {
      location: { file: fileName },
    })
  }
}

/** Why a file cannot be read, in words; never Node's text, which carries the full path. */
function unreadableReason(cause: unknown): string {
  switch ((cause as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'does not exist'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied'
    case 'ELOOP':
      return 'cannot be read: its path loops through links'
    default:
      return `cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'unknown error'})`
  }
}

/** A file is unchanged if its size, mtime and inode are as before reading and its hash still matches. */
export async function verifyUnchanged(
  path: string,
  fileName: string,
  before: FileIdentity,
  sha256: string,
): Promise<void> {
  await statUnchanged(path, fileName, before)
  if ((await sha256File(path)) !== sha256) fileChanged(fileName, before.size, before.size)
}

/** Fails with FILE_CHANGED when size, mtime or inode differ from `before`. */
export async function statUnchanged(
  path: string,
  fileName: string,
  before: FileIdentity,
): Promise<void> {
  const after = await statFile(path, fileName)
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) {
    fileChanged(fileName, before.size, after.size)
  }
}

function fileChanged(fileName: string, sizeBefore: number, sizeAfter: number): never {
  return fail(
    'FILE_CHANGED',
    `${fileName} changed while Focal was reading it (size ${sizeBefore} → ${sizeAfter} bytes); nothing was imported.`,
    {
      hint: 'Wait until the export is completely written, then import it again.',
      location: { file: fileName },
    },
  )
}
