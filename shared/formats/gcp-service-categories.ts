/**
 * GCP service (`service.description`) → FOCUS ServiceCategory, read from
 * resources/lookups/gcp-service-categories.csv: focus_converters
 * `conversion_configs/gcp/mapping_files/gcp_category_mapping.csv` @ c799bf96 (MIT,
 * © FinOps Foundation; see resources/lookups/README.md).
 * Keys are lower case: the mapping looks them up with `lower`.
 */
import csv from '../../resources/lookups/gcp-service-categories.csv?raw'
import { lookupTable } from './lookup-table'

/** ServiceCategory per lower-cased `service.description`. */
export const GCP_SERVICE_CATEGORIES = lookupTable(csv, 'ConsumedService', 'ServiceCategory', {
  lower: true,
})
