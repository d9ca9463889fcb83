/**
 * Groups the files of a folder or a ZIP archive into AWS CUR deliveries: each
 * manifest with the parts it lists, matched by base name (AWS writes each part
 * as `<report>-<n>.csv.gz` under `<period>/<assemblyId>/`). Files no manifest
 * lists are imported as usual; none is dropped.
 */
import { stat } from 'node:fs/promises'
import { posix } from 'node:path'
import { toFocalError, type FocalError } from '../../../shared/contract'
import { isManifestFileName } from './billing-file-names'
import { partBaseName, readCurManifest, type CurManifest } from './cur-manifest'

/** A file to import: where it is, the name shown, and its path relative to the folder or archive. */
export interface SourceFile {
  readonly path: string
  readonly displayName: string
  /** With `/` separators; matching a part prefers the one under its assemblyId's folder. */
  readonly relativePath: string
}

/** One delivery: its manifest and the parts found, in the manifest's order. */
export interface PlannedDelivery {
  readonly manifestFile: SourceFile
  readonly manifest: CurManifest
  readonly parts: readonly SourceFile[]
  /** Each found part's place in the manifest's list (1-based): part 3 stays part 3 when part 2 is missing. */
  readonly numbers: readonly number[]
  /** Base names of the parts the manifest lists that are not among the files. */
  readonly missing: readonly string[]
}

/** A delivery while planning: whether it is known to be its month's latest, and when its manifest was written. */
interface Found extends PlannedDelivery {
  latest: boolean
  writtenMs: number
}

/** The files of a folder or archive, grouped. */
export interface DeliveryPlan {
  readonly deliveries: PlannedDelivery[]
  /** Manifests Focal could not read, with the error naming the file and field. */
  readonly badManifests: { file: SourceFile; error: FocalError }[]
  /** Files no manifest lists: imported each on its own. */
  readonly others: SourceFile[]
  /** Second copies of a manifest (AWS writes one per period and one per delivery folder). */
  readonly skipped: { fileName: string; reason: string }[]
}

/** Reads every manifest among `files` and matches the parts each lists. */
export async function planDeliveries(files: readonly SourceFile[]): Promise<DeliveryPlan> {
  const manifests = files.filter((f) => isManifestFileName(posix.basename(f.relativePath)))
  const candidates = files.filter((f) => !manifests.includes(f))
  const plan: DeliveryPlan = { deliveries: [], badManifests: [], others: [], skipped: [] }
  const claimed = new Set<SourceFile>()
  const seen = new Map<string, Found>()
  const found: Found[] = []
  for (const file of manifests) {
    const manifest = await readCurManifest(file.path, file.displayName).catch((cause: unknown) => {
      plan.badManifests.push({ file, error: toFocalError(cause) })
      return null
    })
    if (!manifest) continue
    const key = JSON.stringify([manifest.reportName, manifest.account, manifest.assemblyId])
    const first = seen.get(key)
    if (first) {
      // AWS keeps a copy of the latest delivery's manifest at the period level.
      first.latest = true
      plan.skipped.push({
        fileName: file.displayName,
        reason: `a copy of ${first.manifestFile.displayName}, the manifest of the same delivery (${manifest.assemblyId})`,
      })
      continue
    }
    const parts: SourceFile[] = []
    const numbers: number[] = []
    const missing: string[] = []
    for (const [index, partKey] of manifest.partKeys.entries()) {
      const part = matchPart(partKey, manifest.assemblyId, file, candidates, claimed)
      if (part) {
        claimed.add(part)
        parts.push(part)
        numbers.push(index + 1)
      } else missing.push(partBaseName(partKey))
    }
    const delivery: Found = {
      manifestFile: file,
      manifest,
      parts,
      numbers,
      missing,
      // A manifest outside its delivery's own folder is the period-level one: the latest.
      latest: !file.relativePath.split('/').includes(manifest.assemblyId),
      writtenMs: await stat(file.path).then(
        (info) => info.mtimeMs,
        () => 0,
      ),
    }
    seen.set(key, delivery)
    found.push(delivery)
  }
  plan.deliveries.push(...found.sort(deliveryOrder).map(({ latest: _, writtenMs: __, ...d }) => d))
  plan.others.push(...candidates.filter((f) => !claimed.has(f)))
  return plan
}

/**
 * Month by month; within a month, a later delivery restates an earlier one, so the latest
 * goes last: the one AWS copied to the period level, else by when its manifest was written.
 */
function deliveryOrder(a: Found, b: Found): number {
  return (
    a.manifest.billingPeriod.localeCompare(b.manifest.billingPeriod) ||
    Number(a.latest) - Number(b.latest) ||
    a.writtenMs - b.writtenMs ||
    a.manifestFile.relativePath.localeCompare(b.manifestFile.relativePath)
  )
}

/**
 * The file a manifest's part key names: same base name, preferring one under a folder named
 * after the delivery's assemblyId, then one in or under the manifest's own folder.
 */
function matchPart(
  partKey: string,
  assemblyId: string,
  manifestFile: SourceFile,
  candidates: readonly SourceFile[],
  claimed: ReadonlySet<SourceFile>,
): SourceFile | undefined {
  const base = partBaseName(partKey)
  const same = candidates.filter((f) => !claimed.has(f) && posix.basename(f.relativePath) === base)
  const folder = posix.dirname(manifestFile.relativePath)
  const inFolder = (f: SourceFile): boolean =>
    folder === '.' || f.relativePath.startsWith(`${folder}/`)
  return (
    same.find((f) => f.relativePath.split('/').includes(assemblyId)) ??
    same.find(inFolder) ??
    same[0]
  )
}
