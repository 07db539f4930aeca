/** The two stores chidao runs on: embedded SQLite and production PostgreSQL. */
export type StoreKind = 'sqlite' | 'postgres'
