/** mirage-vfs for browsers: the core (OPFS and other browser resources join it here). */
export * from "./index.ts"
