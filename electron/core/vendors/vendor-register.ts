/**
 * The vendor register (issue 13, Vendor register): the vendors the data names with their
 * cost per billing period and currency, and the vendors and contracts entered by hand (SaaS,
 * tools, a cloud provider's terms). Each save and delete is written in one transaction with
 * its audit entry (`vendor.save`, `vendor.delete`).
 */
import { fail } from '../../../shared/contract'
import {
  VendorInputSchema,
  type VendorEntry,
  type VendorInput,
  type VendorRegister,
  type VendorRole,
} from '../../../shared/contract/vendors'
import { normalizeDecimal } from '../../../shared/money'
import {
  categoryOverlaps,
  RENEWAL_WINDOW_DAYS,
  renewalsDue,
} from '../../../shared/vendors/renewals'
import { focusColumns } from '../rows/rows-page'
import { actorName, type Workspace, type Row } from '../workspace/workspace'
import { dataVendorsSql, VENDOR_BY_ID_SQL, VENDORS_LIST_SQL } from './vendors-sql'

const FIELDS = [
  'name',
  'category',
  'owner',
  'contractStart',
  'contractEnd',
  'renewalDate',
  'noticeDays',
  'dataHeld',
  'exitPlan',
  'annualValue',
  'currency',
] as const

/** Checks what a person entered beyond its shape; fails BAD_VALUE naming the field and what to do. */
function checked(input: VendorInput): VendorInput {
  const parsed = VendorInputSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    fail('BAD_VALUE', `Vendor field ${String(issue?.path[0] ?? '')}: ${issue?.message ?? ''}.`, {
      hint: 'Correct the field and save again; nothing was saved.',
    })
  }
  const v = parsed.data
  const blank = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s)
  const clean: VendorInput = {
    ...v,
    category: blank(v.category),
    owner: blank(v.owner),
    dataHeld: blank(v.dataHeld),
    exitPlan: blank(v.exitPlan),
  }
  for (const [field, date] of [
    ['contractStart', clean.contractStart],
    ['contractEnd', clean.contractEnd],
    ['renewalDate', clean.renewalDate],
  ] as const)
    if (date !== null && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
      fail('BAD_VALUE', `Vendor ${clean.name}: ${field} "${date}" is not a date.`, {
        hint: 'Write the date as YYYY-MM-DD; nothing was saved.',
      })
  if (clean.contractStart && clean.contractEnd && clean.contractEnd < clean.contractStart)
    fail('BAD_VALUE', `Vendor ${clean.name}: the contract ends before it starts.`, {
      hint: 'Correct the contract start or end; nothing was saved.',
    })
  if ((clean.annualValue === null) !== (clean.currency === null))
    fail(
      'BAD_VALUE',
      `Vendor ${clean.name}: an annual value needs its currency, and the reverse.`,
      {
        hint: 'Give both the annual value and its currency (e.g. 12000 and EUR), or neither.',
      },
    )
  return clean
}

function entryOf(r: Row, dataNames: ReadonlyMap<string, string>): VendorEntry {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
  const name = String(r.name)
  return {
    id: Number(r.id),
    name,
    category: text(r.category),
    owner: text(r.owner),
    contractStart: text(r.contract_start),
    contractEnd: text(r.contract_end),
    renewalDate: text(r.renewal_date),
    noticeDays: r.notice_days === null ? null : Number(r.notice_days),
    dataHeld: text(r.data_held),
    exitPlan: text(r.exit_plan),
    annualValue: r.annual_value === null ? null : normalizeDecimal(String(r.annual_value)),
    currency: text(r.currency),
    updatedAt: String(r.updated_at),
    actor: String(r.actor),
    dataName: dataNames.get(name.trim().toLowerCase()) ?? null,
  }
}

/** Saves a new vendor (no `id`) or replaces the one with `id`; returns it as stored. */
export async function saveVendor(
  ws: Workspace,
  input: VendorInput,
  id?: number,
): Promise<VendorEntry> {
  const v = checked(input)
  const saved = await ws.transaction(async () => {
    let target = id
    if (target === undefined) {
      const [next] = await ws.all('SELECT coalesce(max(id), 0) + 1 AS id FROM vendors')
      target = Number(next?.id ?? 1)
    } else {
      const [found] = await ws.all('SELECT name FROM vendors WHERE id = $1', [target])
      if (!found)
        fail('NOT_FOUND', `No vendor ${target} in the register.`, {
          hint: 'List the register (focal vendors) for the ids.',
        })
      await ws.run('DELETE FROM vendors WHERE id = $1', [target])
    }
    await ws.run(
      `INSERT INTO vendors VALUES ($1, $2, $3, $4, CAST($5 AS DATE), CAST($6 AS DATE),
        CAST($7 AS DATE), $8, $9, $10, CAST($11 AS DECIMAL(38,18)), $12, now(), $13)`,
      [
        target,
        v.name,
        v.category,
        v.owner,
        v.contractStart,
        v.contractEnd,
        v.renewalDate,
        v.noticeDays,
        v.dataHeld,
        v.exitPlan,
        v.annualValue,
        v.currency,
        actorName(),
      ],
    )
    await ws.audit(
      'vendor.save',
      v.name,
      Object.fromEntries([['id', target], ...FIELDS.map((f) => [f, v[f]])]),
    )
    return target
  })
  const entry = (await listVendorEntries(ws)).find((e) => e.id === saved)
  if (!entry) return fail('INTERNAL', `Vendor ${saved} was not read back after saving.`)
  return entry
}

/** Deletes the vendor with `id`; the audit entry keeps what it held. */
export async function deleteVendor(
  ws: Workspace,
  id: number,
): Promise<{ deleted: true; name: string }> {
  return ws.transaction(async () => {
    const [found] = await ws.all(VENDOR_BY_ID_SQL, [id])
    if (!found)
      fail('NOT_FOUND', `No vendor ${id} in the register.`, {
        hint: 'List the register (focal vendors) for the ids.',
      })
    const entry = entryOf(found, new Map())
    await ws.run('DELETE FROM vendors WHERE id = $1', [id])
    await ws.audit(
      'vendor.delete',
      entry.name,
      Object.fromEntries([['id', id], ...FIELDS.map((f) => [f, entry[f]])]),
    )
    return { deleted: true as const, name: entry.name }
  })
}

async function readCosts(ws: Workspace): Promise<VendorRegister['costs']> {
  const connection = await ws.reader()
  try {
    const columns = new Set((await focusColumns(ws, connection)).map((c) => c.name))
    const rows = await ws.all(dataVendorsSql(columns), [], connection)
    return rows.map((r) => ({
      name: String(r.name),
      role: String(r.role) as VendorRole,
      period: String(r.period),
      currency: String(r.currency),
      rows: Number(r.n),
      billedCost: normalizeDecimal(String(r.billed)),
      effectiveCost: normalizeDecimal(String(r.effective)),
    }))
  } finally {
    connection.closeSync()
  }
}

async function listVendorEntries(
  ws: Workspace,
  costs?: VendorRegister['costs'],
): Promise<VendorEntry[]> {
  const names = new Map((costs ?? (await readCosts(ws))).map((c) => [c.name.toLowerCase(), c.name]))
  return (await ws.all(VENDORS_LIST_SQL)).map((r) => entryOf(r, names))
}

/** The register as of `asOf` (YYYY-MM-DD, UTC; today when absent). */
export async function vendorRegister(ws: Workspace, asOf?: string): Promise<VendorRegister> {
  const day = asOf ?? new Date().toISOString().slice(0, 10)
  const costs = await readCosts(ws)
  const entries = await listVendorEntries(ws, costs)
  return {
    asOf: day,
    entries,
    costs,
    renewals: renewalsDue(entries, day),
    overlaps: categoryOverlaps(entries),
    windowDays: RENEWAL_WINDOW_DAYS,
  }
}
