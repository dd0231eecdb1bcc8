/** Small pieces the wizard's steps share: pictures, content text, error messages. */
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { compileGlossary, parseInline } from '../../domain/text/inline';
import { pageIdOf, pathFor, type Variant } from '../../domain/routes';

/** SVG markup of the pictures the page handed over (from `src/icons/`), by name. */
export type Icons = Readonly<Record<string, string>>;

/** A decorative picture (hidden from assistive technology). */
export function Icon({ icons, name }: { icons: Icons; name: string }): ReactNode {
  const svg = icons[name];
  if (svg === undefined) return null;
  // Our own SVG files, read at build time: trusted markup.
  return <span className="icon" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}

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

/** An inline error message under a question or field. */
export function FieldError({ id, message }: { id: string; message: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('errorHidden')} </span>
      {message}
    </p>
  );
}

export interface SummaryError {
  /** The id of the control the message links to. */
  target: string;
  message: string;
}

/**
 * The error summary at the top of a step (GOV.UK pattern): focused when the step is
 * submitted with errors; each message links to its field and moves focus there.
 */
export function ErrorSummary({
  errors,
  summaryRef,
}: {
  errors: readonly SummaryError[];
  summaryRef: RefObject<HTMLDivElement | null>;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {t('errorSummary.heading')}
      </h2>
      <ul className="error-summary-list">
        {errors.map((e) => (
          <li key={e.target}>
            <a
              href={`#${e.target}`}
              onClick={(event) => {
                const target = document.getElementById(e.target);
                if (target) {
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
