/**
 * Exact text → DECIMAL(38,18) in SQL, over any text expression: the fast paths that read a
 * number written as text as exactly as a plain cast but far cheaper, and the test of whether
 * DECIMAL(38,18) rounds it. stage-sql.ts applies them to staged and in-place columns.
 */

/**
 * True where a number written as text provably fits DECIMAL(18,10) without rounding: at most 8
 * integer and 10 decimal characters, counted after its exponent moves the point. AWS writes
 * small amounts with an exponent (`5.0E-7`), and DuckDB reads such a text into DECIMAL(38,18)
 * about 200 times slower than into DECIMAL(18,10), so exponents take the fast path too.
 */
export function fitsFastDecimal(text: string): string {
  const dot = `strpos(${text}, '.')`
  const e = `greatest(strpos(${text}, 'e'), strpos(${text}, 'E'))`
  const exponent = `TRY_CAST(substr(${text}, ${e} + 1) AS INTEGER)`
  const integers = `CASE WHEN ${dot} = 0 THEN ${e} - 1 ELSE ${dot} - 1 END`
  const decimals = `CASE WHEN ${dot} = 0 THEN 0 ELSE ${e} - 1 - ${dot} END`
  const plain = `CASE WHEN ${dot} = 0 THEN length(${text}) <= 8 ELSE ${dot} <= 9 AND length(${text}) - ${dot} <= 10 END`
  const scaled = `${dot} < ${e} AND ${exponent} BETWEEN -10 AND 8 AND ${decimals} - ${exponent} <= 10 AND ${integers} + ${exponent} <= 8`
  return `(CASE WHEN ${e} = 0 THEN ${plain} ELSE coalesce(${scaled}, false) END)`
}

/**
 * True where a number is written as a plain decimal below one (0.…, -0.…, no exponent): it
 * reads into DECIMAL(18,18), whatever its decimals, unless it rounds up to ±1.
 */
function plainBelowOne(text: string): string {
  return `((starts_with(${text}, '0.') OR starts_with(${text}, '-0.')) AND strpos(${text}, 'e') = 0 AND strpos(${text}, 'E') = 0)`
}

/**
 * True where a number is written as plain digits around a point, at most 18 on either side
 * and a minus sign at most: its whole part reads as a BIGINT and its fraction into
 * DECIMAL(18,18), both exactly (splitDecimal).
 */
function plainSplit(text: string): string {
  return `regexp_full_match(${text}, '-?[0-9]{1,18}[.][0-9]{1,18}')`
}

/**
 * A plainSplit value as DECIMAL(38,18): its signed whole part, then its fraction added or, for
 * a negative number (-0.5 too, whose whole part is 0), taken away.
 */
function splitDecimal(text: string): string {
  const whole = `CAST(split_part(${text}, '.', 1) AS BIGINT)`
  const fraction = `CAST('0.' || split_part(${text}, '.', 2) AS DECIMAL(18,18))`
  return `CAST(CASE WHEN starts_with(${text}, '-') THEN ${whole} - ${fraction} ELSE ${whole} + ${fraction} END AS DECIMAL(38,18))`
}

/**
 * Text → DECIMAL(38,18), exactly as a plain cast but about ten times cheaper:
 * DuckDB parses text into a 128-bit decimal slowly (≈1 µs a value, far more with
 * an exponent), while DECIMAL(18,10) is fast. Values that provably fit
 * DECIMAL(18,10) without rounding (fitsFastDecimal) take the fast path and are
 * widened; so do plain decimals below one through DECIMAL(18,18), which rounds
 * past 18 decimals as DECIMAL(38,18) does (Azure writes a third of its costs
 * with 11–28 decimals, 0.0001188669167459011366: the plain cast of those took
 * about 1 CPU-s per cost column per million rows), and one that rounds up to ±1,
 * past DECIMAL(18,18), takes the plain cast. A plain decimal of up to 18 digits on
 * either side of its point (the FOCUS 1.0 sample writes 11–15 decimals on every
 * row: about 8 µs a value by the plain cast, 0.5 by this) is its whole part plus its
 * fraction (splitDecimal), which never rounds. Every other value takes the plain
 * cast, so results are identical (measured by `npm run bench -- --profile`).
 */
export function textToMoney(text: string, cast: 'CAST' | 'TRY_CAST' = 'CAST'): string {
  const plain = `${cast}(${text} AS DECIMAL(38,18))`
  return `CASE WHEN ${fitsFastDecimal(text)} THEN ${fastDecimal(text, cast)} WHEN ${plainBelowOne(text)} THEN coalesce(CAST(TRY_CAST(${text} AS DECIMAL(18,18)) AS DECIMAL(38,18)), ${plain}) WHEN ${plainSplit(text)} THEN ${splitDecimal(text)} ELSE ${plain} END`
}

/** The fast path of textToMoney: read into DECIMAL(18,10), then widened. */
export function fastDecimal(text: string, cast: 'CAST' | 'TRY_CAST' = 'CAST'): string {
  return `CAST(${cast}(${text} AS DECIMAL(18,10)) AS DECIMAL(38,18))`
}

/**
 * A condition true where a number written as text has a non-zero digit past the 18th
 * decimal, so DECIMAL(38,18) rounds it — plain (0.1234567890123456789) or with an exponent
 * (1e-20, 1.23456789e-15; 100e-20 is exactly 1e-18 and is not rounded). Decimals past the
 * 18th = decimals written − exponent − trailing zeros of the digits. The exact test runs
 * only for the rare texts that could round (an exponent or more than 18 decimals written).
 */
export function roundsPast18Decimals(text: string): string {
  const dot = `strpos(${text}, '.')`
  const mayRound = `strpos(${text}, 'e') > 0 OR strpos(${text}, 'E') > 0 OR (${dot} > 0 AND length(${text}) - ${dot} > 18)`
  const mantissa = `regexp_replace(${text}, '[eE].*$', '')`
  const written = `CASE WHEN strpos(${mantissa}, '.') > 0 THEN length(${mantissa}) - strpos(${mantissa}, '.') ELSE 0 END`
  const exponent = `coalesce(TRY_CAST(regexp_extract(${text}, '[eE]([+-]?[0-9]+)$', 1) AS BIGINT), 0)`
  const digits = `regexp_replace(${mantissa}, '[^0-9]', '', 'g')`
  const trailingZeros = `length(${digits}) - length(rtrim(${digits}, '0'))`
  // A text that fits DECIMAL(18,10) has at most 10 decimals: the exact test is skipped for it.
  // Without an exponent, a decimal past the 18th is rounded away exactly when one is not 0:
  // read so, without the regular expressions, Azure's many long decimals cost a third as much.
  const plain = `strpos(${text}, 'e') = 0 AND strpos(${text}, 'E') = 0`
  const plainRounds = `${dot} > 0 AND length(${text}) - ${dot} > 18 AND rtrim(substr(${text}, ${dot} + 19), '0') <> ''`
  return `(CASE WHEN ${fitsFastDecimal(text)} THEN false WHEN ${plain} THEN ${plainRounds} WHEN ${mayRound} THEN rtrim(${digits}, '0') <> '' AND ${written} - ${exponent} - (${trailingZeros}) > 18 ELSE false END)`
}
