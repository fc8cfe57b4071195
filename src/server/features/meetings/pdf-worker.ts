/**
 * Renders pdfmake documents in one worker thread, so laying out a PDF (a few hundred milliseconds)
 * never holds up the event loop that serves the live rooms. The worker starts on the first PDF and
 * stops after a minute without one. The thread's own code is pdf.thread.ts.
 */
import type { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { startThread } from '../../threads/start.ts';
import type { PdfReply, PdfRequest } from './pdf.thread.ts';

const idleMs = 60_000;

let worker: Worker | null = null;
let idle: NodeJS.Timeout | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
}

function started(): Worker {
  if (worker) return worker;
  const fresh = startThread(new URL('./pdf.thread.ts', import.meta.url));
  fresh.unref();
  fresh.on('message', (reply: PdfReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('pdf' in reply) w?.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else w?.reject(new Error(`The PDF could not be made: ${reply.error}`));
  });
  fresh.on('error', (error) => failAll(error));
  fresh.on('exit', () => {
    if (worker === fresh) worker = null;
    failAll(new Error('The PDF worker stopped.'));
  });
  worker = fresh;
  return fresh;
}

export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  clearTimeout(idle);
  const id = nextId++;
  const done = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
  started().postMessage({ id, doc } satisfies PdfRequest);
  return done.finally(() => {
    if (waiting.size > 0) return;
    idle = setTimeout(() => void worker?.terminate(), idleMs);
    idle.unref();
  });
}
