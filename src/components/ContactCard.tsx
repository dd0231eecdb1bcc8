/**
 * An office's contact card, the one rendering of `ContactCardView`: on static pages (via
 * `ContactCard.astro`, no JavaScript) and in the wizard's result. Unknown values are shown
 * as unknown, never guessed; details nobody has confirmed with the office are marked so.
 */
import type { ReactNode } from 'react';
import type { ContactCardView } from '../domain/model/views';
import type { Variant } from '../domain/routes';
import { telHref } from '../domain/text/inline';
import { Picture, type Icons } from './Picture';

/** The `common` namespace's translate function of the page's version. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The pictures the card shows. */
export const CONTACT_ICONS = ['map-pin', 'phone', 'email', 'search', 'warning'] as const;

export function ContactCard({
  heading,
  level = 3,
  card,
  variant,
  t,
  icons,
  eAddress = null,
}: {
  heading: string;
  /** Heading level inside the page. */
  level?: 2 | 3 | 4;
  card: ContactCardView;
  variant: Variant;
  t: Translate;
  icons: Icons;
  /** The link that writes to the office's official e-address (`eAddressWriteUrl`), when known. */
  eAddress?: string | null;
}): ReactNode {
  const Heading = `h${level}` as const;
  const unknown = <span className="unknown">{t('unknown.value')}</span>;
  return (
    <section className="contact-card">
      <Heading>{heading}</Heading>
      {card.name ? <p className="contact-name">{card.name}</p> : <p className="unknown">{t('contact.nameUnknown')}</p>}
      <dl>
        <div>
          <dt>
            <Picture icons={icons} name="map-pin" /> {t('contact.address')}
          </dt>
          <dd>{card.address ?? unknown}</dd>
        </div>
        <div>
          <dt>
            <Picture icons={icons} name="phone" /> {t('contact.phone')}
          </dt>
          <dd>
            {card.phones.length > 0
              ? card.phones.map((p, i) => (
                  <span key={p}>
                    {i > 0 ? ', ' : ''}
                    <a href={telHref(p)}>{p}</a>
                  </span>
                ))
              : unknown}
          </dd>
        </div>
        <div>
          <dt>
            <Picture icons={icons} name="email" /> {t('contact.email')}
          </dt>
          <dd>{card.email ? <a href={`mailto:${card.email}`}>{card.email}</a> : unknown}</dd>
        </div>
        {eAddress ? (
          <div>
            <dt>
              <Picture icons={icons} name="email" /> {t('contact.eAddress')}
            </dt>
            <dd>
              <a href={eAddress}>{t('contact.eAddressWrite')}</a>
            </dd>
          </div>
        ) : null}
        {card.web ? (
          <div>
            <dt>
              <Picture icons={icons} name="search" /> {t('contact.web')}
            </dt>
            <dd>
              <a href={card.web}>{card.web.replace(/^https?:\/\//u, '').replace(/\/$/u, '')}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {card.note.length > 0 ? (
        variant === 'easy' ? (
          <div className="contact-note lines">
            {card.note.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : (
          <p className="contact-note">{card.note.join(' ')}</p>
        )
      ) : null}
      {card.fallbackPhone !== null ? (
        <p className="notice">
          <WithPhone text={t('contact.beingClarified', { phone: PHONE_SLOT })} phone={card.fallbackPhone} />
        </p>
      ) : null}
      {variant === 'easy' ? (
        // Easy-read keeps what the reader needs to act on the card; where the details come
        // from and when they were checked wait, folded, behind a question.
        <details className="fold">
          <summary className="fold-summary">{t('contact.provenance')}</summary>
          <Provenance card={card} t={t} icons={icons} />
        </details>
      ) : (
        <Provenance card={card} t={t} icons={icons} />
      )}
    </section>
  );
}

/** Stands for the phone number in a sentence, so the number can be made a link. */
const PHONE_SLOT = '\u2063PHONE\u2063';

/** A sentence with a phone number in it, the number a link a phone can call. */
function WithPhone({ text, phone }: { text: string; phone: string }): ReactNode {
  const [before = '', ...rest] = text.split(PHONE_SLOT);
  if (rest.length === 0) return text;
  return (
    <>
      {before}
      <a href={telHref(phone)}>{phone}</a>
      {rest.join(phone)}
    </>
  );
}

/** Where the card's details come from, and whether the office has confirmed them. */
function Provenance({ card, t, icons }: { card: ContactCardView; t: Translate; icons: Icons }): ReactNode {
  return (
    <>
      <p className="contact-source">
        {t('contact.source')}{' '}
        {card.sources.map((src, i) => (
          <span key={src.title}>
            {i > 0 ? '; ' : ''}
            {src.url ? <a href={src.url}>{src.title}</a> : src.title} (
            {src.date ? t('contact.sourceDate', { date: src.date }) : t('contact.sourceUndated')})
          </span>
        ))}
      </p>
      {!card.verified ? (
        <p className="unverified">
          <Picture icons={icons} name="warning" /> {t('contact.unverified', { date: card.checked })}
        </p>
      ) : null}
    </>
  );
}
