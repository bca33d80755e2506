// Values the test setup hands to test files through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the PostgreSQL server the `postgres` project runs against. */
    postgresAdminUrl: string;
  }
}

export {};
