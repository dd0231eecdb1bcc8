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
 * server's receipt: the reference, the municipality id and their signature (the only things
 * in the URL). The server's 422 errors are shown the same way as the browser's own.
 *
 * With JavaScript the form also keeps a draft of what the person typed (see
 * `src/domain/referral/draft.ts`): in this tab's sessionStorage ONLY — never localStorage,
 * a URL or the server before "Nosūtīt" — restored after a reload or the browser's Back, and
 * removed once the request was sent (or the person clears the form).
 */
import { FormikProvider, useFormik } from 'formik';
import { useEffect, useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HANDOVER_KEY } from '../../domain/handover';
import { draftKey, isEmptyDraft, parseDraft, serializeDraft } from '../../domain/referral/draft';
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
import type { PlaceFinding } from '../../domain/places/index';
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
  render: (state: {
    values: ReferralFormValues;
    hydrated: boolean;
    /** What the server's finder found (a post of "Atrast" without JavaScript). */
    finding: PlaceFinding | undefined;
  }) => ReactNode;
}

/** This tab's sessionStorage, or `null` where the browser allows none. */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Keep the draft in this tab (an untouched form keeps none). Full or blocked storage: no draft. */
function saveDraft(values: ReferralFormValues): void {
  try {
    const storage = tabStorage();
    if (isEmptyDraft(values)) storage?.removeItem(draftKey(values.type));
    else storage?.setItem(draftKey(values.type), serializeDraft(values));
  } catch {
    // The form still works; only a reload would lose what was typed.
  }
}

function removeDraft(type: EnquiryType): void {
  try {
    tabStorage()?.removeItem(draftKey(type));
  } catch {
    // Nothing to remove.
  }
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
  const [restored, setRestored] = useState(false);
  /** Set once the stored draft was read: only then may the values overwrite it. */
  const [draftRead, setDraftRead] = useState(false);
  /** Set once the request was accepted: nothing is kept after that. */
  const sentRef = useRef(false);
  const [focusSummary, setFocusSummary] = useState(0);
  const [focusFailure, setFocusFailure] = useState(0);

  // Once the island runs: the finder answers at once and the counter appears; the wizard's
  // hand-over and this tab's draft are read. A page the server sent back holds the newest
  // values (they become the draft).
  useEffect(() => {
    setHydrated(true);
    setDraftRead(true);
    if (returned) return;
    let handover: string | null;
    let draftText: string | null;
    try {
      const storage = window.sessionStorage;
      handover = storage.getItem(HANDOVER_KEY);
      if (handover !== null) storage.removeItem(HANDOVER_KEY);
      draftText = storage.getItem(draftKey(type));
    } catch {
      // Storage may be switched off: then there is nothing to read.
      return;
    }
    const draft = parseDraft(draftText, type, options);
    if (draftText !== null && draft === null) removeDraft(type);
    const prefill = parsePrefill(handover, options);
    if (prefill) {
      // The check's answers fill in what they know; what the person typed before stays.
      void formik.setValues(applyPrefill(draft ?? emptyFormValues(type), prefill), false);
      setPrefilled(true);
    } else if (draft && !isEmptyDraft(draft)) {
      void formik.setValues(draft, false);
      setRestored(true);
    }
    // Read once, on the first render in the browser.
  }, []);

  // Every change is kept in this tab until the request is sent.
  useEffect(() => {
    if (draftRead && !sentRef.current) saveDraft(formik.values);
  }, [formik.values, draftRead]);

  const clear = (): void => {
    removeDraft(type);
    formik.resetForm({ values: emptyFormValues(type), errors: {} });
    setRestored(false);
    setPrefilled(false);
  };

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
        // The page's version travels with the request: the office is told the person used the
        // easy-read form, and the confirmation e-mail is written in easy-read.
        body: JSON.stringify({ ...requestFromFormValues(values), variant, website }),
      });
    } catch {
      throw new Error('failed');
    }
    if (response.status === 201) {
      const body: unknown = await response.json().catch(() => null);
      const raw = isPlainObject(body) && typeof body['reference'] === 'string' ? body['reference'] : '';
      const signature = isPlainObject(body) && typeof body['signature'] === 'string' ? body['signature'] : '';
      const reference = parseReference(raw);
      // Sent: the draft goes (a Back from the confirmation shows an empty form).
      sentRef.current = true;
      removeDraft(type);
      // The receipt is all the URL carries — the reference, the municipality id and the
      // server's signature of both — never the person's data.
      const query = new URLSearchParams({ ref: reference ?? '', m: values.municipality, sig: signature });
      window.location.assign(reference ? `${confirmation}?${query.toString()}` : confirmation);
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
    })
    // One message about several fields ("a phone or an e-mail") is listed once, linked to the first.
    .filter((item, i, all) => all.findIndex((other) => other.text === item.text) === i);

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
      <div className={prefilled || restored ? 'notice prefill-note' : undefined} role="status">
        {prefilled && <p>{t('form.prefilled')}</p>}
        {restored && <p>{t('form.restored')}</p>}
      </div>
      {(prefilled || restored) && (
        <p className="draft-clear">
          <button type="button" className="link-button" onClick={clear}>
            {t('form.clear')}
          </button>
        </p>
      )}
      <form
        ref={formRef}
        className="request-form"
        method="post"
        action={pathFor(variant, formPage.path)}
        acceptCharset="utf-8"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
      >
        {/*
          Without JavaScript, Enter in a text field presses the form's first submit button: this
          one ("Nosūtīt"), not the finder's "Atrast" further down. Hidden from view, the tab
          order and assistive technology; the visible "Nosūtīt" is at the end.
        */}
        <button type="submit" className="default-submit" tabIndex={-1} aria-hidden="true" />
        <input type="hidden" name="type" value={type} />
        {answers && <input type="hidden" name="answers" value={JSON.stringify(answers)} />}
        {render({ values: formik.values, hydrated, finding: returned?.finding })}
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
