/**
 * Opens a ZIP archive of billing exports and extracts its billing files into a
 * private temp folder, refusing anything unsafe before a single byte is
 * written: entries that point outside the archive (`../`, absolute paths),
 * symbolic links, encrypted entries, compression methods other than stored
 * and deflate, and zip bombs (a total beyond the free disk or the cap, or an
 * entry that inflates more than the ratio limit). yauzl reads the central
 * directory (the archive's authoritative listing) and streams one entry at a
 * time from disk, so a multi-GB archive never sits in memory.
 */
import { createWriteStream } from 'node:fs'
import { chmod, mkdir, mkdtemp, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32 } from 'node:zlib'
import yauzl from 'yauzl'
import { fail } from '../../../shared/contract'
import { removeStaleFolders } from '../db/file-gate'
import { isBillingFileName, isManifestFileName, isZipFileName } from './billing-file-names'

/** Limits against zip bombs. */
export interface ArchiveLimits {
  /** Largest total uncompressed size of the billing files, in bytes; free disk space caps it too. */
  maxTotalBytes: number
  /** Largest uncompressed ÷ compressed size of one billing file. */
  maxRatio: number
}

/**
 * Billing CSVs deflate 10–50×; a ratio above 200 is what bombs are made of.
 * The total is capped at 64 GiB and at 90 % of the temp folder's free space.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 200,
}

/** A file in the archive that is not imported, and why. */
export interface SkippedEntry {
  readonly innerPath: string
  readonly reason: string
}

/** A billing file extracted from the archive. */
export interface ExtractedFile {
  /** Its path inside the archive, with `/` separators. */
  readonly innerPath: string
  /** Where it was extracted to, inside the private temp folder. */
  readonly path: string
}

/** What an archive held: the billing files extracted into `dir`, and the entries skipped. */
export interface ExtractedArchive {
  readonly dir: string
  readonly files: ExtractedFile[]
  readonly skipped: SkippedEntry[]
}

/** Extraction folders are `<prefix><pid>-<random>` in the temp folder. */
const ZIP_FOLDER_PREFIX = 'focal-zip-'
const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const STORED = 0
const DEFLATE = 8

/**
 * Lists and vets every entry, then extracts the billing files into a new 0700
 * folder under `tempRoot`. Throws a FocalFailure naming the archive and the
 * entry for anything refused; the caller removes `dir` (also on failure: the
 * folder is created only once vetting passed, and is returned by `onDir`).
 */
export async function extractArchive(
  path: string,
  archiveName: string,
  options: {
    limits?: Partial<ArchiveLimits>
    tempRoot?: string
    signal?: AbortSignal
    onDir: (dir: string) => void
  },
): Promise<ExtractedArchive> {
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits }
  const tempRoot = options.tempRoot ?? tmpdir()
  // Names are decoded and checked by Focal, so a bad name is refused with its own message.
  const zip = await yauzl
    .openPromise(path, { lazyEntries: true, decodeStrings: false, autoClose: false })
    .catch((cause: unknown) =>
      refuse(archiveName, null, `is not a readable ZIP archive (${reason(cause)}).`),
    )
  try {
    const billing: { innerPath: string; entry: yauzl.Entry }[] = []
    const skipped: SkippedEntry[] = []
    const entries = await listEntries(zip, archiveName)
    for (const entry of entries) {
      const innerPath = vetEntry(entry, archiveName)
      if (innerPath.endsWith('/')) continue
      const base = posix.basename(innerPath)
      if (isZipFileName(base))
        skipped.push({
          innerPath,
          reason: 'a ZIP inside the archive; unzip it and import it on its own',
        })
      else if (!isBillingFileName(base) && !isManifestFileName(base))
        skipped.push({
          innerPath,
          reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
        })
      else {
        vetBillingEntry(entry, innerPath, archiveName, limits.maxRatio)
        billing.push({ innerPath, entry })
      }
    }
    if (billing.length === 0)
      fail(
        'UNSUPPORTED_FORMAT',
        `${archiveName} holds no billing file (CSV, CSV.gz, Parquet or JSON lines)${skipped.length ? `, only ${skipped.map((e) => e.innerPath).join(', ')}` : ''}; nothing was imported.`,
        {
          hint: 'Check that this is the archive of billing exports, or import the exports themselves.',
          location: { file: archiveName },
        },
      )
    await vetTotal(billing, archiveName, limits.maxTotalBytes, tempRoot)
    // Named by process, so a later run removes what a killed one left (file-gate.ts).
    removeStaleFolders(tempRoot, ZIP_FOLDER_PREFIX)
    const dir = await mkdtemp(join(tempRoot, `${ZIP_FOLDER_PREFIX}${process.pid}-`))
    options.onDir(dir)
    await chmod(dir, 0o700)
    const files: ExtractedFile[] = []
    for (const [index, { innerPath, entry }] of billing.entries()) {
      if (options.signal?.aborted)
        fail('CANCELLED', `Import of ${archiveName} was cancelled; nothing was added.`)
      // One folder per entry keeps its own base name (DuckDB reads compression from the extension).
      const folder = join(dir, String(index))
      await mkdir(folder, { mode: 0o700 })
      const target = join(folder, posix.basename(innerPath))
      await extractEntry(zip, entry, target, archiveName, innerPath)
      files.push({ innerPath, path: target })
    }
    return { dir, files, skipped }
  } finally {
    zip.close()
  }
}

async function listEntries(zip: yauzl.ZipFile, archiveName: string): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = []
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', reject)
    zip.readEntry()
  }).catch((cause: unknown) =>
    refuse(archiveName, null, `is damaged: its list of files cannot be read (${reason(cause)}).`),
  )
  return entries
}

/** Checks an entry's name and type; returns its path inside the archive. */
function vetEntry(entry: yauzl.Entry, archiveName: string): string {
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    false,
  )
  // yauzl's rule: no absolute paths, no drive letters, no `..` segment.
  if (yauzl.validateFileName(name) !== null || /^[a-z]:/i.test(name))
    refuse(
      archiveName,
      name,
      'points outside the archive (an absolute path or `..`), so Focal extracts nothing from it.',
    )
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
    refuse(archiveName, name, 'is a symbolic link, so Focal extracts nothing from the archive.')
  return name
}

function vetBillingEntry(
  entry: yauzl.Entry,
  innerPath: string,
  archiveName: string,
  maxRatio: number,
): void {
  if (entry.isEncrypted())
    refuse(
      archiveName,
      innerPath,
      'is encrypted (password-protected); Focal cannot read it.',
      'Unzip the archive with its password and import the files inside.',
    )
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATE)
    refuse(
      archiveName,
      innerPath,
      `uses compression method ${entry.compressionMethod}; Focal reads stored and deflate entries only.`,
      'Unzip the archive with a tool that knows the method and import the files inside, or zip them again with ordinary (deflate) compression.',
    )
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
  if (ratio > maxRatio)
    refuse(
      archiveName,
      innerPath,
      `would inflate ${Math.round(ratio)}× (${entry.compressedSize} bytes to ${entry.uncompressedSize}), more than the ${maxRatio}× a billing export does; it looks like a zip bomb.`,
    )
}

async function vetTotal(
  billing: readonly { entry: yauzl.Entry }[],
  archiveName: string,
  maxTotalBytes: number,
  tempRoot: string,
): Promise<void> {
  const total = billing.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0)
  const disk = await statfs(tempRoot)
  const free = Math.floor(disk.bavail * disk.bsize * 0.9)
  if (total > Math.min(maxTotalBytes, free))
    refuse(
      archiveName,
      null,
      total > free
        ? `would need ${total} bytes unpacked, more than the free space of the temp folder (${free} bytes).`
        : `would need ${total} bytes unpacked, more than the ${maxTotalBytes} bytes Focal unpacks from one archive; it looks like a zip bomb.`,
      'Free disk space, or unzip the archive yourself and import the files inside.',
    )
}

/** Streams one entry to `target`, checking its size and CRC-32 as it goes. */
async function extractEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  target: string,
  archiveName: string,
  innerPath: string,
): Promise<void> {
  let bytes = 0
  let crc = 0
  // Sizes in the central directory are what the bomb check trusted, so more bytes than that is refused.
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      bytes += chunk.length
      if (bytes > entry.uncompressedSize) return done(new Error('more bytes than its listed size'))
      crc = crc32(chunk, crc)
      done(null, chunk)
    },
  })
  try {
    const stream = await zip.openReadStreamPromise(entry)
    await pipeline(stream, check, createWriteStream(target, { mode: 0o600, flags: 'wx' }))
    // yauzl does not check CRC-32; a flipped byte in a stored entry is caught here.
    if (crc >>> 0 !== entry.crc32 >>> 0) throw new Error('its checksum (CRC-32) does not match')
  } catch (cause) {
    refuse(archiveName, innerPath, `is damaged and cannot be extracted (${reason(cause)}).`)
  }
}

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

function refuse(
  archiveName: string,
  innerPath: string | null,
  what: string,
  hint = 'The archive may be damaged or unsafe: unzip it with a tool you trust and import the billing files inside.',
): never {
  const subject = innerPath === null ? archiveName : `${archiveName}: the entry ${innerPath}`
  return fail('BAD_ARCHIVE', `${subject} ${what} Nothing was imported from it.`, {
    hint,
    location: { file: innerPath === null ? archiveName : `${archiveName}/${innerPath}` },
  })
}
