/**
 * The same money is never counted twice (README: What an import guarantees).
 * Runs inside the import's transaction, after its rows are inserted: records
 * the delivery's scopes and fingerprints (delivery-identity-sql.ts), compares
 * them with the scopes earlier imports still count, and decides:
 *
 * - no earlier import counts any of its scopes: a new delivery, stored;
 * - every scope holds exactly the rows an earlier import holds there: already
 *   imported (DUPLICATE_FILE, naming that import), nothing added; so is a file
 *   whose scopes hold rows a later import superseded (an older version: it
 *   must not undo the restatement);
 * - earlier imports count some of its scopes but share no row with it there:
 *   other rows of the same scopes (another part of a split export), stored;
 * - each of its scopes restates earlier imports (shares rows with them) and
 *   those imports have no scope it lacks: a restatement, which supersedes them;
 * - anything else is a partial overlap: refused with OVERLAP unless the user
 *   chose to supersede, keep both, or skip the file.
 *
 * An Azure cost details file is first told actual or amortized (azure-cost-view.ts); the
 * other view's imports of its scopes are left out of these comparisons, since the two
 * views of one period share their usage rows by design and merge in the focus view.
 */
import {
  FocalFailure,
  fail,
  type AzureCostView,
  type OverlapChoice,
} from '../../../shared/contract'
import { refuseClosedPeriods } from '../close/import-gate'
import { recordKeptOverlaps, supersedeScopes, type ScopeKey } from '../workspace/supersede'
import type { Row, Workspace } from '../workspace/workspace'
import { deliveryPart } from './cur-delivery-context'
import {
  COUNT_OVERLAPS_SQL,
  OVERLAPS_SQL,
  SAME_AS_SUPERSEDED_SQL,
  SCOPES_OF_IMPORT_SQL,
  insertScopesSql,
} from './delivery-identity-sql'
import { refuseUnsaidCostView, settleCostView } from './azure-cost-view'
import { fillPendingFingerprints } from './pending-fingerprints'

/** One scope of the new import that an earlier import still counts. */
interface Overlap extends ScopeKey {
  importId: number
  fileName: string
  sameContent: boolean
  sharesRows: boolean
  /** The earlier import's Azure cost view; null for other imports. */
  costView: AzureCostView | null
}

/** Present for a format with Azure's actual and amortized views: the view the user chose, if any. */
export interface CostViewChoice {
  chosen?: AzureCostView
}

/**
 * Identifies import `importId` (rows already inserted, transaction open) and applies
 * the rule above; throws a FocalFailure to refuse it, which rolls the import back.
 * Then a file with rows in a closed month is refused (PERIOD_CLOSED, close/import-gate.ts),
 * whatever the rule decided: new rows, a restatement or kept overlaps would all change it.
 */
export async function settleDelivery(
  ws: Workspace,
  importId: number,
  fileName: string,
  onOverlap?: OverlapChoice,
  costView?: CostViewChoice,
): Promise<void> {
  try {
    await settleScopes(ws, importId, fileName, onOverlap, costView)
  } catch (cause) {
    // An overlap with a closed month leaves nothing to choose: the month is closed.
    if (cause instanceof FocalFailure && cause.error.code === 'OVERLAP')
      await refuseClosedPeriods(ws, importId, fileName)
    throw cause
  }
  await refuseClosedPeriods(ws, importId, fileName)
}

async function settleScopes(
  ws: Workspace,
  importId: number,
  fileName: string,
  onOverlap?: OverlapChoice,
  costView?: CostViewChoice,
): Promise<void> {
  // A part of an AWS CUR delivery is settled with the delivery's other parts (cur-delivery.ts).
  const part = deliveryPart()
  if (part) return part.settle(importId)
  // The fingerprints only once an earlier import counts one of the scopes; else after the commit.
  await ws.run(insertScopesSql('c.x_ImportId = $1', true), [importId])
  // Recorded first: the comparisons below leave out the other cost view's imports.
  const view = costView ? await settleCostView(ws, importId, fileName, costView.chosen) : null
  // Rows are compared only when an earlier import counts one of the scopes (most imports: none).
  const [candidates] = await ws.all(COUNT_OVERLAPS_SQL, [importId])
  if (Number(candidates?.n ?? 0) === 0) return
  await fillPendingFingerprints(ws)
  const overlaps = (await ws.all(OVERLAPS_SQL, [importId])).map(toOverlap)
  const scopes = (await ws.all(SCOPES_OF_IMPORT_SQL, [importId])).map(toScope)
  const same = scopes.map((s) => overlaps.find((o) => o.sameContent && sameScope(o, s)))
  if (same.every((o) => o !== undefined)) refuseDuplicate(fileName, same)
  const viewed = overlaps.find((o) => o.sharesRows && o.costView !== null)
  if (costView && view === null && viewed?.costView)
    refuseUnsaidCostView(fileName, { ...viewed, costView: viewed.costView })
  await refuseOlderVersion(ws, importId, fileName, scopes, same)
  const restated = overlaps.filter((o) => o.sharesRows)
  if (restated.length === 0) return
  // The user's choice, when given, applies to every overlap; a clean restatement needs none.
  const choice =
    onOverlap ?? (isCleanRestatement(scopes, restated, overlaps) ? 'supersede' : undefined)
  if (choice === 'supersede') await supersedeScopes(ws, importId, fileName, restated)
  else if (choice === 'keep-both') await recordKeptOverlaps(ws, importId, fileName, restated)
  else refuseOverlap(fileName, scopes, restated, choice === 'skip')
}

/**
 * A restatement replaces whole deliveries: each of the new import's scopes restates an
 * earlier import, and every scope those earlier imports still count is restated.
 */
function isCleanRestatement(
  scopes: readonly ScopeKey[],
  restated: readonly Overlap[],
  overlaps: readonly Overlap[],
): boolean {
  if (!scopes.every((s) => restated.some((o) => sameScope(o, s)))) return false
  return restated.every((o) =>
    overlaps.filter((other) => other.importId === o.importId).every((other) => other.sharesRows),
  )
}

/**
 * A file whose every scope holds exactly the rows counted now or rows a later import
 * superseded is an older version of what is loaded: re-importing it must not undo the
 * restatement, so it is refused as already imported.
 */
async function refuseOlderVersion(
  ws: Workspace,
  importId: number,
  fileName: string,
  scopes: readonly ScopeKey[],
  same: ReadonlyArray<Overlap | undefined>,
): Promise<void> {
  const older = (await ws.all(SAME_AS_SUPERSEDED_SQL, [importId])).map((row) => ({
    ...toOverlap(row),
    supersededBy: Number(row.superseded_by),
  }))
  const matched = scopes.map((s, i) => same[i] ?? older.find((o) => sameScope(o, s)))
  if (older.length === 0 || !matched.every((o) => o !== undefined)) return
  const earlier = distinctImports(older)
  fail(
    'DUPLICATE_FILE',
    `${fileName} is already imported: its rows are those of ${earlier.map(describeImport).join(', ')}, which ${earlier.map((o) => `import #${o.supersededBy}`).join(', ')} superseded; nothing was added.`,
    {
      hint: 'The newer delivery stays counted. Import the restated file again only if it changed.',
      details: { importId: earlier[0]?.importId, importIds: earlier.map((o) => o.importId) },
    },
  )
}

function refuseDuplicate(fileName: string, same: ReadonlyArray<Overlap | undefined>): never {
  const earlier = distinctImports(same.filter((o): o is Overlap => o !== undefined))
  fail(
    'DUPLICATE_FILE',
    `${fileName} is already imported (the same rows as ${earlier.map(describeImport).join(', ')}, in other bytes or under another name); nothing was added.`,
    { details: { importId: earlier[0]?.importId, importIds: earlier.map((o) => o.importId) } },
  )
}

function refuseOverlap(
  fileName: string,
  scopes: readonly ScopeKey[],
  restated: readonly Overlap[],
  skipped: boolean,
): never {
  const earlier = distinctImports(restated)
  const shared = restated.filter((o, i) => restated.findIndex((x) => sameScope(x, o)) === i)
  const message = `${fileName} overlaps ${earlier.map(describeImport).join(', ')} in ${shared.length} of its ${scopes.length} billing scope${scopes.length === 1 ? '' : 's'} (${shared.map(describeScope).join('; ')}) without restating ${earlier.length === 1 ? 'it' : 'them'} whole`
  fail(
    'OVERLAP',
    skipped ? `${message}; skipped as asked, nothing was added.` : `${message}; nothing was added.`,
    {
      hint: skipped
        ? undefined
        : 'Import it again choosing what to do: supersede the earlier rows of the shared scopes, keep both, or skip it (focal import --on-overlap supersede|keep-both|skip).',
      location: { file: fileName },
      details: {
        skipped,
        importIds: earlier.map((o) => o.importId),
        scopes: shared.map(({ provider, billingAccountId, billingPeriodStart }) => ({
          provider,
          billingAccountId,
          billingPeriodStart,
        })),
      },
    },
  )
}

function distinctImports<T extends Overlap>(overlaps: readonly T[]): T[] {
  return overlaps.filter((o, i) => overlaps.findIndex((x) => x.importId === o.importId) === i)
}

function describeImport(o: Overlap): string {
  return `import #${o.importId} (${o.fileName})`
}

function describeScope(s: ScopeKey): string {
  const period = s.billingPeriodStart?.slice(0, 7) ?? 'no billing period'
  return `${s.provider ?? 'no provider'}, account ${s.billingAccountId ?? '(none)'}, ${period}`
}

function sameScope(a: ScopeKey, b: ScopeKey): boolean {
  return (
    a.provider === b.provider &&
    a.billingAccountId === b.billingAccountId &&
    a.billingPeriodStart === b.billingPeriodStart
  )
}

function toScope(row: Row): ScopeKey {
  const text = (value: unknown): string | null => (value == null ? null : String(value))
  return {
    provider: text(row.provider),
    billingAccountId: text(row.billing_account_id),
    billingPeriodStart: text(row.billing_period_start),
  }
}

function toOverlap(row: Row): Overlap {
  return {
    ...toScope(row),
    importId: Number(row.import_id),
    fileName: String(row.file_name),
    sameContent: Boolean(row.same_content),
    sharesRows: Boolean(row.shares_rows),
    costView: row.cost_view === 'actual' || row.cost_view === 'amortized' ? row.cost_view : null,
  }
}
