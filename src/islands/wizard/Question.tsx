/**
 * One question (GOV.UK question page): the question is the page's heading inside the
 * fieldset's legend, a hint under it, the inline error, then the controls. Radios for
 * choices (with "Nezinu" where a person may not know), a number for the age, the 8
 * municipalities or a typed place for the municipality.
 */
import type { ReactNode, RefObject } from 'react';
import type { FormikProps } from 'formik';
import { useTranslation } from 'react-i18next';
import type { FactName } from '../../domain/eligibility/facts';
import type { PlaceIndex } from '../../domain/places/index';
import type { MunicipalityInfo } from '../../domain/model/views';
import {
  FIXED_WORDING,
  PLACE,
  UNKNOWN,
  YES,
  placeMatches,
  questionSpec,
  type FormValues,
  type Wording,
} from '../../domain/wizard/questions';
import { FieldError } from '../../components/ErrorSummary';
import { Picture, type Icons } from '../../components/Picture';

/** Pictures beside the answers to the first question. */
const GROUP_ICONS: Readonly<Record<string, string>> = {
  child: 'child',
  adult: 'adult',
  'child-in-care': 'home',
  foster: 'family',
  other: 'question',
};

/** The id of the first control of a field (the error summary links there). */
export function controlId(
  field: keyof FormValues,
  values: FormValues,
  municipalities: readonly MunicipalityInfo[],
  places: PlaceIndex,
): string {
  switch (field) {
    case 'age':
    case 'place':
      return field;
    case 'ageUnknown':
      return 'ageUnknown';
    case 'municipality':
      return `municipality-${municipalities[0]?.id ?? PLACE}`;
    case 'placeChoice':
      return `placeChoice-${placeMatches(places, values)[0]?.municipality ?? ''}`;
    default: {
      const spec = questionSpec(field);
      return `${field}-${spec.options[0] ?? UNKNOWN}`;
    }
  }
}

/** The question's text for the person who answers. */
export function useQuestionTitle(): (fact: FactName, wording: Wording) => string {
  const { t } = useTranslation();
  return (fact, wording) => (FIXED_WORDING.includes(fact) ? t(`q.${fact}.title`) : t(`q.${fact}.title.${wording}`));
}

interface Props {
  fact: FactName;
  wording: Wording;
  formik: FormikProps<FormValues>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  municipalities: readonly MunicipalityInfo[];
  places: PlaceIndex;
  icons: Icons;
}

export function Question({ fact, wording, formik, headingRef, municipalities, places, icons }: Props): ReactNode {
  const { t } = useTranslation();
  const title = useQuestionTitle()(fact, wording);
  const spec = questionSpec(fact);
  const { values, errors } = formik;
  const hintId = `${fact}-hint`;
  const errorId = `${fact}-error`;
  const error = errors[fact];
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  const message = (key: string | undefined): string => (key ? t(key, { place: values.place.trim() }) : '');

  const radio = (name: keyof FormValues, value: string, label: ReactNode, icon?: string): ReactNode => {
    const id = `${name}-${value}`;
    return (
      <div className={`radio${value === UNKNOWN || value === PLACE ? ' radio-apart' : ''}`} key={id}>
        <input
          className="radio-input"
          id={id}
          {...formik.getFieldProps({ name, type: 'radio', value })}
          type="radio"
          value={value}
        />
        <label className="radio-label" htmlFor={id}>
          {icon ? <Picture icons={icons} name={icon} /> : null}
          <span>{label}</span>
        </label>
      </div>
    );
  };

  const legend = (
    <legend className="wizard-legend">
      <h2 className="wizard-question" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
    </legend>
  );

  if (spec.kind === 'age') {
    return (
      <fieldset className="wizard-fieldset" aria-describedby={describedBy}>
        {legend}
        <p className="wizard-hint" id={hintId}>
          {t('q.age.hint')}
        </p>
        {error ? <FieldError id={errorId} text={message(error)} /> : null}
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="age">
            {t('q.age.input')}
          </label>
          <input
            className="input input-age"
            id="age"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            {...formik.getFieldProps('age')}
          />
        </div>
        <div className="checkbox">
          <input
            className="checkbox-input"
            id="ageUnknown"
            type="checkbox"
            name="ageUnknown"
            checked={values.ageUnknown}
            onChange={(event) => void formik.setFieldValue('ageUnknown', event.target.checked, false)}
          />
          <label className="checkbox-label" htmlFor="ageUnknown">
            {t('answers.unknown')}
          </label>
        </div>
      </fieldset>
    );
  }

  if (spec.kind === 'municipality') {
    const placeError = errors.place;
    const choiceError = errors.placeChoice;
    const matches = placeMatches(places, values);
    const nameOf = (id: string): string => municipalities.find((m) => m.id === id)?.name ?? id;
    return (
      <fieldset className="wizard-fieldset" aria-describedby={describedBy}>
        {legend}
        <p className="wizard-hint" id={hintId}>
          {t('q.municipality.hint')}
        </p>
        {error ? <FieldError id={errorId} text={message(error)} /> : null}
        <div className="radios">
          {municipalities.map((m) => radio('municipality', m.id, m.name))}
          {radio('municipality', PLACE, t('q.municipality.placeOption'))}
          {values.municipality === PLACE ? (
            <div className="radio-conditional">
              <div className={`field${placeError ? ' field-invalid' : ''}`}>
                <label className="field-label" htmlFor="place">
                  {t('q.municipality.placeLabel')}
                </label>
                <p className="wizard-hint" id="place-hint">
                  {t('q.municipality.placeHint')}
                </p>
                {placeError ? <FieldError id="place-error" text={message(placeError)} /> : null}
                <input
                  className="input"
                  id="place"
                  type="text"
                  autoComplete="address-level2"
                  spellCheck={false}
                  aria-invalid={placeError ? true : undefined}
                  aria-describedby={placeError ? 'place-hint place-error' : 'place-hint'}
                  {...formik.getFieldProps('place')}
                />
              </div>
              {matches.length > 1 ? (
                <fieldset
                  className="wizard-fieldset wizard-subfieldset"
                  aria-describedby={choiceError ? 'placeChoice-error' : undefined}
                >
                  <legend className="field-label">
                    {t('q.municipality.chooseLegend', { place: values.place.trim() })}
                  </legend>
                  {choiceError ? <FieldError id="placeChoice-error" text={message(choiceError)} /> : null}
                  <div className="radios">
                    {matches.map((m) =>
                      radio(
                        'placeChoice',
                        m.municipality,
                        t('q.municipality.chooseOption', { place: m.place, municipality: nameOf(m.municipality) }),
                      ),
                    )}
                  </div>
                </fieldset>
              ) : null}
            </div>
          ) : null}
        </div>
      </fieldset>
    );
  }

  const label = (value: string): string => {
    if (value === YES) return t('answers.yes');
    if (value === 'no') return t('answers.no');
    return t(`q.${fact}.options.${value}`);
  };
  return (
    <fieldset className="wizard-fieldset" aria-describedby={describedBy}>
      {legend}
      <p className="wizard-hint" id={hintId}>
        {t(`q.${fact}.hint`)}
      </p>
      {error ? <FieldError id={errorId} text={message(error)} /> : null}
      <div className={`radios${fact === 'group' ? ' radios-pictures' : ''}`}>
        {spec.options.map((o) => radio(fact, o, label(o), fact === 'group' ? GROUP_ICONS[o] : undefined))}
        {spec.allowUnknown ? radio(fact, UNKNOWN, t('answers.unknown')) : null}
      </div>
    </fieldset>
  );
}
