// Creates a new embedded database folder (argv[2]) and exits. Run in a process of its own by
// openEmbedded: PostgreSQL's initdb inside PGlite leaves a process about 500 MB larger, for good.
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(process.argv[2]);
await db.exec('CHECKPOINT');
await db.close();
