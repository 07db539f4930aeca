/** This package's version, stamped on what its own extractors read. */
export const VERSION = '0.1.0'
