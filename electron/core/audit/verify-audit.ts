/**
 * `focal audit verify`: the hash chain walked from the first entry
 * (verify-chain.ts), where it began for a workspace upgraded from before the
 * chain, the imports' stored files, rows and sums against the log's record
 * of them (verify-imports.ts), and the stored closes and reopens against
 * theirs (verify-closes.ts).
 */
import type { Workspace } from '../workspace/workspace'
import { CHAIN_ENTRIES_SQL } from './audit-sql'
import { verifyChain, type AuditBreak, type ChainResult } from './verify-chain'
import { verifyCloses, type ClosesResult } from './verify-closes'
import { verifyImports, type ImportsResult } from './verify-imports'

/** Where the chain began on a workspace upgraded from before it: entries up to `through` were chained then. */
export interface ChainStart {
  /** The `workspace.upgrade` entry that chained the earlier ones. */
  readonly upgradeSeq: number
  readonly through: number
  readonly at: string
}

/** Everything `focal audit verify` reports. */
export interface AuditVerification {
  /** True when the chain holds and every logged import matches what is stored. */
  readonly ok: boolean
  readonly entries: number
  /** The last entry's number and hash: note it to tell later whether entries were removed from the end. */
  readonly head: { seq: number; hash: string } | null
  readonly chainStart: ChainStart | null
  readonly break: AuditBreak | null
  readonly imports: ImportsResult
  readonly closes: ClosesResult
}

/**
 * Verifies the audit log of `ws` on a reader of its own. `head` is a hash an earlier verify
 * reported as the last entry's: it must still be in the chain, so entries cut from the end
 * (which leave an intact, shorter chain) are found.
 */
export async function verifyAudit(
  ws: Workspace,
  options: { head?: string } = {},
): Promise<AuditVerification> {
  const connection = await ws.reader()
  try {
    const rows = await ws.all(CHAIN_ENTRIES_SQL, [], connection)
    const walked = verifyChain(rows)
    const chain = walked.break || !options.head ? walked : withHead(walked, rows, options.head)
    const imports = await verifyImports(ws, connection)
    const closes = await verifyCloses(ws, connection)
    return {
      ok: chain.break === null && imports.mismatches.length === 0 && closes.mismatches.length === 0,
      entries: chain.entries,
      head: chain.head,
      chainStart: chainStart(rows),
      break: chain.break,
      imports,
      closes,
    }
  } finally {
    connection.closeSync()
  }
}

/** The walked chain, broken when no entry has the hash an earlier verify noted as the last. */
function withHead(
  chain: ChainResult,
  rows: readonly Record<string, unknown>[],
  head: string,
): ChainResult {
  if (rows.some((row) => row.hash === head)) return chain
  const last = chain.head
  return {
    ...chain,
    break: {
      seq: null,
      field: 'head',
      expected: `an entry with hash ${head}`,
      found: last ? `none; the last entry is ${last.seq}, hash ${last.hash}` : 'no entries',
      message:
        'No entry has the hash noted as the last one earlier: entries were removed from the end, or the log was rewritten.',
    },
  }
}

/** The latest upgrade that chained earlier entries, as its entry states it. */
function chainStart(rows: readonly Record<string, unknown>[]): ChainStart | null {
  for (const row of [...rows].reverse()) {
    if (row.action !== 'workspace.upgrade') continue
    try {
      const details = JSON.parse(String(row.details)) as { chainedAtUpgrade?: unknown }
      if (typeof details.chainedAtUpgrade !== 'number') continue
      return {
        upgradeSeq: Number(row.seq),
        through: details.chainedAtUpgrade,
        at: new Date(Number(BigInt(String(row.us)) / 1000n)).toISOString(),
      }
    } catch {
      continue
    }
  }
  return null
}
