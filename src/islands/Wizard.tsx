/**
 * The eligibility wizard island (`/parbaude/`, `/viegli/parbaude/`): one question at a
 * time, then the check-answers step, then "Jums varētu būt pieejams…".
 *
 * Thin glue: which question comes next, validation, the saved state, the prefill and the
 * result's content are all in `src/domain/wizard/` (tested there). This file holds the
 * state, ONE Formik instance whose yup schema is the current step's (forward only when
 * valid, Back always), focus and the page title, and sessionStorage.
 *
 * Mounted with `client:only="react"`; the page renders the same information for readers
 * without JavaScript in `#wizard-fallback`, which this island hides when it mounts.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { FormikProvider, useFormik } from 'formik';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { FactName, FactValue, ServiceRules } from '../domain/eligibility/index';
import { buildPlaceIndex } from '../domain/places/index';
import { PAGES, pathFor, type Variant } from '../domain/routes';
import {
  CHECK_STEP,
  RESULT_STEP,
  assembleResult,
  buildPrefill,
  factFromValues,
  initialState,
  isQuestion,
  municipalityFromValues,
  nextStep,
  pathAnswers,
  previousStep,
  questionNumber,
  questionPath,
  stepFields,
  stepSchema,
  valuesFromFacts,
  wordingFor,
  type FormValues,
  type WizardData,
  type WizardState,
} from '../domain/wizard/index';
import { ErrorSummary, type Icons, type SummaryError } from './wizard/bits';
import { CheckAnswers } from './wizard/CheckAnswers';
import { createWizardI18n, type WizardStrings } from './wizard/i18n';
import { Question, controlId, useQuestionTitle } from './wizard/Question';
import { Result } from './wizard/Result';
import { clearState, handOver, loadState, saveState } from './wizard/storage';

export interface WizardProps {
  variant: Variant;
  /** The eligibility rules, parsed at build time (quotes left out; see `slimRules`). */
  rules: ServiceRules[];
  data: WizardData;
  /** The `wizard` namespace of the page's version. */
  strings: WizardStrings;
  /** SVG markup of the pictures used, by name. */
  icons: Icons;
}

/** The element the page renders for readers without JavaScript. */
const FALLBACK_ID = 'wizard-fallback';

export default function Wizard(props: WizardProps): ReactNode {
  const i18n = useMemo(() => createWizardI18n(props.strings), [props.strings]);
  return (
    <I18nextProvider i18n={i18n}>
      <WizardFlow {...props} />
    </I18nextProvider>
  );
}

function WizardFlow({ variant, rules, data, icons }: WizardProps): ReactNode {
  const { t } = useTranslation();
  const questionTitle = useQuestionTitle();
  const places = useMemo(() => buildPlaceIndex(data.municipalities), [data.municipalities]);
  const [state, setState] = useState<WizardState>(() => loadState(rules));
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  /** Set when the step changed by the person's action: focus then moves to the new heading. */
  const moved = useRef(false);
  const [errorFocus, setErrorFocus] = useState(0);

  const { step, answers } = state;
  const path = useMemo(() => questionPath(rules, answers), [rules, answers]);

  const formik = useFormik<FormValues>({
    initialValues: valuesFromFacts(state.answers),
    validationSchema: isQuestion(step) ? stepSchema(step, places) : undefined,
    validateOnChange: false,
    validateOnBlur: false,
    onSubmit: () => undefined,
  });

  // The island is here: hide the no-JavaScript information so nothing shows twice.
  useEffect(() => {
    document.getElementById(FALLBACK_ID)?.setAttribute('hidden', '');
  }, []);

  useEffect(() => saveState(state), [state]);

  useEffect(() => {
    if (moved.current) {
      moved.current = false;
      headingRef.current?.focus();
    }
  }, [state]);

  useEffect(() => {
    if (errorFocus > 0) summaryRef.current?.focus();
  }, [errorFocus]);

  const fields = isQuestion(step) ? stepFields(step) : [];
  const summaryErrors: SummaryError[] = fields.flatMap((field) => {
    const key = formik.errors[field];
    return key
      ? [
          {
            target: controlId(field, formik.values, data.municipalities, places),
            message: t(key, { place: formik.values.place.trim() }),
          },
        ]
      : [];
  });
  const hasErrors = summaryErrors.length > 0;

  const stepTitle = isQuestion(step)
    ? t('title.question', {
        number: questionNumber(rules, answers, step),
        question: questionTitle(step, wordingFor(step, answers)),
      })
    : step === CHECK_STEP
      ? t('title.check')
      : t('title.result');
  const documentTitle = `${hasErrors ? t('title.errorPrefix') : ''}${stepTitle} — ${t('title.site')}`;
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  const go = (next: WizardState): void => {
    moved.current = true;
    formik.resetForm({ values: valuesFromFacts(next.answers) });
    setState(next);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!isQuestion(step)) return;
    const errors = await formik.validateForm();
    if (Object.keys(errors).length > 0) {
      setErrorFocus((n) => n + 1);
      return;
    }
    const value: FactValue | null =
      step === 'municipality'
        ? (municipalityFromValues(places, formik.values) as FactValue | null)
        : factFromValues(step, formik.values);
    const updated = pathAnswers(rules, { ...answers, [step]: value });
    const target = nextStep(rules, updated, step, state.returnToCheck);
    go({ step: target, answers: updated, returnToCheck: target === CHECK_STEP ? false : state.returnToCheck });
  };

  const back = previousStep(rules, answers, step);
  const goBack = (): void => {
    if (back !== null) go({ ...state, step: back });
  };
  const change = (fact: FactName): void => go({ ...state, step: fact, returnToCheck: true });
  const restart = (): void => {
    clearState();
    go(initialState());
  };
  const send = (): void => {
    const prefill = buildPrefill(rules, answers);
    handOver(prefill);
    window.location.assign(pathFor(variant, prefill.type === 'foster' ? PAGES.foster : PAGES.referral));
  };

  const result = useMemo(
    () => (step === RESULT_STEP ? assembleResult(rules, answers, data, variant === 'easy') : null),
    [step, rules, answers, data, variant],
  );

  return (
    <div className="wizard" data-step={step}>
      {back !== null ? (
        <p className="wizard-back no-print">
          <button type="button" className="link-button back-link" onClick={goBack}>
            {step === RESULT_STEP ? t('actions.backToAnswers') : t('actions.back')}
          </button>
        </p>
      ) : null}
      {isQuestion(step) ? (
        <FormikProvider value={formik}>
          <form className="wizard-step" noValidate onSubmit={(e) => void submit(e)}>
            {hasErrors ? <ErrorSummary errors={summaryErrors} summaryRef={summaryRef} /> : null}
            <p className="wizard-progress">{t('progress', { number: questionNumber(rules, answers, step) })}</p>
            <Question
              fact={step}
              wording={wordingFor(step, answers)}
              formik={formik}
              headingRef={headingRef}
              municipalities={data.municipalities}
              places={places}
              icons={icons}
            />
            <p className="wizard-actions">
              <button type="submit" className="button">
                {t('actions.continue')}
              </button>
            </p>
          </form>
        </FormikProvider>
      ) : step === CHECK_STEP ? (
        <CheckAnswers
          path={path}
          answers={answers}
          municipalities={data.municipalities}
          headingRef={headingRef}
          onChange={change}
          onContinue={() => go({ ...state, step: RESULT_STEP, returnToCheck: false })}
        />
      ) : result !== null ? (
        <Result
          result={result}
          variant={variant}
          icons={icons}
          headingRef={headingRef}
          onSend={send}
          onRestart={restart}
        />
      ) : null}
    </div>
  );
}
