/** Exchange rates and the reporting currency (README: Reporting currency), pure TS. */
export * from './rates-csv'
export * from './convert'
export * from './reporting'
