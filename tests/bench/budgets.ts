/** Bench part `budgets`: the status of 200 budgets and the mid-month forecast backtest (issue 12: < 1 s, MAPE). */

/** Measures this part on the kept workspace (`focal`), with `work` as a scratch folder. */
export async function measureBudgets(
  _focal: string,
  _work: string,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  log('budgets: not measured in this build')
  return { measured: false }
}
