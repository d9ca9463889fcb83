/**
 * Azure ConsumedService → FOCUS ServiceCategory, read from
 * resources/lookups/azure-service-categories.csv: focus_converters
 * `conversion_configs/azure/mapping_files/azure_category_mapping.csv` @ c799bf96 (MIT,
 * © FinOps Foundation; see resources/lookups/README.md). Keys are lower case.
 */
import csv from '../../resources/lookups/azure-service-categories.csv?raw'
import { lookupTable } from './lookup-table'

/** ServiceCategory per lower-case ConsumedService. */
export const AZURE_SERVICE_CATEGORIES = lookupTable(csv, 'ConsumedService', 'ServiceCategory', {
  lower: true,
})
