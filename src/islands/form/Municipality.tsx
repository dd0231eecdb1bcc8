/**
 * "Where does the person live?": the 8 municipalities as radios, a finder — type a town,
 * parish or village ("kuldiga", "Rucava", "dzelda") and the right municipality is ticked —
 * and, in place, the list of each municipality's towns and parishes (a <details>: the
 * person never leaves the half-filled form to look it up).
 *
 * The finder works with and without JavaScript. With it, "Atrast" answers at once. Without
 * it, "Atrast" posts the whole form; the server finds the place and renders the same form
 * again with every value kept, the municipality ticked and the finder's answer
 * (`initialFinding`) — nothing is sent to an office. The typed place is a field of the
 * request (`place`): the office sees the town or parish the person typed.
 */
import { getIn, useFormikContext } from 'formik';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildPlaceIndex, findPlace, type PlaceFinding, type PlaceMatch } from '../../domain/places/index';
import { FIND_FIELD } from '../../domain/referral/form';
import type { ReferralFormValues } from '../../domain/referral/prefill';
import { REFERRAL_LIMITS } from '../../domain/referral/schema';
import { Radios, fieldId } from './fields';
import type { PlaceSource } from '../../domain/places/index';

export function MunicipalityField({
  municipalities,
  legend,
  hint,
  hydrated,
  initialFinding,
}: {
  municipalities: readonly PlaceSource[];
  legend: string;
  hint: string;
  /** Whether the island runs: "Atrast" then finds at once instead of posting the form. */
  hydrated: boolean;
  /** What the server found for a post of the finder (JavaScript off). */
  initialFinding?: PlaceFinding | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const { values, setFieldValue } = useFormikContext<ReferralFormValues>();
  const index = useMemo(() => buildPlaceIndex(municipalities), [municipalities]);
  const names = useMemo(() => new Map(municipalities.map((m) => [m.id, m.name])), [municipalities]);
  const [finding, setFinding] = useState<PlaceFinding | null>(initialFinding ?? null);
  const finderId = `${fieldId('municipality')}-find`;
  const statusId = `${finderId}-status`;
  const hintId = `${finderId}-hint`;
  const query = (getIn(values, 'place') as string | undefined) ?? '';

  const choose = (match: PlaceMatch): void => {
    void setFieldValue('municipality', match.municipality, false);
    setFinding({ kind: 'found', match });
  };

  const find = (): void => {
    const found = findPlace(index, query);
    if (found.kind === 'found') choose(found.match);
    else setFinding(found);
  };

  const name = (id: string): string => names.get(id) ?? id;
  let status = '';
  if (finding?.kind === 'empty') status = t('form.municipality.findEmpty');
  else if (finding?.kind === 'notFound') status = t('form.municipality.notFound', { query: finding.query });
  else if (finding?.kind === 'several') status = t('form.municipality.several', { query: finding.query });
  else if (finding?.kind === 'found') {
    status = t('form.municipality.found', {
      place: finding.match.place,
      municipality: name(finding.match.municipality),
    });
  }

  const finder = (
    <div className="finder">
      <label className="field-label field-label--s" htmlFor={finderId}>
        {t('form.municipality.findLabel')}
      </label>
      <p id={hintId} className="form-hint">
        {t('form.municipality.findHint')}
      </p>
      <div className="finder-row">
        <input
          id={finderId}
          name="place"
          type="text"
          className="input input--m"
          value={query}
          maxLength={REFERRAL_LIMITS.place}
          onChange={(e) => void setFieldValue('place', e.target.value, false)}
          onKeyDown={(e) => {
            // Enter finds; it must not send the form.
            if (hydrated && e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
          autoComplete="address-level2"
          spellCheck={false}
          aria-describedby={`${hintId} ${statusId}`}
        />
        {hydrated ? (
          <button type="button" className="button button-secondary" onClick={find}>
            {t('form.municipality.findButton')}
          </button>
        ) : (
          // Without JavaScript: posts the form to the server, which finds the place and shows
          // the form again at the finder, every value kept (nothing is sent to an office).
          <button
            type="submit"
            name={FIND_FIELD}
            value="1"
            formNoValidate
            formAction={`#${finderId}`}
            className="button button-secondary"
          >
            {t('form.municipality.findButton')}
          </button>
        )}
      </div>
      {/* After a post of the finder the page opens at its field (the address's fragment), which
          the answer describes. */}
      <p id={statusId} className="finder-status" role="status">
        {status}
      </p>
      {finding?.kind === 'several' &&
        (hydrated ? (
          <ul className="finder-choices">
            {finding.matches.map((m) => (
              <li key={m.municipality}>
                <button type="button" className="button button-secondary" onClick={() => choose(m)}>
                  {t('form.municipality.choose', { place: m.place, municipality: name(m.municipality) })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <ul className="list">
              {finding.matches.map((m) => (
                <li key={m.municipality}>
                  {t('form.municipality.choose', { place: m.place, municipality: name(m.municipality) })}
                </li>
              ))}
            </ul>
            <p>{t('form.municipality.severalList')}</p>
          </>
        ))}
    </div>
  );

  return (
    <Radios
      path="municipality"
      legend={legend}
      hint={hint}
      before={finder}
      choices={municipalities.map((m) => ({ value: m.id, label: m.name }))}
      after={<PlacesList municipalities={municipalities} />}
    />
  );
}

/** Each municipality's towns and parishes, in place: a <details> the person opens. */
function PlacesList({ municipalities }: { municipalities: readonly PlaceSource[] }): ReactNode {
  const { t } = useTranslation();
  return (
    <details className="fold places-fold">
      <summary className="fold-summary">{t('form.municipality.placesHeading')}</summary>
      <dl className="places-list">
        {municipalities.map((m) => (
          <div key={m.id}>
            <dt>{m.name}</dt>
            {m.towns.length > 0 && (
              <dd>
                {t('form.municipality.placesTowns')}: {m.towns.join(', ')}
              </dd>
            )}
            {m.parishes.length > 0 && (
              <dd>
                {t('form.municipality.placesParishes')}: {m.parishes.join(', ')}
              </dd>
            )}
          </div>
        ))}
      </dl>
    </details>
  );
}
