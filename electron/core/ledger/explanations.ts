/**
 * Variance explanations of the weekly ledger (issue 12): a text and an owner per (week,
 * dimension, value), and its sign-off by the operating-system user. Kept apart from the
 * figures, so a regenerated ledger or a new import finds them again; every save and sign-off
 * is written in one transaction with its audit entry.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import type {
  LedgerExplainRequest,
  LedgerExplanation,
  LedgerSignOffRequest,
} from '../../../shared/contract/ledger'
import { maskValue } from '../presentation/mask-values'
import { actorName, type Workspace } from '../workspace/workspace'
import {
  DELETE_LEDGER_EXPLANATION_SQL,
  INSERT_LEDGER_EXPLANATION_SQL,
  LEDGER_EXPLANATION_SQL,
  LEDGER_EXPLANATIONS_SQL,
  SIGN_LEDGER_EXPLANATION_SQL,
} from './ledger-sql'
import { resolveLedgerBy } from './ledger-dimension'
import { requestWeek } from './week-request'

/** The map key of a dimension value (NULL, the rows without one, apart from any text). */
export function valueKey(value: string | null): string {
  return value === null ? '\u0000' : `=${value}`
}

const text = (v: unknown): string | null => (v == null ? null : String(v))

function toExplanation(r: Record<string, unknown>): LedgerExplanation {
  return {
    text: String(r.text),
    owner: String(r.owner),
    updatedBy: String(r.updated_by),
    updatedAt: String(r.updated_at),
    signedBy: text(r.signed_by),
    signedAt: text(r.signed_at),
  }
}

/** The explanations of `week` by `dimension`, by valueKey. */
export async function readExplanations(
  ws: Workspace,
  week: string,
  dimension: string,
  connection: DuckDBConnection = ws.writer,
): Promise<Map<string, LedgerExplanation>> {
  const rows = await ws.all(LEDGER_EXPLANATIONS_SQL, [week, dimension], connection)
  // Stored under real values; while presentation mode is on the movers are aliases.
  return new Map(
    rows.map((r) => [valueKey(maskValue(ws, dimension, text(r.value))), toExplanation(r)]),
  )
}

/** A mover's key with its dimension resolved to its label. */
interface MoverKey {
  readonly week: string
  readonly by: string
  readonly value: string | null
}

async function readOne(ws: Workspace, key: MoverKey): Promise<LedgerExplanation | null> {
  const [row] = await ws.all(LEDGER_EXPLANATION_SQL, [key.week, key.by, key.value])
  return row ? toExplanation(row) : null
}

const subject = (key: MoverKey): string => `${key.week} ${key.by}=${key.value ?? '(none)'}`

/**
 * Saves the explanation of a mover. The same text and owner again keep the sign-off; a changed
 * one clears it, since the owner signed what was written before.
 */
export async function explainMover(
  ws: Workspace,
  request: LedgerExplainRequest,
): Promise<LedgerExplanation> {
  requestWeek(request.week)
  const { label } = await resolveLedgerBy(ws, request.by)
  const key = { week: request.week, by: label, value: request.value }
  return ws.transaction(async () => {
    const before = await readOne(ws, key)
    const same = before?.text === request.text && before.owner === request.owner
    const now = new Date().toISOString()
    await ws.run(DELETE_LEDGER_EXPLANATION_SQL, [key.week, key.by, key.value])
    await ws.run(INSERT_LEDGER_EXPLANATION_SQL, [
      key.week,
      key.by,
      key.value,
      request.currency ?? null,
      request.metric ?? null,
      request.text,
      request.owner,
      same ? before.signedBy : null,
      same ? before.signedAt : null,
      actorName(),
      now,
    ])
    await ws.audit('ledger.explain', subject(key), {
      ...key,
      text: request.text,
      owner: request.owner,
      signOffCleared: Boolean(before?.signedBy) && !same,
    })
    return (await readOne(ws, key)) as LedgerExplanation
  })
}

/** Signs off a mover's explanation as the operating-system user; there must be one to sign. */
export async function signOffMover(
  ws: Workspace,
  request: LedgerSignOffRequest,
): Promise<LedgerExplanation> {
  requestWeek(request.week)
  const key = { ...request, by: (await resolveLedgerBy(ws, request.by)).label }
  return ws.transaction(async () => {
    const before = await readOne(ws, key)
    if (!before)
      fail('BAD_REQUEST', `${subject(key)} has no explanation to sign off.`, {
        hint: 'Explain the change first (text and owner), then sign it off.',
      })
    const signer = actorName()
    await ws.run(SIGN_LEDGER_EXPLANATION_SQL, [
      key.week,
      key.by,
      key.value,
      signer,
      new Date().toISOString(),
    ])
    await ws.audit('ledger.signoff', subject(key), {
      ...key,
      text: before.text,
      owner: before.owner,
      signer,
    })
    return (await readOne(ws, key)) as LedgerExplanation
  })
}
