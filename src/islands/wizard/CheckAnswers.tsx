/** The check-answers step: every answer on the person's path, each with "Mainīt". */
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FACT_SPECS, type FactName, type Facts } from '../../domain/eligibility/facts';
import type { MunicipalityInfo } from '../../domain/model/views';

interface Props {
  path: readonly FactName[];
  answers: Facts;
  municipalities: readonly MunicipalityInfo[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChange: (fact: FactName) => void;
  onContinue: () => void;
}

export function CheckAnswers({ path, answers, municipalities, headingRef, onChange, onContinue }: Props): ReactNode {
  const { t } = useTranslation();
  const answerText = (fact: FactName): string => {
    const value = answers[fact];
    if (value === undefined) return t('answers.notGiven');
    if (value === null) return t('answers.skipped');
    if (FACT_SPECS[fact].kind === 'boolean') return value === true ? t('answers.yes') : t('answers.no');
    if (fact === 'age') return String(value);
    if (fact === 'municipality') return municipalities.find((m) => m.id === value)?.name ?? String(value);
    return t(`q.${fact}.options.${String(value)}`);
  };
  return (
    <div className="wizard-step">
      <h2 className="wizard-question" ref={headingRef} tabIndex={-1}>
        {t('check.heading')}
      </h2>
      <p>{t('check.intro')}</p>
      <dl className="summary-list">
        {path.map((fact) => (
          <div className="summary-row" key={fact}>
            <dt className="summary-key">{t(`q.${fact}.label`)}</dt>
            <dd className="summary-value">{answerText(fact)}</dd>
            <dd className="summary-action">
              <button type="button" className="link-button" onClick={() => onChange(fact)}>
                {t('check.change')}
                <span className="visually-hidden"> {t('check.changeHidden', { question: t(`q.${fact}.label`) })}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p className="wizard-actions">
        <button type="button" className="button" onClick={onContinue}>
          {t('actions.showResult')}
        </button>
      </p>
    </div>
  );
}
