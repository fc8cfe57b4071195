// Serves `src/i18n/web.<code>.json?core` and `?rest`: the two parts of a web catalogue (see
// src/web/i18n-core.ts), so the first page downloads only the words it shows.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defaultLanguage } from '../src/i18n/languages.ts';
import { splitCatalogue } from '../src/web/i18n-core.ts';

const partRequest = /[/\\]i18n[/\\]web\.[\w-]+\.json\?(core|rest)$/;

export function catalogueParts(): Plugin {
  return {
    name: 'revans:catalogue-parts',
    enforce: 'pre',
    load(id) {
      const match = partRequest.exec(id);
      if (!match) return null;
      const file = id.slice(0, id.indexOf('?'));
      this.addWatchFile(file);
      const parts = splitCatalogue(JSON.parse(readFileSync(file, 'utf8')));
      const part = match[1] === 'core' ? parts.core : parts.rest;
      // A module whose text is parsed as JSON: quicker for the browser than the same object as code.
      return {
        code: `export default JSON.parse(${JSON.stringify(JSON.stringify(part))});`,
        moduleType: 'js',
      };
    },
    // The first part of the default language is fetched alongside the app's code, not after it runs.
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) =>
            output.type === 'chunk' && output.facadeModuleId?.endsWith(`web.${defaultLanguage}.json?core`),
        );
        return chunk
          ? [
              {
                tag: 'link',
                attrs: { rel: 'modulepreload', crossorigin: '', href: `/${chunk.fileName}` },
                injectTo: 'head',
              },
            ]
          : undefined;
      },
    },
  };
}
