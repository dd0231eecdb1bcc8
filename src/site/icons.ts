/** SVG markup of the local pictures (`src/icons/`), read at build time for React views and islands. */
import type { Icons } from '../components/Picture';

const svgs = import.meta.glob<string>('../icons/*.svg', { query: '?raw', import: 'default', eager: true });

/** The markup of the named pictures; the build fails when a file is missing. */
export function iconsFor(names: Iterable<string>): Icons {
  const out: Record<string, string> = {};
  for (const name of names) {
    const svg = svgs[`../icons/${name}.svg`];
    if (svg === undefined) throw new Error(`src/icons/${name}.svg is missing`);
    out[name] = svg;
  }
  return out;
}
