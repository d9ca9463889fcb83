/** Shapes of the FOCUS column catalog. */

/** FOCUS data types as the spec names them (Decimal, Date/Time, String, JSON). */
export type FocusType = 'string' | 'decimal' | 'datetime' | 'json'

/** Feature level of a column in the spec. */
export type FeatureLevel = 'Mandatory' | 'Conditional' | 'Recommended'

/** One column of the FOCUS Cost and Usage dataset. */
export interface FocusColumn {
  readonly name: string
  readonly type: FocusType
  readonly level: FeatureLevel
  readonly nullable: boolean
  /** The FOCUS version that introduced the column under this name. */
  readonly since: string
}
