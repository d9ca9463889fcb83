/**
 * Fingerprints of a period. The data fingerprint hashes what the figures are
 * made from — the import scopes the period counts with their content
 * fingerprints, the rule version with the mapping and driver tables the rules
 * read, and the tag alias policy when targets read tags — so telling whether a pack still matches costs no allocation. The
 * allocation fingerprint hashes the figures themselves, per target and
 * currency, as a close freezes them and a pack states them.
 */
import { createHash } from 'node:crypto'
import { hasAllocationTables, latestRuleVersion } from '../allocate/store'
import type { Workspace } from '../workspace/workspace'
import { ALLOCATION_INPUTS_SQL, DATA_INPUTS_SQL } from './close-sql'
import type { Figure } from './period-records'

/** How a pack or close made its figures, as far as the fingerprint needs it. */
export interface FigureBasis {
  /** The allocation rule version ("3", "not saved"), or null when targets are a column or tag. */
  ruleVersion: string | null
  /** "tag:team", "SubAccountName", a rule set's dimension. */
  groupedBy: string
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** SHA-256 of the period's inputs under `basis` (see the file comment). */
export async function dataFingerprint(
  ws: Workspace,
  period: string,
  basis: FigureBasis,
): Promise<string> {
  const rules = basis.ruleVersion !== null
  // A column target reads no tag, so an alias change leaves such a pack current.
  const aliases = rules || basis.groupedBy.startsWith('tag:')
  const items = (await ws.all(DATA_INPUTS_SQL, [period]))
    .filter((r) => r.what === 'scope' || aliases)
    .map((r) => `${String(r.what)}:${String(r.item)}`)
  // Rules read mapping and driver tables: a new mapping changes the allocation too.
  if (rules && (await hasAllocationTables(ws)))
    for (const r of await ws.all(ALLOCATION_INPUTS_SQL)) items.push(`table:${String(r.item)}`)
  return sha256([`period:${period}`, `rules:${basis.ruleVersion ?? '-'}`, ...items].join('\n'))
}

/** The data fingerprint as it would be now for a pack or close made under `basis`. */
export async function currentDataFingerprint(
  ws: Workspace,
  period: string,
  basis: FigureBasis,
): Promise<string> {
  // Saved rules are compared with the latest saved version; a rule file's cannot be known.
  const latest =
    basis.ruleVersion !== null && basis.ruleVersion !== 'not saved'
      ? String((await latestRuleVersion(ws))?.version ?? 'none')
      : basis.ruleVersion
  return dataFingerprint(ws, period, { ...basis, ruleVersion: latest })
}

/** SHA-256 over the figures, one "target, currency, amount, lines" line each, in a fixed order. */
export function allocationFingerprint(figures: readonly Figure[]): string {
  const lines = figures.map((f) => JSON.stringify([f.target, f.currency, f.amount, f.lines])).sort()
  return sha256(lines.join('\n'))
}
