// Store contract on a real PostgreSQL server (ACCORDANCE_TEST_DATABASE_URL), each test in its own schema.
import { storeContract } from './testing/store-contract.ts';
import { dropPostgresSchema, openPostgresDatabase } from './sql/postgres-database.ts';

const url = process.env.ACCORDANCE_TEST_DATABASE_URL;
const skip = url
  ? false
  : (process.env.ACCORDANCE_SKIP_POSTGRES ?? 'ACCORDANCE_TEST_DATABASE_URL is not set');
let n = 0;

storeContract(
  'PostgreSQL',
  async () => {
    const schema = `accordance_test_${process.pid}_${n++}`;
    const db = await openPostgresDatabase({ connectionString: url ?? '', schema, max: 4 });
    return { db, cleanup: () => dropPostgresSchema(url ?? '', schema) };
  },
  skip,
);
