/**
 * The API benchmark's baseline: a bare `node:http` server that answers each benchmarked request with the
 * very bytes Revans answered it with (status, headers, body), read from a JSON file given as argv[3].
 * Writes (POST) first insert their request body into a better-sqlite3 table (WAL, one prepared
 * statement, as bare as an insert gets) in a fresh file under argv[4], then answer with Revans's bytes.
 * Prints "baseline listening" when ready.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface CannedAnswer {
  method: 'GET' | 'POST';
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const port = Number(process.argv[2]);
const answers = JSON.parse(readFileSync(process.argv[3] ?? '', 'utf8')) as CannedAnswer[];
const db = new Database(path.join(process.argv[4] ?? '.', 'baseline.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'create table entry (id integer primary key, path text not null, body text not null, at text not null)',
);
const insert = db.prepare('insert into entry (path, body, at) values (?, ?, ?)');

const byKey = new Map<string, CannedAnswer & { bytes: Buffer }>(
  answers.map((a) => [`${a.method} ${a.path}`, { ...a, bytes: Buffer.from(a.body) }] as const),
);

createServer((request, response) => {
  const answer = byKey.get(`${request.method} ${request.url}`);
  if (!answer) {
    response.writeHead(404).end();
    return;
  }
  const send = () => {
    response.writeHead(answer.status, { ...answer.headers, 'content-length': answer.bytes.length });
    response.end(answer.bytes);
  };
  if (request.method !== 'POST') return send();
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    insert.run(answer.path, Buffer.concat(chunks).toString(), new Date().toISOString());
    send();
  });
}).listen(port, '127.0.0.1', () => console.log('baseline listening'));
