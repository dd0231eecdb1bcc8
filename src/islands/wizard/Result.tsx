/**
 * The result: "Jums varētu būt pieejams…" — the services that may fit (likely first, then
 * those to ask about), why, their limits, where, what to prepare, whom to contact, and the
 * way on to the referral form. Never a promise: the social service decides.
 */
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES, servicePath, pathFor, type Variant } from '../../domain/routes';
import type { Offer, ResultCard, WizardResult } from '../../domain/wizard/index';
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

function OfferLine({ offer, withMunicipality }: { offer: Offer; withMunicipality: boolean }): ReactNode {
  const { t } = useTranslation();
  const l = offer.location;
  const status =
    l.status === 'completed'
      ? t('location.completed', { date: l.date ?? '' })
      : l.date
        ? t('location.planned', { date: l.date })
        : t('location.plannedUnknown');
  return (
    <li>
      <strong>{l.town}</strong>
      {withMunicipality ? ` (${offer.municipalityName})` : ''}
      {l.address ? `, ${l.address}` : ''} — {offer.labels.join(', ')}; {status}
      {l.amendedDate ? ` ${t('location.amended', { date: l.amendedDate })}` : ''}
    </li>
  );
}

function ServiceCard({
  card,
  variant,
  icons,
  nameIn,
}: {
  card: ResultCard;
  variant: Variant;
  icons: Icons;
  nameIn: string;
}): ReactNode {
  const { t } = useTranslation();
  const text = (x: { lv: string; easy: string }): string => (variant === 'easy' ? x.easy : x.lv);
  const s = card.service;
  const id = `service-${s.id}`;
  return (
    <article className={`result-card result-${card.verdict}`} aria-labelledby={id}>
      <div className="result-card-head">
        <Picture icons={icons} name={s.icon} />
        <h3 id={id}>{s.title}</h3>
      </div>
      <p className={`verdict verdict-${card.verdict}`}>
        <Picture icons={icons} name={card.verdict === 'likely' ? 'check' : 'question'} />
        <span>{t(`result.${card.verdict}`)}</span>
      </p>
      <p>
        <ContentText text={s.summary} variant={variant} />
      </p>
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
      {card.verdict === 'maybe' && card.unknown.length > 0 ? (
        <>
          <h4>{t('result.ask')}</h4>
          <p>{t('result.askIntro')}</p>
          <ul className="list">
            {card.unknown.map((f) => (
              <li key={f}>{t(`q.${f}.label`)}</li>
            ))}
          </ul>
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
      <h4>{t('result.limits')}</h4>
      <TextList items={s.limits} variant={variant} empty={t('result.notInSources')} />
      <h4>{t('result.includes')}</h4>
      <TextList items={s.includes} variant={variant} empty={t('result.notInSources')} />
      <h4>{t('result.where')}</h4>
      {card.here.length > 0 ? (
        <>
          <p>{t('result.whereHere', { nameIn })}</p>
          <ul className="list">
            {card.here.map((o) => (
              <OfferLine key={o.location.id} offer={o} withMunicipality={false} />
            ))}
          </ul>
        </>
      ) : (
        <p>{t('result.whereNoneHere', { nameIn })}</p>
      )}
      {card.elsewhere.length > 0 ? (
        <>
          <p>{t('result.whereElsewhere')}</p>
          <ul className="list">
            {card.elsewhere.map((o) => (
              <OfferLine key={o.location.id} offer={o} withMunicipality />
            ))}
          </ul>
        </>
      ) : null}
      {card.here.length + card.elsewhere.length > 0 ? <p className="small-print">{t('result.whereNote')}</p> : null}
      <h4>{t('result.documents')}</h4>
      <TextList items={s.documents} variant={variant} empty={t('result.documentsNone')} />
      <p className="no-print">
        <a href={pathFor(variant, servicePath(s.id))}>{t('result.more', { title: s.title })}</a>
      </p>
    </article>
  );
}

export function Result({ result, variant, icons, headingRef, onSend, onRestart }: Props): ReactNode {
  const { t } = useTranslation();
  const common = useTranslation('common').t;
  const text = (x: { lv: string; easy: string }): string => (variant === 'easy' ? x.easy : x.lv);
  const m = result.municipality;
  const titleOf = (id: string): string => result.cards.find((c) => c.service.id === id)?.service.title ?? id;
  return (
    <div className="wizard-step wizard-result">
      <h2 className="wizard-question" ref={headingRef} tabIndex={-1}>
        {t('result.heading')}
      </h2>
      <p className="notice">{t('result.intro')}</p>
      {result.cards.length > 0 ? (
        <ul className="result-cards">
          {result.cards.map((card) => (
            <li key={card.service.id}>
              <ServiceCard card={card} variant={variant} icons={icons} nameIn={m.nameIn} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">{t('result.noneFit')}</p>
      )}
      <p className="no-print">
        <a href={pathFor(variant, PAGES.services)}>{t('result.allServices')}</a>
      </p>

      <section className="result-section" aria-labelledby="result-contact">
        <h3 id="result-contact">{t('result.contactHeading')}</h3>
        <ContactCard
          heading={
            result.contact.kind === 'orphansCourt'
              ? t('result.orphansCourt', { nameIn: m.nameIn })
              : t('result.socialService', { nameIn: m.nameIn })
          }
          level={4}
          card={result.contact.details}
          variant={variant}
          t={(key, values) => common(key, values ?? {})}
          icons={icons}
        />
        {result.contact.kind === 'orphansCourt' && m.fosterCentre ? (
          <p>{t('result.fosterCentre', { town: m.fosterCentre.town })}</p>
        ) : null}
      </section>

      <section className="result-section" aria-labelledby="result-checklist">
        <h3 id="result-checklist">{t('result.checklist')}</h3>
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
      </section>

      {result.notNow.length > 0 ? (
        <section className="result-section" aria-labelledby="result-not-now">
          <h3 id="result-not-now">{t('result.notNow')}</h3>
          <p>{t('result.notNowIntro')}</p>
          <ul className="list">
            {result.notNow.map((n) => (
              <li key={n.service.id}>
                <a href={pathFor(variant, servicePath(n.service.id))}>{n.service.title}</a>
                {n.reasons.length > 0 ? `: ${n.reasons.map(text).join(' ')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="result-section no-print" aria-labelledby="result-next">
        <h3 id="result-next">{t('result.sendHeading')}</h3>
        <p>{result.referral === 'foster' ? t('result.sendTextFoster') : t('result.sendText')}</p>
        <div className="wizard-actions">
          <button type="button" className="button" onClick={onSend}>
            <Picture icons={icons} name="email" /> {t('actions.send')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            <Picture icons={icons} name="document" /> {t('actions.print')}
          </button>
          <button type="button" className="button button-secondary" onClick={onRestart}>
            {t('actions.restart')}
          </button>
        </div>
      </section>
    </div>
  );
}
