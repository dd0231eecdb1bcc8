/**
 * The result, built to fit a phone: first a short summary — the services that may fit,
 * grouped by verdict ("Varētu derēt", "Jānoskaidro", "Vispirms vajadzīgs cits solis"),
 * each with one line why — and the button to send a request. Each service's details (why,
 * what comes first, what to ask, the municipality's own rule, notes, limits, documents)
 * are one tap away in a native `<details>`, as are the services that do not fit, the
 * office's full contact card and the documents to prepare. What the check does not
 * consider is said plainly. Never a promise: the office decides.
 *
 * Headings: the result's `h2`, an `h3` per verdict and per section, `h4` inside a
 * service's details (shown only when it is open).
 */
import { useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactName, Facts } from '../../domain/eligibility/facts';
import type { EvaluableRule } from '../../domain/model/eligibility';
import type { WizardData } from '../../domain/model/views';
import { PAGES, servicePath, pathFor, type Variant } from '../../domain/routes';
import { telHref } from '../../domain/text/inline';
import {
  FIT_VERDICTS,
  assembleResult,
  type FitVerdict,
  type ResultCard,
  type SummaryLine,
  type WizardResult,
} from '../../domain/wizard/result';
import { ContactCard } from '../../components/ContactCard';
import { Picture, type Icons } from '../../components/Picture';
import { ContentText, TextList } from './text';

interface Props {
  result: WizardResult;
  variant: Variant;
  icons: Icons;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onSend: () => void;
  onRestart: () => void;
}

interface StepProps extends Omit<Props, 'result'> {
  rules: readonly EvaluableRule[];
  /** Every question on the path answered. */
  answers: Facts;
  data: WizardData;
  /** Called once the result is on the screen (the wizard then moves the focus to its heading). */
  onShown: () => void;
}

/**
 * The result step as the wizard loads it (apart from the questions): the result
 * assembled from the answers, then shown.
 */
export default function ResultStep({ rules, answers, data, onShown, ...props }: StepProps): ReactNode {
  const easy = props.variant === 'easy';
  const result = useMemo(() => assembleResult(rules, answers, data, easy), [rules, answers, data, easy]);
  const shown = useRef(onShown);
  useEffect(() => shown.current(), []);
  return <Result result={result} {...props} />;
}

/** What the check does not consider, and so who decides: a sentence each (easy-read shows one a line). */
const LIMITS = [
  'result.limitsIncome',
  'result.limitsBenefits',
  'result.limitsAssessment',
  'result.limitsDecides',
] as const;

/** The picture beside each verdict's heading. */
const VERDICT_ICONS: Readonly<Record<FitVerdict, string>> = {
  likely: 'check',
  maybe: 'question',
  first: 'arrow-right',
};

type Text = { lv: string; easy: string };

/** The question labels of "Nezinu" answers, for a sentence. */
function useAnswerLabels(): (facts: readonly FactName[]) => string {
  const { t } = useTranslation();
  return (facts) => facts.map((f) => t(`q.${f}.label`)).join(', ');
}

/** The summary's one line why. */
function Line({
  line,
  card,
  nameIn,
  variant,
}: {
  line: SummaryLine | null;
  card: ResultCard;
  nameIn: string;
  variant: Variant;
}): ReactNode {
  const { t } = useTranslation();
  const labels = useAnswerLabels();
  if (line === null) return <ContentText text={card.service.summary} variant={variant} />;
  switch (line.kind) {
    case 'text':
      return variant === 'easy' ? line.text.easy : line.text.lv;
    case 'municipality':
      return t('result.lineMunicipality', { nameIn });
    case 'unknown':
      return t('result.unknownAnswers', { answers: labels(line.facts) });
  }
}

/** One service that may fit: its summary line, and its details one tap away. */
function ServiceItem({ card, variant, nameIn }: { card: ResultCard; variant: Variant; nameIn: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useAnswerLabels();
  const text = (x: Text): string => (variant === 'easy' ? x.easy : x.lv);
  const s = card.service;
  const local = card.local;
  return (
    <details className={`result-item result-${card.verdict}`} id={`service-${s.id}`}>
      <summary>
        <span className="result-item-title">{s.title}</span>
        <span className="visually-hidden">: {t(`result.${card.verdict}`)}.</span>{' '}
        <span className="result-item-line">
          <Line line={card.line} card={card} nameIn={nameIn} variant={variant} />
        </span>
      </summary>
      <div className="result-item-body">
        <p>
          <ContentText text={s.summary} variant={variant} />
        </p>
        {card.first.length > 0 ? (
          <>
            <h4>{t('result.firstHeading')}</h4>
            <ul className="list">
              {card.first.map((f) => (
                <li key={`${f.text.lv}${f.step ?? ''}`}>
                  {text(f.text)}
                  {f.step !== null ? (
                    <>
                      {' '}
                      <a href={pathFor(variant, f.step)}>{t('result.stepLink', { title: f.title ?? f.step })}</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {card.why.length > 0 ? (
          <>
            <h4>{t('result.why')}</h4>
            <ul className="list">
              {card.why.map((w) => (
                <li key={w.lv}>{text(w)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {card.ask.length + card.unknown.length > 0 ? (
          <>
            <h4>{t('result.ask')}</h4>
            <ul className="list">
              {card.ask.map((a) => (
                <li key={a.lv}>{text(a)}</li>
              ))}
              {card.unknown.length > 0 ? (
                <li>{t('result.unknownAnswers', { answers: labels(card.unknown) })}</li>
              ) : null}
            </ul>
          </>
        ) : null}
        {local !== null ? (
          <>
            <h4>{t('result.local', { nameIn })}</h4>
            <div className={variant === 'easy' ? 'lines' : undefined}>
              {local.lines.map((line) => (
                <p key={line}>
                  <ContentText text={line} variant={variant} />
                </p>
              ))}
            </div>
            {local.cites.length > 0 ? (
              <p className="small-print">
                {t('result.cite')}{' '}
                {local.cites.map((c, i) => (
                  <span key={c.label}>
                    {i > 0 ? '; ' : ''}
                    {c.url !== null ? <a href={c.url}>{c.label}</a> : c.label}
                  </span>
                ))}
              </p>
            ) : null}
          </>
        ) : null}
        {card.notes.length > 0 ? (
          <>
            <h4>{t('result.notes')}</h4>
            <ul className="list">
              {card.notes.map((n) => (
                <li key={n.lv}>{text(n)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {s.limits.length > 0 ? (
          <>
            <h4>{t('result.limits')}</h4>
            <TextList items={s.limits} variant={variant} empty="" />
          </>
        ) : null}
        {card.verdict !== 'first' ? (
          <>
            <h4>{t('result.documents')}</h4>
            <TextList items={s.documents} variant={variant} empty={t('result.documentsNone')} />
          </>
        ) : null}
        <p className="no-print">
          <a href={pathFor(variant, servicePath(s.id))}>{t('result.more', { title: s.title })}</a>
        </p>
      </div>
    </details>
  );
}

/**
 * A printed result holds every detail: the disclosures open for printing (the print
 * button and the browser's own print alike) and close again afterwards.
 */
function usePrintOpen(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = (): void => {
      opened = [...(root.current?.querySelectorAll('details:not([open])') ?? [])] as HTMLDetailsElement[];
      for (const d of opened) d.open = true;
    };
    const after = (): void => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}

export function Result({ result, variant, icons, headingRef, onSend, onRestart }: Props): ReactNode {
  const { t } = useTranslation();
  const common = useTranslation('common').t;
  const text = (x: Text): string => (variant === 'easy' ? x.easy : x.lv);
  const m = result.municipality;
  const titleOf = (id: string): string => result.cards.find((c) => c.service.id === id)?.service.title ?? id;
  const office =
    result.contact.kind === 'orphansCourt'
      ? t('result.orphansCourt', { nameIn: m.nameIn })
      : t('result.socialService', { nameIn: m.nameIn });
  const card = result.contact.details;
  const phone = card.phones[0] ?? card.fallbackPhone;
  const root = useRef<HTMLDivElement | null>(null);
  usePrintOpen(root);
  return (
    <div className="wizard-step wizard-result" ref={root}>
      <h2 className="wizard-question" ref={headingRef} tabIndex={-1}>
        {t('result.heading')}
      </h2>
      <p className="result-intro">{t('result.intro')}</p>

      {result.cards.length > 0 ? (
        FIT_VERDICTS.map((verdict) => {
          const cards = result.cards.filter((c) => c.verdict === verdict);
          if (cards.length === 0) return null;
          return (
            <section className="result-group" aria-labelledby={`result-${verdict}`} key={verdict}>
              <h3 id={`result-${verdict}`} className={`verdict verdict-${verdict}`}>
                <Picture icons={icons} name={VERDICT_ICONS[verdict]} />
                <span>{t(`result.${verdict}`)}</span>
              </h3>
              <ul className="result-list">
                {cards.map((c) => (
                  <li key={c.service.id}>
                    <ServiceItem card={c} variant={variant} nameIn={m.nameIn} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      ) : (
        <p className="notice">{t('result.noneFit')}</p>
      )}

      <div className="result-send no-print">
        <button type="button" className="button" onClick={onSend}>
          <Picture icons={icons} name="email" /> {t('actions.send')}
        </button>
        <p>{result.referral === 'foster' ? t('result.sendTextFoster') : t('result.sendText')}</p>
      </div>

      {result.notNow.length + result.otherGroups.length > 0 ? (
        <details className="result-more">
          <summary>{t('result.notNow')}</summary>
          {result.notNow.length > 0 ? (
            <ul className="list">
              {result.notNow.map((n) => (
                <li key={n.service.id}>
                  <a href={pathFor(variant, servicePath(n.service.id))}>{n.service.title}</a>
                  {n.reasons.length > 0 ? `: ${n.reasons.map(text).join(' ')}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {result.otherGroups.length > 0 ? (
            <p>
              {t('result.otherGroups')}{' '}
              {result.otherGroups.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={pathFor(variant, servicePath(s.id))}>{s.title}</a>
                </span>
              ))}
              .
            </p>
          ) : null}
          <p className="no-print">
            <a href={pathFor(variant, PAGES.services)}>{t('result.allServices')}</a>
          </p>
        </details>
      ) : null}

      <section className="result-section" aria-labelledby="result-limits">
        <h3 id="result-limits">{t('result.limitsHeading')}</h3>
        {variant === 'easy' ? (
          <div className="lines">
            {LIMITS.map((key) => (
              <p key={key}>{t(key)}</p>
            ))}
          </div>
        ) : (
          <p>{LIMITS.map((key) => t(key)).join(' ')}</p>
        )}
      </section>

      <section className="result-section" aria-labelledby="result-contact">
        <h3 id="result-contact">{t('result.contactHeading')}</h3>
        <p className="result-office">
          <strong>{office}</strong>
          {phone !== null ? (
            <>
              {', '}
              {t('result.phone')} <a href={telHref(phone)}>{phone}</a>
            </>
          ) : null}
        </p>
        <details className="result-more">
          <summary>{t('result.contactMore')}</summary>
          <ContactCard
            heading={office}
            level={4}
            card={card}
            variant={variant}
            t={(key, values) => common(key, values ?? {})}
            icons={icons}
          />
        </details>
        <details className="result-more" id="result-checklist">
          <summary>{t('result.checklist')}</summary>
          {result.checklist.length > 0 ? (
            <>
              <p>{t('result.checklistIntro')}</p>
              <ul className="checklist">
                {result.checklist.map((item) => (
                  <li key={item.lines.join('\n')}>
                    {item.lines.map((line) => (
                      <span className="checklist-line" key={line}>
                        <ContentText text={line} variant={variant} />
                      </span>
                    ))}
                    <span className="checklist-for">({item.services.map(titleOf).join(', ')})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="unknown">{t('result.checklistNone')}</p>
          )}
        </details>
        <div className="wizard-actions no-print">
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            <Picture icons={icons} name="document" /> {t('actions.print')}
          </button>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('actions.restart')}
          </button>
        </div>
      </section>
    </div>
  );
}
