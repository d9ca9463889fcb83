/**
 * Azure resource locations as written in cost exports ("US East 2", "ae central")
 * → FOCUS RegionId and RegionName, read from resources/lookups/azure-regions.csv:
 * microsoft/finops-toolkit `src/open-data/Regions.csv` @ 04d370f3 (MIT, © Microsoft
 * Corporation; see resources/lookups/README.md). Keys are lower case.
 */
import csv from '../../resources/lookups/azure-regions.csv?raw'
import { lookupTable } from './lookup-table'

/** RegionId per lower-case Azure location. */
export const AZURE_REGION_IDS = lookupTable(csv, 'OriginalValue', 'RegionId', { lower: true })

/** RegionName per lower-case Azure location. */
export const AZURE_REGION_NAMES = lookupTable(csv, 'OriginalValue', 'RegionName', { lower: true })
