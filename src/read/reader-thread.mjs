// Entry of a reader thread: Node's worker threads do not inherit tsx from the main thread, so the
// thread registers it itself before loading the TypeScript reader.
import { register } from 'tsx/esm/api';

register();
await import('./reader-thread.ts');
