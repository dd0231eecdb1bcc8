/**
 * The shell both request forms share: formik with the ONE schema, the error summary, the
 * wizard's hand-over, the honeypot, the button — and sending.
 *
 * Without JavaScript the server-rendered markup is a plain `<form method="post">` to the
 * page itself; the server validates it and renders the page again with `returned` (the
 * posted values and the errors), or redirects to the confirmation.
 *
 * With JavaScript the same schema runs in the browser on "Nosūtīt"; a valid request is
 * sent as JSON to `/api/referrals` and the browser goes to the confirmation page with the
 * reference (the only thing in the URL). The server's 422 errors are shown the same way as
 * the browser's own.
 */
import { FormikProvider, useFormik } from 'formik';
import { useEffect, useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HANDOVER_KEY } from '../../domain/handover';
import { parseReference } from '../../domain/referral/reference';
import { errorsFromApi, flatErrors, nestErrors } from '../../domain/referral/errors';
import { validateReferral } from '../../domain/referral/schema';
import {
  applyPrefill,
  emptyFormValues,
  formValuesFromPost,
  parsePrefill,
  requestFromFormValues,
  type ReferralFormValues,
} from '../../domain/referral/prefill';
import type { EnquiryType } from '../../domain/referral/ids';
import { PAGES, formPageOf, pathFor } from '../../domain/routes';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { createIslandI18n } from '../i18n';
import { Honeypot, fieldId, useErrorText } from './fields';
import type { FormIslandProps, ServiceOption } from './types';
import { isPlainObject } from '../../domain/objects';

/** Where the JSON request goes (same origin). */
export const API_PATH = '/api/referrals';

type Failure = 'rateLimited' | 'failed';

export interface RequestFormProps extends FormIslandProps {
  type: EnquiryType;
  services: readonly ServiceOption[];
  /** The fields in the order the form shows them: the error summary lists them so. */
  fieldOrder: readonly string[];
  /** The fields, rendered inside the form (they read formik from context). */
  render: (state: { values: ReferralFormValues; hydrated: boolean }) => ReactNode;
}

function FormBody(props: RequestFormProps): ReactNode {
  const { type, variant, municipalities, services, returned, fieldOrder, render, children } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const options = useMemo(
    () => ({ municipalities: municipalities.map((m) => m.id), services: services.map((s) => s.id) }),
    [municipalities, services],
  );

  const formik = useFormik<ReferralFormValues>({
    initialValues: returned ? formValuesFromPost(type, returned.values) : emptyFormValues(type),
    initialErrors: returned ? nestErrors(returned.errors) : {},
    // Checked on "Nosūtīt" only (GOV.UK): no messages while the person is still typing.
    validateOnChange: false,
    validateOnBlur: false,
    validate: (values) => {
      const result = validateReferral(requestFromFormValues(values), options);
      return result.ok ? {} : nestErrors(result.errors);
    },
    onSubmit: () => undefined,
  });

  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const sendingRef = useRef(false);
  const [hydrated, setHydrated] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [prefilled, setPrefilled] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  const [focusFailure, setFocusFailure] = useState(0);

  // Once the island runs: the finder and the counter appear; the wizard's hand-over is read.
  useEffect(() => {
    setHydrated(true);
    if (returned) return;
    let raw: string | null;
    try {
      raw = window.sessionStorage.getItem(HANDOVER_KEY);
      if (raw !== null) window.sessionStorage.removeItem(HANDOVER_KEY);
    } catch {
      // Storage may be switched off: then there is nothing to read.
      return;
    }
    const prefill = parsePrefill(raw, options);
    if (!prefill) return;
    const values = applyPrefill(emptyFormValues(type), prefill);
    void formik.setValues(values, false);
    setPrefilled(true);
    // Read once, on the first render in the browser.
  }, []);

  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);
  useEffect(() => {
    if (focusFailure > 0) failureRef.current?.focus();
  }, [focusFailure]);

  const formPage = formPageOf(type);
  const confirmation = pathFor(variant, formPage.confirmation);

  async function send(values: ReferralFormValues): Promise<void> {
    // What a bot wrote into the honeypot, even without a React event.
    const website = formRef.current?.querySelector<HTMLInputElement>('input[name="website"]')?.value ?? '';
    let response: Response;
    try {
      response = await fetch(API_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ ...requestFromFormValues(values), website }),
      });
    } catch {
      throw new Error('failed');
    }
    if (response.status === 201) {
      const body: unknown = await response.json().catch(() => null);
      const raw = isPlainObject(body) && typeof body['reference'] === 'string' ? body['reference'] : '';
      const reference = parseReference(raw);
      // The reference is the only thing the URL carries: never the person's data.
      window.location.assign(reference ? `${confirmation}?ref=${encodeURIComponent(reference)}` : confirmation);
      return new Promise<void>(() => undefined);
    }
    if (response.status === 422) {
      const errors = errorsFromApi(await response.json().catch(() => null));
      if (errors) {
        formik.setErrors(nestErrors(errors));
        setFocusSummary((n) => n + 1);
        return;
      }
    }
    throw new Error(response.status === 429 ? 'rateLimited' : 'failed');
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // A double click sends once.
    if (sendingRef.current) return;
    sendingRef.current = true;
    setFailure(null);
    const errors = await formik.validateForm();
    if (Object.keys(errors).length > 0) {
      sendingRef.current = false;
      setFocusSummary((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      await send(formik.values);
    } catch (error) {
      setFailure(error instanceof Error && error.message === 'rateLimited' ? 'rateLimited' : 'failed');
      setFocusFailure((n) => n + 1);
    }
    sendingRef.current = false;
    setSending(false);
  }

  const flat = flatErrors(formik.errors);
  const rank = (path: string): number => {
    const i = fieldOrder.indexOf(path);
    return i === -1 ? fieldOrder.length : i;
  };
  const items: SummaryItem[] = flat
    .sort(([a], [b]) => rank(a) - rank(b))
    .flatMap(([path, error]) => {
      const text = errorText(error, path);
      return text === undefined ? [] : [{ target: fieldOrder.includes(path) ? fieldId(path) : null, text }];
    });

  // "Kļūda: " at the start of the title while the summary shows (GOV.UK), as the server does.
  const hasErrors = items.length > 0;
  useEffect(() => {
    const prefix = `${t('common:error.prefix')} `;
    const marked = document.title.startsWith(prefix);
    if (hasErrors && !marked) document.title = `${prefix}${document.title}`;
    else if (!hasErrors && marked) document.title = document.title.slice(prefix.length);
  }, [hasErrors, t]);

  const answers = formik.values.answers;
  return (
    <FormikProvider value={formik}>
      {items.length > 0 && (
        <ErrorSummary
          title={t('form.errorSummary')}
          items={items}
          summaryRef={summaryRef}
          autoFocus={Boolean(returned)}
        />
      )}
      {failure && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={failureRef}>
          <p className="error-summary-title">
            {failure === 'rateLimited'
              ? t('form.send.rateLimited')
              : t(type === 'foster' ? 'form.send.failedFoster' : 'form.send.failed')}
          </p>
          <p>
            <a href={pathFor(variant, PAGES.contacts)}>{t('form.send.contacts')}</a>
          </p>
        </div>
      )}
      {children}
      {/* Present from the start, so the note is announced when it appears. */}
      <div className={prefilled ? 'notice prefill-note' : undefined} role="status">
        {prefilled && <p>{t('form.prefilled')}</p>}
      </div>
      <form
        ref={formRef}
        className="request-form"
        method="post"
        action={pathFor(variant, formPage.path)}
        acceptCharset="utf-8"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
      >
        <input type="hidden" name="type" value={type} />
        {type === 'foster' && <input type="hidden" name="filledBy" value="self" />}
        {answers && <input type="hidden" name="answers" value={JSON.stringify(answers)} />}
        {render({ values: formik.values, hydrated })}
        <Honeypot label={t('form.honeypot')} />
        <div className="form-actions">
          <button type="submit" className="button button--submit" disabled={sending}>
            {t('form.submit')}
          </button>
          <p className="form-status" role="status">
            {sending ? t('form.sending') : ''}
          </p>
        </div>
      </form>
    </FormikProvider>
  );
}

/** A request form with its own i18next instance (the `referral` strings of the page's version). */
export function RequestForm(props: RequestFormProps): ReactNode {
  const i18n = useMemo(() => createIslandI18n(props.strings, 'referral'), [props.strings]);
  return (
    <I18nextProvider i18n={i18n}>
      <FormBody {...props} />
    </I18nextProvider>
  );
}
