/** The FOCUS column catalog: names, types and the rules Focal applies on import. */
import { FOCUS_COLUMNS } from './columns'
import type { FocusColumn } from './types'

export { FOCUS_COLUMNS } from './columns'
export type { FocusColumn, FocusType, FeatureLevel } from './types'
export * from './versions'

const BY_NAME = new Map(FOCUS_COLUMNS.map((c) => [c.name, c]))

/** The catalog entry of a FOCUS 1.4 column, or undefined for any other name. */
export function focusColumn(name: string): FocusColumn | undefined {
  return BY_NAME.get(name)
}

/** Columns a file must have for Focal to import it; all others may be absent (null). */
export const REQUIRED_TO_IMPORT = [
  'BilledCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
] as const

/** FOCUS 1.4 §ChargeCategory allowed values. */
export const CHARGE_CATEGORIES = ['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'] as const

/** FOCUS 1.4 §ServiceCategory allowed values. */
export const SERVICE_CATEGORIES = [
  'AI and Machine Learning',
  'Analytics',
  'Business Applications',
  'Compute',
  'Databases',
  'Developer Tools',
  'Multicloud',
  'Identity',
  'Integration',
  'Internet of Things',
  'Management and Governance',
  'Media',
  'Migration',
  'Mobile',
  'Networking',
  'Security',
  'Storage',
  'Web',
  'Other',
] as const

/** Provenance columns Focal adds to every normalized row (DESIGN.md, ingest step 3). */
export const PROVENANCE_COLUMNS = [
  'x_ImportId',
  'x_SourceFile',
  'x_SourceRow',
  'x_SourceFormat',
  'x_FixCodes',
] as const
