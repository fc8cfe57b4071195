// A worker thread started from the TypeScript sources (tests, `npm run dev`; see start.ts): loads
// tsx's loader in this thread, then the thread's own module, whose URL is the first argument.
// Plain JavaScript, since nothing can load TypeScript before it has run.
import { register } from 'tsx/esm/api';

register();
const [entry] = process.argv.slice(2);
if (!entry) throw new Error('from-source.mjs needs the URL of a *.thread.ts module');
await import(entry);
