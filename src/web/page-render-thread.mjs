// Entry of a page-render thread: worker threads do not inherit tsx from the main thread, so the
// thread registers it itself before loading the TypeScript renderer.
import { register } from 'tsx/esm/api';

register();
await import('./page-render-thread.ts');
