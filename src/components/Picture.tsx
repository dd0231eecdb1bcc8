/** A decorative picture from `src/icons/` for React (islands, and React views on static pages). */
import type { ReactNode } from 'react';

/** SVG markup of pictures (our own files, read at build time), by name. */
export type Icons = Readonly<Record<string, string>>;

/** A decorative picture, hidden from assistive technology; nothing when the name is not given. */
export function Picture({ icons, name }: { icons: Icons | undefined; name: string }): ReactNode {
  const svg = icons?.[name];
  if (svg === undefined) return null;
  // Our own SVG files, read at build time: trusted markup.
  return <span className="icon" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}
