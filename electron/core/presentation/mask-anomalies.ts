/**
 * Presentation mode on the anomalies tab: a scan's series values and its drivers' resource
 * ids go out as the aliases the masked view shows (mask-values.ts); a series named by its
 * aliases (a state change, a chart) comes back to its real values here, so states stay kept
 * under the real key a re-scan finds and the renderer never holds a real value. A person's
 * own note and owner are shown as written.
 */
import type { AnomalyScan } from '../../../shared/contract'
import { fail } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { isMasked } from './presentation-mode'
import { maskValue, unmaskValue } from './mask-values'

type SeriesValues = readonly [string | null, string | null]

/** `scan` as the mode shows it (itself when the mode is off). */
export function maskScan(ws: Workspace, scan: AnomalyScan): AnomalyScan {
  if (!isMasked(ws)) return scan
  return {
    ...scan,
    anomalies: scan.anomalies.map((a) => ({
      ...a,
      key: { ...a.key, values: maskSeries(ws, a.key.by, a.key.values) },
      drivers: a.drivers.map((d) => ({
        ...d,
        resourceId: maskValue(ws, 'ResourceId', d.resourceId),
      })),
    })),
  }
}

function maskSeries(
  ws: Workspace,
  by: readonly [string, string],
  values: SeriesValues,
): [string | null, string | null] {
  return [maskValue(ws, by[0], values[0]), maskValue(ws, by[1], values[1])]
}

/** The real values of a series the screen named by its aliases; fails when one has no rows. */
export async function unmaskSeries(
  ws: Workspace,
  by: readonly [string, string],
  values: SeriesValues,
): Promise<[string | null, string | null]> {
  if (!isMasked(ws)) return [values[0], values[1]]
  const real = async (i: 0 | 1): Promise<string | null> => {
    const value = values[i]
    if (value === null) return null
    const found = await unmaskValue(ws, by[i], value)
    if (found === null)
      fail('NOT_FOUND', `No ${by[i]} of the cost rows is shown as ${value}.`, {
        hint: 'Scan again: the rows may have changed since this anomaly was listed.',
      })
    return found
  }
  return [await real(0), await real(1)]
}
