/** Bench part `ledger`: the weekly cost ledger of a week of the kept workspace (issue 12: < 1 s). */

/** Measures this part on the kept workspace (`focal`), with `work` as a scratch folder. */
export async function measureLedger(
  _focal: string,
  _work: string,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  log('ledger: not measured in this build')
  return { measured: false }
}
