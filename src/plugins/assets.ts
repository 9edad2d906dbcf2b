import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public');
const kernDir = path.dirname(createRequire(import.meta.url).resolve('@kern-ux/native/dist/kern.min.css'));

declare module 'fastify' {
  interface FastifyInstance {
    assetVersion: string;
  }
}

/**
 * Stylesheets (KERN UX and ours), compressed and cached for a year; the version in their URL changes
 * with their content. Pages are compressed too: families are often on slow phone connections.
 * @see https://github.com/fastify/fastify-compress
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
    const hash = createHash('sha256');
    for (const file of [path.join(kernDir, 'kern.min.css'), path.join(publicDir, 'app.css'), path.join(publicDir, 'favicon.svg')]) {
      hash.update(readFileSync(file));
    }
    app.decorate('assetVersion', hash.digest('hex').slice(0, 10));
    const cacheForever = { maxAge: '365d', immutable: true, cacheControl: true, etag: false, lastModified: false };
    await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', ...cacheForever });
    await app.register(fastifyStatic, {
      root: kernDir, prefix: '/assets/kern/', decorateReply: false, allowedPath: (p) => p === '/kern.min.css', ...cacheForever,
    });
  },
  { name: 'assets' },
);

/**
 * The stylesheets every first visit loads, compressed once at start at brotli's best (KERN's 340 KB: 23 KB,
 * where on-the-fly brotli gives 37 KB), so the first page stays small on a slow phone connection.
 * Registered after the error pages, so a hostile query string gets their quiet 400 page too.
 */
export async function stylesheetRoutes(scope: FastifyInstance) {
  for (const [url, file] of [['/assets/kern/kern.min.css', path.join(kernDir, 'kern.min.css')], ['/assets/app.css', path.join(publicDir, 'app.css')]] as const) {
    const variants = precompressed(readFileSync(file));
    scope.get(url, async (request, reply) => {
      const accepted = String(request.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
      if (encoding) reply.header('content-encoding', encoding);
      return reply.send(encoding ? variants[encoding] : variants.identity);
    });
  }
}

function precompressed(content: Buffer) {
  return {
    identity: content,
    br: brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
    gzip: gzipSync(content, { level: 9 }),
  };
}
