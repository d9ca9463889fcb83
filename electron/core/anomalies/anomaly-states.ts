/**
 * What a person decided about anomalies, kept in the workspace: each anomaly's state (new,
 * acknowledged, explained with a note and owner, dismissed) under its key, so a re-scan finds
 * it again, and the scan's settings. Every change is audited in the same transaction.
 */
import {
  DEFAULT_ANOMALY_SETTINGS,
  anomalyKeyText,
  type AnomalyKey,
  type AnomalySettings,
  type AnomalyState,
} from '../../../shared/anomalies'
import { fail } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { actorName, type Workspace } from '../workspace/workspace'

/** A state as stored (or `new` with no author when none is). */
export interface StateRecord {
  readonly state: AnomalyState
  readonly note: string | null
  readonly owner: string | null
  readonly by: string | null
  readonly at: string | null
}

/** The state of an anomaly nobody has touched. */
export const NEW_STATE: StateRecord = { state: 'new', note: null, owner: null, by: null, at: null }

/** Every stored state of anomalies of series by `by`, by key text. */
export async function readStates(
  ws: Workspace,
  by: readonly [string, string],
): Promise<Map<string, StateRecord>> {
  const rows = await ws.all(
    `SELECT anomaly_key, state, note, owner, actor,
       strftime(changed_at, '%Y-%m-%dT%H:%M:%SZ') AS at
     FROM anomaly_states WHERE by0 = $1 AND by1 = $2`,
    [by[0], by[1]],
  )
  return new Map(
    rows.map((r) => [
      String(r.anomaly_key),
      {
        state: String(r.state) as AnomalyState,
        note: r.note == null ? null : String(r.note),
        owner: r.owner == null ? null : String(r.owner),
        by: String(r.actor),
        at: String(r.at),
      },
    ]),
  )
}

/** A state change: `explained` needs a note (what happened); owner is who answers for it. */
export interface StateChange {
  readonly key: AnomalyKey
  readonly state: AnomalyState
  readonly note?: string
  readonly owner?: string
}

/** Stores a state (replacing the last one) with its audit entry; returns it as stored. */
export async function setAnomalyState(ws: Workspace, change: StateChange): Promise<StateRecord> {
  const note = change.note?.trim() || null
  const owner = change.owner?.trim() || null
  if (change.state === 'explained' && !note)
    fail('BAD_VALUE', 'An explanation needs its text: say what caused the change.')
  const { key } = change
  const text = anomalyKeyText(key)
  return ws.transaction(async () => {
    await ws.run('DELETE FROM anomaly_states WHERE anomaly_key = $1', [text])
    await ws.run(
      `INSERT INTO anomaly_states VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS DATE), $8, $9, $10, $11, now())`,
      [
        text,
        key.by[0],
        key.by[1],
        key.values[0],
        key.values[1],
        key.currency,
        key.day,
        change.state,
        note,
        owner,
        actorName(),
      ],
    )
    await ws.audit('anomaly.state', text, { state: change.state, note, owner })
    const stored = (await readStates(ws, key.by)).get(text)
    return stored ?? NEW_STATE
  })
}

/** The stored settings, or the defaults for those never set. */
export async function readSettings(ws: Workspace): Promise<AnomalySettings> {
  const rows = await ws.all('SELECT name, value FROM anomaly_settings')
  const stored = new Map(rows.map((r) => [String(r.name), String(r.value)]))
  const sensitivity = Number(stored.get('sensitivity') ?? DEFAULT_ANOMALY_SETTINGS.sensitivity)
  return {
    minAmount: stored.get('minAmount') ?? DEFAULT_ANOMALY_SETTINGS.minAmount,
    sensitivity: Number.isFinite(sensitivity) ? sensitivity : DEFAULT_ANOMALY_SETTINGS.sensitivity,
  }
}

/** Changes the settings given (the others stay) with an audit entry; returns them all. */
export async function writeSettings(
  ws: Workspace,
  change: Partial<AnomalySettings>,
): Promise<AnomalySettings> {
  const entries: Array<[string, string]> = []
  if (change.minAmount !== undefined)
    entries.push(['minAmount', normalizeDecimal(change.minAmount)])
  if (change.sensitivity !== undefined) entries.push(['sensitivity', String(change.sensitivity)])
  if (entries.length === 0) return readSettings(ws)
  return ws.transaction(async () => {
    for (const [name, value] of entries) {
      await ws.run('DELETE FROM anomaly_settings WHERE name = $1', [name])
      await ws.run('INSERT INTO anomaly_settings VALUES ($1, $2)', [name, value])
    }
    await ws.audit('anomaly.settings', null, Object.fromEntries(entries))
    return readSettings(ws)
  })
}
