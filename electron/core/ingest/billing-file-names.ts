/** Which file names a folder or a ZIP archive contributes to an import. */

/** Billing exports Focal reads from a folder or an archive: CSV, CSV.gz, Parquet and JSON lines. */
const BILLING_FILE = /\.(csv|csv\.gz|parquet|jsonl|ndjson|json)$/i

/** An AWS CUR delivery's `<report>-Manifest.json` lists the parts; it is read with them, not as billing data. */
const MANIFEST = /manifest[^/]*\.json$/i

/** ZIP archives, opened and imported entry by entry (import-archive.ts). */
const ZIP_FILE = /\.zip$/i

/** True for a name a folder or archive imports as a billing file (a manifest or README is not). */
export function isBillingFileName(name: string): boolean {
  return BILLING_FILE.test(name) && !MANIFEST.test(name)
}

/** True for an AWS CUR manifest's name (`<report>-Manifest.json`, CUR 2.0's `Manifest.json`): read with its parts (cur-delivery-plan.ts). */
export function isManifestFileName(name: string): boolean {
  return MANIFEST.test(name)
}

/** True for a ZIP archive's name. */
export function isZipFileName(name: string): boolean {
  return ZIP_FILE.test(name)
}
