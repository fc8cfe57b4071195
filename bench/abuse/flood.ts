/**
 * The flood of the abuse benchmark, in its own process so that sending it does not slow the probes:
 * POST /api/auth/sign-in/email with a wrong password from one address at RATE per second for S seconds.
 * Reports how many were answered, with which statuses, over IPC.
 */
import http from 'node:http';

const [url, origin, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const body = JSON.stringify({ email: 'admin@example.org', password: 'a wrong guess, again' });
const statuses: Record<string, number> = {};
let sent = 0;
let answered = 0;
let errors = 0;
let inFlight = 0;
let skipped = 0;

function attempt() {
  if (inFlight > 2000) {
    skipped += 1;
    return;
  }
  inFlight += 1;
  sent += 1;
  const req = http.request(
    `${url}/api/auth/sign-in/email`,
    {
      method: 'POST',
      agent,
      localAddress: '127.0.0.1',
      headers: { 'content-type': 'application/json', origin, 'content-length': Buffer.byteLength(body) },
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        inFlight -= 1;
        answered += 1;
        const key = String(res.statusCode);
        statuses[key] = (statuses[key] ?? 0) + 1;
      });
    },
  );
  req.on('error', () => {
    inFlight -= 1;
    errors += 1;
  });
  req.end(body);
}

process.on('message', async (m: { type: string }) => {
  if (m.type !== 'start') return;
  const started = performance.now();
  const tickMs = 10;
  const total = rate * seconds;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent + skipped < due) attempt();
      if (sent + skipped >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const sendMs = performance.now() - started;
  const deadline = Date.now() + 10_000;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  process.send?.({ type: 'done', sent, answered, errors, skipped, statuses, sendMs: Math.round(sendMs) });
  agent.destroy();
  setTimeout(() => process.exit(0), 50);
});
process.send?.({ type: 'ready' });
