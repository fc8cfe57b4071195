/**
 * Renders pdfmake documents in one worker thread, so laying out a PDF (a few hundred milliseconds)
 * never holds up the event loop that serves the live rooms. The worker starts on the first PDF and
 * stops after a minute without one. Its fonts are the Roboto files that ship with pdfmake, read from
 * node_modules: no network, and every other file or URL is refused.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const fonts = require.resolve('pdfmake/fonts/Roboto.js');
const setup = {
  pdfmake: require.resolve('pdfmake'),
  fonts,
  fontDir: path.join(path.dirname(fonts), 'Roboto') + path.sep,
};

// Plain CommonJS, evaluated in the worker: the bundled server has no separate file to point it at.
const source = `
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const pdfmake = require(workerData.pdfmake);
pdfmake.setFonts(require(workerData.fonts));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(workerData.fontDir));
parentPort.on('message', ({ id, doc }) => {
  pdfmake.createPdf(doc).getBuffer().then(
    (pdf) => parentPort.postMessage({ id, pdf }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

type Reply = { id: number; pdf: Uint8Array } | { id: number; error: string };
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
  const fresh = new Worker(source, { eval: true, workerData: setup });
  fresh.unref();
  fresh.on('message', (reply: Reply) => {
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
  started().postMessage({ id, doc });
  return done.finally(() => {
    if (waiting.size > 0) return;
    idle = setTimeout(() => void worker?.terminate(), idleMs);
    idle.unref();
  });
}
