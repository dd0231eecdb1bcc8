/**
 * The eligibility wizard island (`/parbaude/`, `/viegli/parbaude/`): one question at a
 * time, then the check-answers step, then "Jums varētu būt pieejams…".
 *
 * Thin glue: which question comes next, validation, the saved state, the prefill and the
 * result's content are all in `src/domain/wizard/` (tested there). This file holds the
 * state, ONE Formik instance whose yup schema is the current step's (forward only when
 * valid, Back always), focus and the page title, sessionStorage, and the browser history.
 *
 * History: the browser's Back and Forward move between the steps, as between GOV.UK
 * question pages. Every step change the person makes pushes an entry naming the new step
 * (the URL stays the same; no answer goes into the history). On mount the current entry
 * is stamped with the step shown. `popstate` shows the entry's step without a new entry,
 * the answers unchanged, once `stepForHistory` has checked it against them (a question
 * that is no longer on the path, or a check/result without every answer, gives the first
 * unanswered question or the check-answers step). An entry made before a reload comes
 * back as a new page load; the saved answers then show that entry's step (see
 * `restoreState`).
 *
 * Mounted with `client:only="react"`. It first fetches its bundle (the rules, the content,
 * its strings and pictures: `src/domain/wizard/bundle.ts`), a static file of the build;
 * the page renders the same information for readers without JavaScript in
 * `#wizard-fallback`, which this island hides once the bundle is there (and leaves shown
 * when it cannot be loaded).
 */
import {
  Suspense,
  lazy,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type SubmitEvent,
} from 'react';
import { FormikProvider, useFormik, validateYupSchema, yupToFormErrors, type FormikErrors } from 'formik';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { FactName, FactValue } from '../domain/eligibility/facts';
import type { EvaluableRule } from '../domain/model/eligibility';
import type { WizardData } from '../domain/model/views';
import { buildPlaceIndex, type PlaceIndex } from '../domain/places/index';
import { formPageOf, pathFor, type Variant } from '../domain/routes';
// The wizard's modules one by one (not its index, which also exports the yup schema: that
// one is loaded apart, see `stepErrors`).
import { readBundle, type WizardBundle } from '../domain/wizard/bundle';
import { stateForHistoryStep, stepOfHistoryState } from '../domain/wizard/history';
import {
  factFromValues,
  municipalityFromValues,
  placeFromValues,
  stepFields,
  valuesFromFacts,
  wordingFor,
  type FormValues,
} from '../domain/wizard/questions';
import { buildPrefill, initialState, type WizardState } from '../domain/wizard/session';
import {
  CHECK_STEP,
  RESULT_STEP,
  isQuestion,
  nextStep,
  pathAnswers,
  previousStep,
  questionNumber,
  questionPath,
  type StepId,
} from '../domain/wizard/steps';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import type { Icons } from '../components/Picture';
import { createIslandI18n } from './i18n';
import { CheckAnswers } from './wizard/CheckAnswers';
import { Question, controlId, useQuestionTitle } from './wizard/Question';
import { pushStep, replaceStep, stepOfTraversedEntry } from './wizard/history';
import { clearState, handOver, loadState, saveState } from './wizard/storage';

export interface WizardProps {
  variant: Variant;
  /** Where the page's version of the bundle is (`bundlePath`): same origin, written by the build. */
  src: string;
}

interface FlowProps {
  variant: Variant;
  /** The eligibility rules, validated at build time (sources left out; see `evaluableRules`). */
  rules: readonly EvaluableRule[];
  data: WizardData;
  /** SVG markup of the pictures used, by name. */
  icons: Icons;
}

/**
 * The step schemas' module (and yup with it), loaded once, apart from the page's first
 * JavaScript: showing a question does not need it, checking an answer does. The island
 * asks for it as soon as it shows the first question.
 */
let schemaModule: Promise<typeof import('../domain/wizard/schema')> | null = null;
function loadSchemas(): Promise<typeof import('../domain/wizard/schema')> {
  schemaModule ??= import('../domain/wizard/schema').catch((error: unknown) => {
    // A failed load (the connection dropped) is tried again at the next answer.
    schemaModule = null;
    throw error;
  });
  return schemaModule;
}

/** The errors of a question step's answer (message keys by field), as formik's `validationSchema` would give them. */
async function stepErrors(step: StepId, places: PlaceIndex, values: FormValues): Promise<FormikErrors<FormValues>> {
  if (!isQuestion(step)) return {};
  const { stepSchema } = await loadSchemas();
  try {
    await validateYupSchema(values, stepSchema(step, places));
    return {};
  } catch (error) {
    // As formik's own `validationSchema`: a failed answer gives errors, anything else is a fault.
    if ((error as { name?: unknown } | null)?.name !== 'ValidationError') throw error;
    return yupToFormErrors<FormValues>(error);
  }
}

/**
 * The result's view and its assembly, loaded apart too: asked for when the check-answers
 * step shows, so it is there when the person presses "Rādīt". If it cannot be loaded, the
 * result says so (the answers are saved: a reload shows the result).
 */
const loadResult = (): Promise<typeof import('./wizard/Result')> => import('./wizard/Result');
const ResultStep = lazy(() => loadResult().catch(() => ({ default: ResultUnavailable })));

function ResultUnavailable(): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="notice" role="alert">
      {t('result.loadFailed')}
    </p>
  );
}

/** The element the page renders for readers without JavaScript. */
const FALLBACK_ID = 'wizard-fallback';

/**
 * The state to start with: the saved one (a first visit, a reload) — unless the browser's
 * Back or Forward loaded the page anew on an entry of this wizard (entries made before a
 * reload belong to the page as it was, so the browser loads them as a new page, with no
 * `popstate`): then that entry's step, checked against the saved answers.
 */
function restoreState(rules: readonly EvaluableRule[]): WizardState {
  const saved = loadState(rules);
  const step = stepOfTraversedEntry();
  return step === null ? saved : stateForHistoryStep(rules, saved, step);
}

/** The bundle, fetched once; `null` when it cannot be had (the page then stays as it is without JavaScript). */
async function loadBundle(src: string): Promise<WizardBundle | null> {
  try {
    const response = await fetch(src, { credentials: 'same-origin' });
    return response.ok ? readBundle(await response.json()) : null;
  } catch {
    return null;
  }
}

export default function Wizard({ variant, src }: WizardProps): ReactNode {
  const [bundle, setBundle] = useState<WizardBundle | null>(null);
  useEffect(() => {
    let live = true;
    void loadBundle(src).then((loaded) => {
      if (live) setBundle(loaded);
    });
    return () => {
      live = false;
    };
  }, [src]);
  const i18n = useMemo(() => (bundle === null ? null : createIslandI18n(bundle.strings, 'wizard')), [bundle]);
  if (bundle === null || i18n === null) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <WizardFlow variant={variant} rules={bundle.rules} data={bundle.data} icons={bundle.icons} />
    </I18nextProvider>
  );
}

function WizardFlow({ variant, rules, data, icons }: FlowProps): ReactNode {
  const { t } = useTranslation();
  const questionTitle = useQuestionTitle();
  const places = useMemo(() => buildPlaceIndex(data.municipalities), [data.municipalities]);
  const [state, setState] = useState<WizardState>(() => restoreState(rules));
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const wizardRef = useRef<HTMLDivElement | null>(null);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  /**
   * Set when the step changed by the person's action (a button, or the browser's Back or
   * Forward): focus then moves to the new heading. Not on the first render (nor on a reload).
   */
  const moved = useRef(false);
  const [errorFocus, setErrorFocus] = useState(0);

  const { step, answers } = state;
  const path = useMemo(() => questionPath(rules, answers), [rules, answers]);

  const formik = useFormik<FormValues>({
    initialValues: valuesFromFacts(state.answers),
    validate: (values) => stepErrors(step, places, values),
    validateOnChange: false,
    validateOnBlur: false,
    onSubmit: () => undefined,
  });

  // The island is here: hide the no-JavaScript information so nothing shows twice — before
  // the browser paints the first question, so the information is never seen pushed down
  // below it (a layout shift) — and fetch what checking the first answer needs.
  useLayoutEffect(() => {
    document.getElementById(FALLBACK_ID)?.setAttribute('hidden', '');
  }, []);
  useEffect(() => {
    void loadSchemas().catch(() => undefined);
  }, []);

  useEffect(() => saveState(state), [state]);

  useEffect(() => {
    // The result takes the focus itself once its view is loaded (`resultShown`).
    if (!moved.current || state.step === RESULT_STEP) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [state]);

  /**
   * The result is on the screen: after a step change it opens at its top (the way back,
   * the heading, the summary) wherever the check-answers page was scrolled to — on a
   * phone, that is its first screen — and its heading takes the focus.
   */
  const resultShown = (): void => {
    if (!moved.current) return;
    moved.current = false;
    wizardRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  };

  useEffect(() => {
    if (step === CHECK_STEP) void loadResult().catch(() => undefined);
  }, [step]);

  useEffect(() => {
    if (errorFocus > 0) summaryRef.current?.focus();
  }, [errorFocus]);

  const fields = isQuestion(step) ? stepFields(step) : [];
  const summaryErrors: SummaryItem[] = fields.flatMap((field) => {
    const key = formik.errors[field];
    return key
      ? [
          {
            target: controlId(field, formik.values, data.municipalities, places),
            text: t(key, { place: formik.values.place.trim() }),
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

  /** Shows a step: the form shows the saved answers again (what was typed and not sent is dropped). */
  const show = (next: WizardState): void => {
    moved.current = true;
    formik.resetForm({ values: valuesFromFacts(next.answers) });
    setState(next);
  };

  /** A step change the person made: a new history entry for it, so the browser's Back returns here. */
  const go = (next: WizardState): void => {
    if (next.step === step) replaceStep(next.step);
    else pushStep(next.step);
    show(next);
  };

  /**
   * The browser's Back or Forward within the page: the entry's step, checked against the
   * answers, without a new entry; the focus moves to its heading as after any step change.
   * An entry that names no step (a link to `#saturs`, the skip link) is stamped with the
   * step shown, so going back to it later shows that step.
   */
  const onPopState = (event: PopStateEvent): void => {
    const wanted = stepOfHistoryState(event.state);
    if (wanted === null) {
      replaceStep(step);
      return;
    }
    const next = stateForHistoryStep(rules, state, wanted);
    if (next.step !== wanted) replaceStep(next.step);
    show(next);
  };
  // The listener stays the same; it calls the handler of the latest render.
  const onPopStateRef = useRef(onPopState);
  useLayoutEffect(() => {
    onPopStateRef.current = onPopState;
  });
  useEffect(() => {
    // The entry the page opened on names the step first shown (other keys in its state are kept).
    replaceStep(step);
    const listener = (event: PopStateEvent): void => onPopStateRef.current(event);
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  }, []);

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
    // The place typed to find the municipality travels with it to the form (and the office);
    // the same municipality chosen again from the list keeps it.
    let place = state.place;
    if (step === 'municipality') {
      place = typeof value === 'string' ? placeFromValues(places, formik.values, value) : undefined;
      if (place === undefined && value === answers.municipality) place = state.place;
    }
    const returnToCheck = target === CHECK_STEP ? false : state.returnToCheck;
    go({ step: target, answers: updated, returnToCheck, ...(place === undefined ? {} : { place }) });
  };

  const back = previousStep(rules, answers, step);
  /**
   * The in-page "Atpakaļ" is a step change like any other: it PUSHES an entry for the
   * previous step (GOV.UK's back link is a plain link, and following a link adds an
   * entry), rather than calling `history.back()`. The entry before this one is not always
   * the previous question — after "Mainīt" it is the check-answers step, after "Sākt no
   * jauna" a step of the old answers, on a first visit another page — so `history.back()`
   * could leave the wizard or jump elsewhere; pushing always shows the previous step on
   * the path, and the browser's Back then returns to where the person pressed "Atpakaļ".
   */
  const goBack = (): void => {
    if (back !== null) go({ ...state, step: back });
  };
  const change = (fact: FactName): void => go({ ...state, step: fact, returnToCheck: true });
  const restart = (): void => {
    clearState();
    go(initialState());
  };
  const send = (): void => {
    const prefill = buildPrefill(rules, answers, state.place);
    handOver(prefill);
    window.location.assign(pathFor(variant, formPageOf(prefill.type).path));
  };

  return (
    <div className="wizard" data-step={step} ref={wizardRef}>
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
            {hasErrors ? (
              <ErrorSummary title={t('errorSummary.heading')} items={summaryErrors} summaryRef={summaryRef} />
            ) : null}
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
      ) : (
        <Suspense fallback={null}>
          <ResultStep
            rules={rules}
            answers={answers}
            data={data}
            variant={variant}
            icons={icons}
            headingRef={headingRef}
            onShown={resultShown}
            onSend={send}
            onRestart={restart}
          />
        </Suspense>
      )}
    </div>
  );
}
