/**
 * The synthetic FOCUS 1.2 Cost and Usage dataset of the benchmark, as one
 * DuckDB SELECT over range(): every value comes from DuckDB's hash() of the
 * row or resource number (no random()), so the same row count always gives
 * the same rows with the pinned DuckDB version. Shape: one AWS-like billing
 * month (June 2025, hourly), ~40 services, rows/5 resources, 50 sub accounts
 * in 3 billing accounts (one bills in EUR, ~6% of rows), team/env/app tags.
 */
import { focusColumn, type FocusType } from '../../shared/focus'
import { quoteLiteral } from '../../shared/sql/identifiers'

/** Bumped whenever the generated data changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 1

/** Rows of `a|b|c` text as arrays of fields. */
const table = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split('|'))

// name | ServiceCategory | ServiceSubcategory | ARN service code | resource type | pricing unit | zonal.
// Ordered by size: the generator gives the first services the most resources.
const SERVICES = table(`
Amazon Elastic Compute Cloud|Compute|Virtual Machines|ec2|instance|Hrs|zonal
Amazon Relational Database Service|Databases|Relational Databases|rds|db|Hrs|zonal
Amazon Simple Storage Service|Storage|Object Storage|s3|bucket|GB-Mo|
Amazon Elastic Kubernetes Service|Compute|Containers|eks|cluster|Hrs|
Amazon ElastiCache|Databases|Caching|elasticache|cluster|Hrs|zonal
Amazon Redshift|Databases|Data Warehouses|redshift|cluster|Hrs|zonal
Amazon Elastic Block Store|Storage|Block Storage|ebs|volume|GB-Mo|zonal
AWS Lambda|Compute|Serverless Compute|lambda|function|Requests|
Amazon DynamoDB|Databases|NoSQL Databases|dynamodb|table|ReadRequestUnits|
Amazon CloudFront|Networking|Content Delivery|cloudfront|distribution|GB|
Amazon Virtual Private Cloud|Networking|Network Infrastructure|vpc|natgateway|Hrs|zonal
Elastic Load Balancing|Networking|Application Networking|elasticloadbalancing|loadbalancer|LCU-Hrs|
Amazon OpenSearch Service|Analytics|Search|es|domain|Hrs|zonal
Amazon Kinesis|Analytics|Streaming Analytics|kinesis|stream|ShardHours|
AWS Glue|Analytics|Data Processing|glue|job|DPU-Hour|
Amazon Athena|Analytics|Analytics Platforms|athena|workgroup|TB|
Amazon EMR|Analytics|Data Processing|elasticmapreduce|cluster|Hrs|zonal
Amazon SageMaker|AI and Machine Learning|Machine Learning|sagemaker|endpoint|Hrs|
Amazon Bedrock|AI and Machine Learning|Generative AI|bedrock|model|Tokens|
Amazon CloudWatch|Management and Governance|Observability|cloudwatch|metric|Metrics|
AWS CloudTrail|Management and Governance|Compliance|cloudtrail|trail|Events|
AWS Config|Management and Governance|Compliance|config|rule|Items|
AWS Key Management Service|Security|Secret Management|kms|key|Requests|
AWS Secrets Manager|Security|Secret Management|secretsmanager|secret|Secrets|
Amazon GuardDuty|Security|Threat Detection and Response|guardduty|detector|GB|
AWS WAF|Networking|Network Security|wafv2|webacl|Requests|
Amazon Route 53|Networking|Network Routing|route53|hostedzone|Queries|
Amazon Simple Queue Service|Integration|Messaging|sqs|queue|Requests|
Amazon Simple Notification Service|Integration|Messaging|sns|topic|Requests|
AWS Step Functions|Integration|Workflow Orchestration|states|statemachine|Transitions|
Amazon API Gateway|Integration|API Management|apigateway|restapi|Requests|
Amazon Elastic File System|Storage|File Storage|elasticfilesystem|filesystem|GB-Mo|
AWS Backup|Storage|Backup Storage|backup|vault|GB-Mo|
Amazon Elastic Container Registry|Compute|Containers|ecr|repository|GB-Mo|
AWS Fargate|Compute|Containers|ecs|task|vCPU-Hours|
AWS CodeBuild|Developer Tools|Continuous Integration and Deployment|codebuild|project|Minutes|
Amazon WorkSpaces|Compute|End User Computing|workspaces|workspace|Hrs|zonal
Amazon Cognito|Identity|Identity and Access Management|cognito-idp|userpool|MAU|
AWS IoT Core|Internet of Things|IoT Platforms|iot|thing|Messages|
AWS Support (Business)|Management and Governance|Support|support|plan|Dollars|
`)

// RegionId | RegionName, ordered by size.
const REGIONS = table(`
us-east-1|US East (N. Virginia)
eu-west-1|Europe (Ireland)
us-west-2|US West (Oregon)
eu-central-1|Europe (Frankfurt)
us-east-2|US East (Ohio)
ap-southeast-1|Asia Pacific (Singapore)
ap-northeast-1|Asia Pacific (Tokyo)
eu-west-2|Europe (London)
ap-southeast-2|Asia Pacific (Sydney)
ap-south-1|Asia Pacific (Mumbai)
ca-central-1|Canada (Central)
sa-east-1|South America (São Paulo)
`)

const TEAMS =
  'platform payments search data ml identity mobile web growth security infra analytics'.split(' ')
const ENVS = 'prod prod prod prod staging staging dev dev test sandbox'.split(' ')
const INSTANCES =
  't3.micro t3.large m5.large m5.xlarge m5.2xlarge c5.xlarge c5.4xlarge r5.large r5.2xlarge g5.xlarge'.split(
    ' ',
  )
const CORES = [2, 2, 2, 4, 8, 4, 16, 2, 8, 4]
const BILLING_ACCOUNTS = ['123456789012', '210987654321', '345678901234']
const BILLING_NAMES = ['Acme Corp', 'Acme Labs', 'Acme Europe GmbH']
const ISSUERS = [
  'Amazon Web Services, Inc.',
  'Amazon Web Services, Inc.',
  'Amazon Web Services EMEA SARL',
]

/** A DuckDB list literal, indexed below with a 0-based key as `list[key + 1]`. */
function list(values: ReadonlyArray<string | number | boolean>): string {
  return `[${values.map((v) => (typeof v === 'string' ? quoteLiteral(v) : String(v))).join(', ')}]`
}
const pick = (values: ReadonlyArray<string | number | boolean>, key: string): string =>
  `${list(values)}[${key} + 1]`
const column = (rows: string[][], field: number): string[] => rows.map((row) => row[field] ?? '')
const svc = (field: number): string => pick(column(SERVICES, field), 'esvc')
const zonal = pick(
  column(SERVICES, 6).map((z) => z === 'zonal'),
  'esvc',
)

const usage = "cat = 'Usage'"
const priced = "cat IN ('Usage', 'Purchase')"
const money = (expr: string): string => `CAST(${expr} AS DECIMAL(38,10))`

/** The FOCUS 1.2 Cost and Usage columns (57, spec order) and the SQL of each. */
const COLUMN_SQL: ReadonlyArray<readonly [string, string]> = [
  [
    'AvailabilityZone',
    `CASE WHEN ${usage} AND ${zonal} THEN region || chr(97 + (res % 3)::INT) END`,
  ],
  ['BilledCost', money('billed')],
  ['BillingAccountId', pick(BILLING_ACCOUNTS, 'ba')],
  ['BillingAccountName', pick(BILLING_NAMES, 'ba')],
  ['BillingAccountType', "'Management Account'"],
  ['BillingCurrency', 'currency'],
  ['BillingPeriodEnd', "TIMESTAMPTZ '2025-07-01 00:00:00+00'"],
  ['BillingPeriodStart', "TIMESTAMPTZ '2025-06-01 00:00:00+00'"],
  [
    'CapacityReservationId',
    `CASE WHEN ${usage} AND esvc = 0 AND res % 50 = 0 THEN printf('arn:aws:ec2:%s:%s:capacity-reservation/cr-%06x', region, sub_id, res % 4096) END`,
  ],
  ['CapacityReservationStatus', `CASE WHEN ${usage} AND esvc = 0 AND res % 50 = 0 THEN 'Used' END`],
  ['ChargeCategory', 'cat'],
  ['ChargeClass', "CASE WHEN cat = 'Credit' AND roll % 10 = 0 THEN 'Correction' END"],
  [
    'ChargeDescription',
    `CASE cat WHEN 'Usage' THEN printf('$%.6f per %s of %s %s', lup, unit, ${svc(3)}, rtype) WHEN 'Purchase' THEN 'Reserved capacity purchase, 1 year, no upfront' WHEN 'Tax' THEN 'Tax for ' || service ELSE 'Promotional credit' END`,
  ],
  [
    'ChargeFrequency',
    `CASE WHEN ${usage} THEN 'Usage-Based' WHEN cat = 'Purchase' THEN 'Recurring' ELSE 'One-Time' END`,
  ],
  [
    'ChargePeriodEnd',
    "period_start + CASE WHEN cat = 'Usage' THEN INTERVAL 1 HOUR ELSE INTERVAL 1 DAY END",
  ],
  ['ChargePeriodStart', 'period_start'],
  ['CommitmentDiscountCategory', "CASE WHEN cd_id IS NOT NULL THEN 'Usage' END"],
  ['CommitmentDiscountId', 'cd_id'],
  [
    'CommitmentDiscountName',
    "CASE WHEN cd_id IS NOT NULL THEN printf('RI %s %s', rtype, cd_key) END",
  ],
  ['CommitmentDiscountQuantity', `CASE WHEN covered THEN ${money('qty')} END`],
  ['CommitmentDiscountStatus', "CASE WHEN covered THEN 'Used' END"],
  ['CommitmentDiscountType', "CASE WHEN cd_id IS NOT NULL THEN 'Reserved Instance' END"],
  ['CommitmentDiscountUnit', "CASE WHEN cd_id IS NOT NULL THEN 'Hours' END"],
  ['ConsumedQuantity', `CASE WHEN ${usage} THEN ${money('qty')} END`],
  ['ConsumedUnit', `CASE WHEN ${usage} THEN unit END`],
  ['ContractedCost', money('contracted')],
  ['ContractedUnitPrice', `CASE WHEN ${priced} THEN ${money('cup')} END`],
  ['EffectiveCost', money('effective')],
  ['InvoiceId', "printf('INV-202506-%d', ba + 1)"],
  ['InvoiceIssuerName', pick(ISSUERS, 'ba')],
  ['ListCost', money('list')],
  ['ListUnitPrice', `CASE WHEN ${priced} THEN ${money('lup')} END`],
  [
    'PricingCategory',
    `CASE WHEN covered THEN 'Committed' WHEN ${usage} AND res % 20 = 0 THEN 'Dynamic' WHEN ${priced} THEN 'Standard' END`,
  ],
  ['PricingCurrency', 'currency'],
  ['PricingCurrencyContractedUnitPrice', `CASE WHEN ${priced} THEN ${money('cup')} END`],
  ['PricingCurrencyEffectiveCost', money('effective')],
  ['PricingCurrencyListUnitPrice', `CASE WHEN ${priced} THEN ${money('lup')} END`],
  ['PricingQuantity', `CASE WHEN ${priced} THEN ${money('qty')} END`],
  ['PricingUnit', `CASE WHEN ${usage} THEN unit WHEN cat = 'Purchase' THEN 'Hrs' END`],
  ['ProviderName', "'AWS'"],
  ['PublisherName', "'AWS'"],
  ['RegionId', `CASE WHEN ${priced} THEN region END`],
  ['RegionName', `CASE WHEN ${priced} THEN ${pick(column(REGIONS, 1), 'reg')} END`],
  [
    'ResourceId',
    `CASE WHEN ${usage} THEN printf('arn:aws:%s:%s:%s:%s/%s-%08x', ${svc(3)}, region, sub_id, rtype, left(rtype, 3), res) WHEN cat = 'Purchase' THEN cd_id END`,
  ],
  ['ResourceName', `CASE WHEN ${usage} THEN printf('%s-%s-%s-%x', team, env, rtype, res) END`],
  [
    'ResourceType',
    `CASE WHEN ${usage} THEN rtype WHEN cat = 'Purchase' THEN 'reserved-instance' END`,
  ],
  ['ServiceCategory', svc(1)],
  ['ServiceName', 'service'],
  ['ServiceSubcategory', svc(2)],
  ['SkuId', `CASE WHEN ${priced} THEN printf('SKU%06d', esvc * 125 + sku) END`],
  ['SkuMeter', `CASE WHEN ${priced} THEN rtype || ' usage' END`],
  [
    'SkuPriceDetails',
    `CASE WHEN ${usage} AND esvc = 0 THEN printf('{"CoreCount":%d,"InstanceType":"%s"}', ${pick(CORES, 'sku % 10')}, ${pick(INSTANCES, 'sku % 10')}) WHEN ${priced} THEN printf('{"x_PriceTier":%d}', sku % 4) END`,
  ],
  [
    'SkuPriceId',
    `CASE WHEN ${priced} THEN printf('SKU%06d-%s', esvc * 125 + sku, ${pick(['P', 'N', 'E'], 'ba')}) END`,
  ],
  ['SubAccountId', 'sub_id'],
  ['SubAccountName', `printf('acme-%s-%02d', ${pick(TEAMS, 'sub % 12')}, sub)`],
  ['SubAccountType', "'Linked Account'"],
  [
    'Tags',
    `CASE WHEN tag_roll = 0 THEN NULL
      WHEN tag_roll = 1 THEN printf('{"team":"%s","env":"%s"}', team, env)
      WHEN tag_roll = 2 THEN printf('{"team":"%s","env":"%s","app":"%s-%02d","cost-center":"cc-%03d"}', team, env, team, app, sub * 7 % 100)
      ELSE printf('{"team":"%s","env":"%s","app":"%s-%02d"}', team, env, team, app) END`,
  ],
]

/** One generated column: its FOCUS name and data type (ProviderName/PublisherName are 1.2-only strings). */
export interface SyntheticColumn {
  readonly name: string
  readonly type: FocusType
}

/** The generated columns, in file order. */
export const SYNTHETIC_COLUMNS: readonly SyntheticColumn[] = COLUMN_SQL.map(([name]) => ({
  name,
  type: focusColumn(name)?.type ?? 'string',
}))

/** SELECT producing `rows` typed rows: DECIMAL(38,10) money, TIMESTAMPTZ times, JSON as text. */
export function syntheticSelect(rows: number): string {
  const resources = Math.max(1000, Math.round(rows / 5))
  // u(x): a uniform value in [0, 1) from a hash; squaring it skews towards the first entries.
  const u = (key: string, salt: string): string => `(hash(${key}, '${salt}') % 1000000) / 1000000.0`
  return `WITH k AS (
  SELECT i, (hash(i, 'res') % ${resources})::BIGINT AS res, (hash(i, 'hour') % 720)::BIGINT AS hr,
    (hash(i, 'cat') % 1000)::INT AS roll, ${u('i', 'qty')} AS uq
  FROM range(${rows}) t(i)
), r AS (
  SELECT *,
    CASE WHEN roll < 20 THEN 'Purchase' WHEN roll < 50 THEN 'Tax' WHEN roll < 70 THEN 'Credit' ELSE 'Usage' END AS cat,
    floor(${SERVICES.length} * pow(${u('res', 'svc')}, 2))::INT AS svc0,
    floor(${REGIONS.length} * pow(${u('res', 'reg')}, 2))::INT AS reg,
    (hash(res, 'acct') % 50)::INT AS sub,
    (hash(res, 'sku') % 125)::INT AS sku,
    (hash(res, 'tags') % 10)::INT AS tag_roll,
    (hash(res, 'app') % 40)::INT AS app,
    ${pick(TEAMS, "(hash(res, 'team') % 12)::INT")} AS team,
    ${pick(ENVS, "(hash(res, 'env') % 10)::INT")} AS env,
    (hash(res, 'cd') % 10)::INT < 3 AS cd_roll
  FROM k
), s AS (
  SELECT *,
    -- Purchases are commitments of the six services that have them.
    CASE WHEN cat = 'Purchase' THEN svc0 % 6 ELSE svc0 END AS esvc,
    CASE WHEN sub < 3 THEN 2 ELSE sub % 2 END AS ba,
    printf('%012d', 200000000000 + sub * 1234567) AS sub_id,
    ${pick(column(REGIONS, 0), 'reg')} AS region
  FROM r
), p AS (
  SELECT *,
    ${svc(0)} AS service, ${svc(4)} AS rtype, ${svc(5)} AS unit,
    ${pick(['USD', 'USD', 'EUR'], 'ba')} AS currency,
    ${pick([0.05, 0.12, 0], 'ba')} AS disc,
    cat = 'Usage' AND esvc < 6 AND cd_roll AS covered,
    exp(${u('esvc, sku', 'price')} * 8 - 7) AS lup,
    CASE WHEN cat = 'Usage' THEN round(exp(uq * 7 - 2), 6) WHEN cat = 'Purchase' THEN 720 END AS qty,
    exp(uq * 6 + 2) AS amount,
    TIMESTAMPTZ '2025-06-01 00:00:00+00' + CASE WHEN cat = 'Usage' THEN to_hours(hr) ELSE to_days(hr // 24) END AS period_start
  FROM s
), c AS (
  SELECT *,
    lup * (1 - disc) AS cup,
    CASE WHEN covered OR cat = 'Purchase' THEN printf('%05d', sub * 6 + esvc) END AS cd_key,
    CASE cat WHEN 'Usage' THEN qty * lup WHEN 'Purchase' THEN qty * lup * 1.4 WHEN 'Tax' THEN amount / 50 ELSE 0 END AS list,
    CASE cat WHEN 'Usage' THEN qty * lup * (1 - disc) WHEN 'Purchase' THEN qty * lup WHEN 'Tax' THEN amount / 50 ELSE 0 END AS contracted
  FROM p
), m AS (
  SELECT *,
    CASE WHEN cd_key IS NOT NULL THEN printf('arn:aws:%s:us-east-1:%s:reserved-instances/ri-%s', ${svc(3)}, sub_id, cd_key) END AS cd_id,
    CASE WHEN covered THEN contracted * 0.62 WHEN cat = 'Purchase' THEN 0 WHEN cat = 'Credit' THEN -amount / 20 ELSE contracted END AS effective,
    CASE WHEN covered THEN 0 WHEN cat = 'Credit' THEN -amount / 20 ELSE contracted END AS billed
  FROM c
)
SELECT ${COLUMN_SQL.map(([name, sql]) => `${sql} AS "${name}"`).join(',\n  ')}
FROM m`
}

/** The same columns formatted as a FOCUS CSV writes them: ISO 8601 UTC times, decimals without trailing zeros. */
export function csvSelectList(): string {
  return SYNTHETIC_COLUMNS.map(({ name, type }) => {
    const id = `"${name}"`
    if (type === 'datetime') return `strftime(${id}, '%Y-%m-%dT%H:%M:%SZ') AS ${id}`
    if (type === 'decimal') return `rtrim(rtrim(CAST(${id} AS VARCHAR), '0'), '.') AS ${id}`
    return id
  }).join(', ')
}
