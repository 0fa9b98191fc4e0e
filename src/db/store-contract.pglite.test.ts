// Store contract on the embedded database (PGlite, in memory).
import { storeContract } from './testing/store-contract.ts';
import { openPgliteDatabase } from './sql/pglite-database.ts';

storeContract('PGlite', async () => ({ db: await openPgliteDatabase(), cleanup: async () => undefined }));
