/**
 * After `astro build`: write Brotli (.br) and gzip (.gz) copies of every text file in
 * dist/client, so the server sends compressed files without compressing per request.
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const root = process.argv[2] ?? 'dist/client';
const TEXT = /\.(html|css|js|mjs|svg|xml|txt|json|webmanifest)$/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (TEXT.test(entry.name)) yield p;
  }
}

/** Compress one file; `null` for a tiny one (tiny files gain nothing from compression). */
async function compress(file: string): Promise<{ raw: number; br: number } | null> {
  const data = await readFile(file);
  if (data.length < 256) return null;
  // On zlib's thread pool: the files are compressed side by side on every core.
  const [b, g] = await Promise.all([
    brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gz(data, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, b), writeFile(`${file}.gz`, g)]);
  return { raw: data.length, br: b.length };
}

const done = (await Promise.all([...files(root)].map(compress))).filter((r) => r !== null);
const raw = done.reduce((sum, r) => sum + r.raw, 0);
const br = done.reduce((sum, r) => sum + r.br, 0);
process.stdout.write(`precompress: ${done.length} files, ${raw} B → ${br} B brotli\n`);
