/**
 * The error summary and the inline error message (GOV.UK patterns), one of each for every
 * form and for the wizard's questions. The summary sits at the top, is an alert named by its
 * heading, is focused when it appears and links each message to its control; following a
 * link brings the question (legend or label) into view and focuses the control.
 */
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** One message of the summary. */
export interface SummaryItem {
  /** The id of the control the message links to; `null` when no control carries it. */
  target: string | null;
  text: string;
}

/** Bring the question of `target` into view, then focus the control without scrolling again. */
function focusControl(target: HTMLElement, id: string): void {
  const question =
    target.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${id}"]`) ?? target;
  question.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function ErrorSummary({
  title,
  items,
  summaryRef,
  autoFocus = false,
}: {
  /** The summary's heading ("Ir problēma"). */
  title: string;
  items: readonly SummaryItem[];
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Without JavaScript the browser focuses the summary of a page returned with errors. */
  autoFocus?: boolean;
}): ReactNode {
  return (
    // role="alert" (GOV.UK): announced when it appears, and an element whose role allows the
    // name its heading gives it (a plain div may not be named).
    <div
      className="error-summary"
      ref={summaryRef}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      autoFocus={autoFocus}
    >
      <h2 id="error-summary-title" className="error-summary-title">
        {title}
      </h2>
      <ul className="error-summary-list">
        {items.map((item, i) => (
          <li key={`${item.target ?? 'none'}-${i}`}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  const target = document.getElementById(item.target ?? '');
                  if (!target) return;
                  event.preventDefault();
                  focusControl(target, item.target ?? '');
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An inline error message by its field or question, with "Kļūda:" for screen readers. */
export function FieldError({ id, text }: { id: string; text: string }): ReactNode {
  const { t } = useTranslation('common');
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('error.prefix')} </span>
      {text}
    </p>
  );
}
