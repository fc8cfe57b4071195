#!/usr/bin/env node
// The `revans` command: bundles the TypeScript sources (a fraction of a second) and runs the bundle
// in this process, so `revans serve` is one process that receives the operator's signals itself.
import { pathToFileURL } from 'node:url';
import { buildServer } from '../scripts/build-server.mjs';

await import(pathToFileURL(buildServer()).href);
