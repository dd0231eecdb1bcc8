/**
 * "Where does the person live?": the 8 municipalities as radios (with and without
 * JavaScript), a link to the list of towns and parishes, and — once the island runs — a
 * finder: type a town, parish or village ("kuldiga", "Rucava", "dzelda") and the right
 * municipality is ticked; an unknown name says so, a name in several municipalities offers
 * them to choose from.
 */
import { useFormikContext } from 'formik';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildPlaceIndex, resolvePlace, type PlaceMatch } from '../../domain/places/index';
import type { ReferralFormValues } from '../../domain/referral/prefill';
import { Radios, fieldId } from './fields';
import type { PlaceSource } from '../../domain/places/index';

type Finding =
  | { kind: 'empty' }
  | { kind: 'notFound'; query: string }
  | { kind: 'found'; match: PlaceMatch }
  | { kind: 'several'; query: string; matches: readonly PlaceMatch[] };

export function MunicipalityField({
  municipalities,
  legend,
  hint,
  placesHref,
  hydrated,
}: {
  municipalities: readonly PlaceSource[];
  legend: string;
  hint: string;
  placesHref: string;
  /** The finder needs the island running; without JavaScript only the radios show. */
  hydrated: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { setFieldValue } = useFormikContext<ReferralFormValues>();
  const index = useMemo(() => buildPlaceIndex(municipalities), [municipalities]);
  const names = useMemo(() => new Map(municipalities.map((m) => [m.id, m.name])), [municipalities]);
  const [query, setQuery] = useState('');
  const [finding, setFinding] = useState<Finding | null>(null);
  const finderId = `${fieldId('municipality')}-find`;
  const statusId = `${finderId}-status`;

  const choose = (match: PlaceMatch): void => {
    void setFieldValue('municipality', match.municipality, false);
    setFinding({ kind: 'found', match });
  };

  const find = (): void => {
    const q = query.trim();
    if (q === '') {
      setFinding({ kind: 'empty' });
      return;
    }
    const matches = resolvePlace(index, q);
    const [first] = matches;
    if (first === undefined) setFinding({ kind: 'notFound', query: q });
    else if (matches.length === 1) choose(first);
    else setFinding({ kind: 'several', query: q, matches });
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

  const finder = hydrated ? (
    <div className="finder">
      <label className="field-label field-label--s" htmlFor={finderId}>
        {t('form.municipality.findLabel')}
      </label>
      <div className="finder-row">
        <input
          id={finderId}
          type="text"
          className="input input--m"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter finds; it must not send the form.
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
          autoComplete="address-level2"
          spellCheck={false}
          aria-describedby={statusId}
        />
        <button type="button" className="button button-secondary" onClick={find}>
          {t('form.municipality.findButton')}
        </button>
      </div>
      <p id={statusId} className="finder-status" role="status">
        {status}
      </p>
      {finding?.kind === 'several' && (
        <ul className="finder-choices">
          {finding.matches.map((m) => (
            <li key={m.municipality}>
              <button type="button" className="button button-secondary" onClick={() => choose(m)}>
                {t('form.municipality.choose', { place: m.place, municipality: name(m.municipality) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  ) : null;

  return (
    <Radios
      path="municipality"
      legend={legend}
      hint={hint}
      before={finder}
      choices={municipalities.map((m) => ({ value: m.id, label: m.name }))}
      after={
        <p className="places-link">
          <a href={placesHref}>{t('form.municipality.placesLink')}</a>
        </p>
      }
    />
  );
}
