/** Content text in the wizard's result: inline links in the page's version, lists of lines. */
import type { ReactNode } from 'react';
import { compileGlossary, parseInline } from '../../domain/text/inline';
import { pageIdOf, pathFor, type Variant } from '../../domain/routes';

const NO_GLOSSARY = compileGlossary([]);

/** A content string: `[label](/path/)` becomes a link in the page's version, the rest is text. */
export function ContentText({ text, variant }: { text: string; variant: Variant }): ReactNode {
  return parseInline(text, NO_GLOSSARY, new Set()).map((token, i) =>
    token.type === 'link' ? (
      <a key={i} href={pathFor(variant, pageIdOf(token.href))}>
        {token.text}
      </a>
    ) : (
      token.text
    ),
  );
}

/** Text lines: a list, or one line per paragraph; an empty list says the sources are silent. */
export function TextList({
  items,
  variant,
  empty,
}: {
  items: readonly string[];
  variant: Variant;
  empty: string;
}): ReactNode {
  if (items.length === 0) return <p className="unknown">{empty}</p>;
  if (variant === 'easy') {
    return (
      <div className="lines">
        {items.map((item, i) => (
          <p key={i}>
            <ContentText text={item} variant={variant} />
          </p>
        ))}
      </div>
    );
  }
  return (
    <ul className="list">
      {items.map((item, i) => (
        <li key={i}>
          <ContentText text={item} variant={variant} />
        </li>
      ))}
    </ul>
  );
}
