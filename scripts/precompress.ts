/**
 * After `astro build`: write Brotli (.br) and gzip (.gz) copies of every text file in
 * dist/client, so the server sends compressed files without compressing per request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/client';
const TEXT = /\.(html|css|js|mjs|svg|xml|txt|json|webmanifest)$/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (TEXT.test(entry.name)) yield p;
  }
}

let count = 0;
let raw = 0;
let br = 0;
for (const file of files(root)) {
  const data = readFileSync(file);
  // Tiny files gain nothing from compression.
  if (statSync(file).size < 256) continue;
  const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${file}.br`, b);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  count += 1;
  raw += data.length;
  br += b.length;
}
process.stdout.write(`precompress: ${count} files, ${raw} B → ${br} B brotli\n`);
