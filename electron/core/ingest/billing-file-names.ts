/** Which file names a folder or a ZIP archive contributes to an import. */

/** Billing exports Focal reads from a folder or an archive: CSV, CSV.gz and Parquet. */
const BILLING_FILE = /\.(csv|csv\.gz|parquet)$/i

/** ZIP archives, opened and imported entry by entry (import-archive.ts). */
const ZIP_FILE = /\.zip$/i

/** True for a name a folder or archive imports as a billing file (a manifest or README is not). */
export function isBillingFileName(name: string): boolean {
  return BILLING_FILE.test(name)
}

/** True for a ZIP archive's name. */
export function isZipFileName(name: string): boolean {
  return ZIP_FILE.test(name)
}
