/**
 * The PDF thread (see pdf-worker.ts): lays out pdfmake documents away from the event loop. Its fonts
 * are the Roboto files that ship with pdfmake; no network, and every other file or URL is refused.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

export interface PdfRequest {
  id: number;
  doc: TDocumentDefinitions;
}
export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

const require = createRequire(import.meta.url);
const fontsFile = require.resolve('pdfmake/fonts/Roboto.js');
const fontDir = path.join(path.dirname(fontsFile), 'Roboto') + path.sep;

pdfmake.setFonts(require(fontsFile) as TFontDictionary);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

const port = parentPort!;
port.on('message', ({ id, doc }: PdfRequest) => {
  pdfmake
    .createPdf(doc)
    .getBuffer()
    .then(
      (pdf) => port.postMessage({ id, pdf } satisfies PdfReply),
      (error: unknown) =>
        port.postMessage({
          id,
          error: String((error as { message?: unknown } | null)?.message || error),
        } satisfies PdfReply),
    );
});
