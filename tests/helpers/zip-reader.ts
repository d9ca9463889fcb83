/**
 * Reads a whole ZIP archive with yauzl (the reader the importer uses, no code
 * shared with Focal's writer): every entry's name, method and bytes, with
 * yauzl checking each entry's CRC-32 and sizes on the way.
 */
import yauzl from 'yauzl'

/** One entry of an archive, decompressed. */
export interface ZipEntryRead {
  readonly name: string
  /** 0 stored, 8 deflate. */
  readonly method: number
  readonly bytes: Buffer
}

/** Every entry of the ZIP file at `path`, in archive order. */
export function readZipEntries(path: string): Promise<ZipEntryRead[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'))
      const entries: ZipEntryRead[] = []
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'))
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('error', reject)
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              method: entry.compressionMethod,
              bytes: Buffer.concat(chunks),
            })
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(entries))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}
