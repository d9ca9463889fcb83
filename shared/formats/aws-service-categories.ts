/**
 * AWS product code → FOCUS ServiceCategory, read from
 * resources/lookups/aws-service-categories.csv: focus_converters
 * `conversion_configs/aws/mapping_files/aws_category_mapping.csv` @ c799bf96 (MIT,
 * © FinOps Foundation; see resources/lookups/README.md).
 */
import csv from '../../resources/lookups/aws-service-categories.csv?raw'
import { lookupTable } from './lookup-table'

/** ServiceCategory per `lineItem/ProductCode`. */
export const AWS_SERVICE_CATEGORIES = lookupTable(csv, 'product_code', 'ServiceCategory')
