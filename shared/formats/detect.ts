/**
 * Which format a file's header follows: one decision list, first match wins
 * (reference/mappings.md §1). A header that matches nothing is told which
 * known formats come closest and which of their columns it lacks.
 */
import { COLUMN_RENAMES, REQUIRED_TO_IMPORT } from '../focus'
import { AWS_CUR_2, AWS_CUR_SNAKE_CASE } from './aws-cur-2'
import { AWS_CUR_LEGACY } from './aws-cur-legacy'
import { AZURE_EA, AZURE_EA_EXPORT } from './azure-ea'
import { AZURE_LEGACY } from './azure-legacy'
import { AZURE_MCA } from './azure-mca'
import { GCP_BILLING } from './gcp-billing'
import type { FormatMapping } from './mapping-types'
import { OCI_COST_REPORT } from './oci-cost-report'

/** Native formats in the order they are tried. */
export const NATIVE_FORMATS: readonly FormatMapping[] = [
  AWS_CUR_LEGACY,
  AWS_CUR_2,
  AWS_CUR_SNAKE_CASE,
  AZURE_EA,
  AZURE_EA_EXPORT,
  AZURE_MCA,
  AZURE_LEGACY,
  GCP_BILLING,
  OCI_COST_REPORT,
]

/** FOCUS Cost and Usage, any version (mappings.md §1 rule 1). */
const FOCUS_SIGNATURE: Signed = {
  id: 'focus',
  title: 'FOCUS Cost and Usage',
  caseInsensitive: false,
  signature: {
    all: ['BilledCost', 'EffectiveCost', 'ChargeCategory', 'ChargePeriodStart', 'BillingCurrency'],
  },
}

/** A known format a header comes close to, and the signature columns it lacks. */
export interface NearFormat {
  readonly id: string
  readonly title: string
  readonly lacks: readonly string[]
}

/** The outcome of detection. */
export type Detection =
  | { readonly kind: 'focus' }
  | { readonly kind: 'native'; readonly mapping: FormatMapping }
  | { readonly kind: 'unknown'; readonly closest: readonly NearFormat[] }

type Signed = Pick<FormatMapping, 'id' | 'title' | 'caseInsensitive' | 'signature'>

/** What a header lacks of a format's signature: `a` or `one of a, b`. */
function lacking(format: Signed, header: readonly string[]): string[] {
  const fold = (s: string): string => (format.caseInsensitive ? s.toLowerCase() : s)
  const names = new Set(header.map((h) => fold(h.replace(/^\ufeff/, ''))))
  const missing = format.signature.all.filter((c) => !names.has(fold(c)))
  for (const group of format.signature.anyOf ?? [])
    if (!group.some((c) => names.has(fold(c)))) missing.push(`one of ${group.join(', ')}`)
  return missing
}

function matches(format: Signed, header: readonly string[]): boolean {
  if (lacking(format, header).length > 0) return false
  const fold = (s: string): string => (format.caseInsensitive ? s.toLowerCase() : s)
  const names = new Set(header.map((h) => fold(h.replace(/^\ufeff/, ''))))
  return !(format.signature.none ?? []).some((c) => names.has(fold(c)))
}

/** Detects the format of a header (a UTF-8 BOM on the first name is ignored). */
export function detectFormat(header: readonly string[]): Detection {
  if (matches(FOCUS_SIGNATURE, header)) return { kind: 'focus' }
  const native = NATIVE_FORMATS.find((format) => matches(format, header))
  if (native) return { kind: 'native', mapping: native }
  // A FOCUS file short of some columns is still FOCUS: the import names what it lacks.
  const required = new Set<string>(REQUIRED_TO_IMPORT)
  if (header.some((name) => required.has(COLUMN_RENAMES[name] ?? name))) return { kind: 'focus' }
  return { kind: 'unknown', closest: closestFormats(header) }
}

/** Up to three known formats sharing the most signature columns with the header. */
export function closestFormats(header: readonly string[], count = 3): NearFormat[] {
  return [FOCUS_SIGNATURE, ...NATIVE_FORMATS]
    .map((format) => {
      const lacks = lacking(format, header)
      const size = format.signature.all.length + (format.signature.anyOf?.length ?? 0)
      return { id: format.id, title: format.title, lacks, share: 1 - lacks.length / size }
    })
    .sort((a, b) => b.share - a.share)
    .slice(0, count)
    .map(({ id, title, lacks }) => ({ id, title, lacks }))
}
