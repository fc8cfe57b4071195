/**
 * The contract is the one description of the API: every route the server answers under /api comes from it
 * (but the few that cannot), every contract route is served, and a client generated from the published
 * OpenAPI document by a third-party tool sees exactly the types the browser and the server use.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../src/contract/route.ts';
import { type ContractRouteConfig, routeTable } from '../../src/server/http/route-table.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/** Routes that cannot come from the contract, and why. */
const outsideTheContract: Record<string, string> = {
  '/api/auth/*': 'the accounts library serves its own endpoints',
  '/api/live': 'the live socket: its messages are described in src/contract/live.ts',
  '/api/openapi.json': 'the document the contract produces',
};
const isDocumentationPage = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

interface NamedRoute {
  name: string;
  module: string;
  route: Route;
}

const isRoute = (value: unknown): value is Route =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Route).method === 'string' &&
  typeof (value as Route).path === 'string' &&
  (value as Route).path.startsWith('/api/') &&
  Array.isArray((value as Route).tags);

const modules = import.meta.glob<Record<string, unknown>>(['../../src/contract/*.ts', '!**/*.test.ts'], {
  eager: true,
});
const contractRoutes: NamedRoute[] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, Route] => isRoute(entry[1]))
    .map(([name, route]) => ({ name, module: file, route })),
);
/** The accounts library's endpoints are described for the browser but served by the library. */
const servedRoutes = contractRoutes.filter((r) => !r.route.tags.includes('accounts'));
const key = (method: string, path: string) => `${method} ${path}`;

describe('the contract describes the whole API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('serves no /api route that does not come from the contract, but the few that cannot', () => {
    const strays = routeTable(t.app)
      .filter((r) => r.method !== 'HEAD')
      .filter((r) => r.url.startsWith('/api') && !(r.config as ContractRouteConfig | undefined)?.contract)
      .filter((r) => !(r.url in outsideTheContract) && !isDocumentationPage(r.url))
      .map((r) => key(String(r.method), r.url));
    expect(strays).toEqual([]);
  });

  it('serves every contract route exactly once, as the contract describes it', () => {
    // Fastify adds a HEAD twin for each GET route, with the same config.
    const registered = routeTable(t.app).flatMap((r) => {
      if (r.method === 'HEAD') return [];
      const contract = (r.config as ContractRouteConfig | undefined)?.contract;
      return contract ? [key(contract.method, contract.path)] : [];
    });
    expect(servedRoutes.length).toBeGreaterThan(100);
    const missing = servedRoutes.filter((r) => !registered.includes(key(r.route.method, r.route.path)));
    expect(missing.map((r) => `${r.name} (${r.module})`)).toEqual([]);
    const twice = registered.filter((k, i) => registered.indexOf(k) !== i);
    expect(twice).toEqual([]);
  });

  it('gives every route a success answer: a body schema, no content, or the media type of a file', () => {
    const silent = servedRoutes.filter((r) => r.route.response === undefined && !r.route.produces);
    expect(silent.map((r) => r.name)).toEqual([]);
  });

  it('names the same routes in the OpenAPI document, each with a success answer', async () => {
    const doc = (await t.call({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: key(method.toUpperCase(), path), op })),
    );
    const expected = servedRoutes.map((r) => key(r.route.method, openApiPath(r.route.path))).sort();
    expect(documented.map((d) => d.key).sort()).toEqual(expected);
    const withoutSuccess = documented.filter((d) => !Object.keys(d.op.responses).some((s) => /^2/.test(s)));
    expect(withoutSuccess.map((d) => d.key)).toEqual([]);
  });

  it('lets a client generated from the OpenAPI document by openapi-typescript send and read the contract’s own types', async () => {
    const doc = (await t.call({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    const generated = astToString(await openapiTS(doc as never));
    // Inside the project, so the comparison resolves zod and the contract's imports as the app does.
    const cache = resolve(import.meta.dirname, '../../node_modules/.cache');
    await mkdir(cache, { recursive: true });
    const dir = await mkdtemp(join(cache, 'revans-contract-'));
    try {
      await writeFile(join(dir, 'openapi.ts'), generated);
      const { source, lines } = comparisons(doc);
      await writeFile(join(dir, 'compare.ts'), source);
      const mismatches = typeErrors(join(dir, 'compare.ts')).map((e) =>
        lines.has(e.line) ? `${lines.get(e.line)}: ${e.detail}` : e.text,
      );
      expect(mismatches).toEqual([]);
      // The comparison itself must be able to fail: a deliberately different type is caught.
      await writeFile(
        join(dir, 'control.ts'),
        `import type { paths } from './openapi.ts';\ntype Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;\nexport const c: Same<paths['/api/me']['get']['responses'][200]['content']['application/json'], { id: number }> = true;\n`,
      );
      expect(typeErrors(join(dir, 'control.ts')).length).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content?: Record<string, unknown> }>; requestBody?: unknown }
    >
  >;
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

/**
 * One type assertion per route and side: the generated type and the contract's (what a client sends is
 * the schema's input; what it reads is the response schema's output) must each be assignable to the other.
 */
function comparisons(doc: OpenApiDocument) {
  const root = resolve(import.meta.dirname, '../..');
  const imports = new Map<string, string>();
  const checks: { label: string; line: string }[] = [];
  const check = (label: string, generated: string, contract: string) => {
    checks.push({ label, line: `export const c${checks.length}: Same<${generated}, ${contract}> = true;` });
  };
  for (const { name, module, route } of servedRoutes) {
    const file = resolve(root, 'test/api', module);
    if (!imports.has(file)) imports.set(file, `m${imports.size}`);
    const m = imports.get(file);
    const path = openApiPath(route.path);
    const op = `paths[${JSON.stringify(path)}][${JSON.stringify(route.method.toLowerCase())}]`;
    const label = `${name} (${route.method} ${route.path})`;
    if (route.params)
      check(
        `${label}: path parameters`,
        `${op}['parameters']['path']`,
        `z.input<typeof ${m}.${name}.params>`,
      );
    if (route.query)
      check(
        `${label}: query`,
        `NonNullable<${op}['parameters']['query']>`,
        `z.input<typeof ${m}.${name}.query>`,
      );
    if (route.body)
      check(
        `${label}: request body`,
        `NonNullable<${op}['requestBody']>['content']['application/json']`,
        `z.input<typeof ${m}.${name}.body>`,
      );
    const documented = doc.paths[path]?.[route.method.toLowerCase()];
    const status = String(route.status ?? 200);
    if (route.response && documented?.responses[status]?.content?.['application/json'] !== undefined)
      check(
        `${label}: response`,
        `${op}['responses'][${status}]['content']['application/json']`,
        `z.output<NonNullable<typeof ${m}.${name}.response>>`,
      );
  }
  const header = [
    `import type { z } from 'zod';`,
    `import type { paths } from './openapi.ts';`,
    ...[...imports].map(([file, alias]) => `import type * as ${alias} from ${JSON.stringify(file)};`),
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
  ];
  const lines = new Map(checks.map((c, i) => [header.length + i + 1, c.label]));
  return { source: `${[...header, ...checks.map((c) => c.line)].join('\n')}\n`, lines };
}

/** Type-checks one file with the project's compiler options; returns each error's line (1-based). */
function typeErrors(file: string): { line: number; text: string; detail: string }[] {
  const root = resolve(import.meta.dirname, '../..');
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram([file], { ...config.options, noEmit: true, skipLibCheck: true });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ({
      line: d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0,
      text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      // Past "true is not assignable to false": the innermost reason the two types differ, if tsc gives one.
      detail: ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n').slice(1).join(' ').trim(),
    }));
}
