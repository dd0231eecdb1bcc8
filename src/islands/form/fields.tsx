/**
 * The controls of the request forms, GOV.UK style: the label (or legend) above, then the
 * hint, then the error message, then the control; "(nav obligāts)" on optional fields;
 * radios and checkboxes in fieldsets. Each control's `name` is the request's dotted path,
 * so the same markup posts as a plain form without JavaScript.
 */
import { getIn, useFormikContext } from 'formik';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralFormValues } from '../../domain/referral/prefill';
import { REFERRAL_LIMITS } from '../../domain/referral/schema';
import { FieldError } from '../../components/ErrorSummary';
import { Picture, type Icons } from '../../components/Picture';

/** The id of a field's control (the first one of a group): the error summary links to it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

/**
 * The text of an error: an i18n key with values, or a sentence the server sent as is.
 * "Required" says what is missing where the form has its own words for the field
 * (`form.required.<path>`: "Izvēlieties pašvaldību."), so the summary's links differ.
 */
export function useErrorText(): (error: unknown, path: string) => string | undefined {
  const { t, i18n } = useTranslation();
  return (error: unknown, path: string): string | undefined => {
    if (typeof error === 'string') return error;
    if (typeof error === 'object' && error !== null && typeof (error as { key?: unknown }).key === 'string') {
      const { key, values } = error as { key: string; values?: Record<string, unknown> };
      if (key === 'errors.required' && i18n.exists(`form.required.${path}`)) return t(`form.required.${path}`);
      return t(key, values ?? {});
    }
    return undefined;
  };
}

/** The error message of a field, if it has one. */
function useFieldError(path: string): string | undefined {
  const { errors } = useFormikContext<ReferralFormValues>();
  const text = useErrorText();
  return text(getIn(errors, path), path);
}

const ids = (...list: (string | false | undefined)[]): string | undefined => {
  const s = list.filter(Boolean).join(' ');
  return s === '' ? undefined : s;
};

function Optional({ optional }: { optional: boolean | undefined }): ReactNode {
  const { t } = useTranslation();
  return optional ? <span className="optional"> {t('form.optional')}</span> : null;
}

interface TextFieldProps {
  path: string;
  label: string;
  hint?: string | undefined;
  /** More descriptions the control refers to (e.g. a hint shared by two fields). */
  describedBy?: string | undefined;
  optional?: boolean;
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
  /** Width class: short fields look short (GOV.UK: the width hints at the answer). */
  width?: 'xs' | 's' | 'm' | 'l';
  spellCheck?: boolean;
  /**
   * The id of a message shown once for this field and others (phone or e-mail: "neither
   * was given"): when the field's own error is that message, the field is marked invalid
   * and described by it, but does not repeat it.
   */
  shared?: { id: string; text: string } | undefined;
}

/** What a text control needs from formik: its id, value, change handler and error. */
function useTextControl(path: string): {
  id: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error: string | undefined;
} {
  const { values, setFieldValue } = useFormikContext<ReferralFormValues>();
  return {
    id: fieldId(path),
    value: (getIn(values, path) as string | undefined) ?? '',
    onChange: (e) => void setFieldValue(path, e.target.value, false),
    error: useFieldError(path),
  };
}

/** A text control's label, hint and error message (the same for inputs and text areas). */
function FieldHead(props: {
  id: string;
  label: string;
  hint: string | undefined;
  optional: boolean | undefined;
  error: string | undefined;
}): ReactNode {
  const { id, label, hint, optional, error } = props;
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
        <Optional optional={optional} />
      </label>
      {hint && (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </>
  );
}

export function TextField(props: TextFieldProps): ReactNode {
  const { path, label, hint, describedBy, optional, type = 'text', autoComplete, inputMode, maxLength, width } = props;
  const { id, value, onChange, error: own } = useTextControl(path);
  const shared = own !== undefined && props.shared?.text === own ? props.shared : undefined;
  // A shared message is shown (and its red bar drawn) once, around all the fields it is about.
  const error = shared ? undefined : own;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <FieldHead id={id} label={label} hint={hint} optional={optional} error={error} />
      <input
        id={id}
        name={path}
        type={type}
        className={width ? `input input--${width}` : 'input'}
        value={value}
        onChange={onChange}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        spellCheck={props.spellCheck}
        aria-invalid={own ? true : undefined}
        aria-describedby={ids(hint && `${id}-hint`, describedBy, error && `${id}-error`, shared?.id)}
      />
    </div>
  );
}

interface TextAreaProps {
  path: string;
  label: string;
  hint: string;
  optional?: boolean;
  maxLength: number;
  /** The "characters left" line (shown once the island runs). */
  counter?: string | undefined;
}

export function TextArea({ path, label, hint, optional, maxLength, counter }: TextAreaProps): ReactNode {
  const { id, value, onChange, error } = useTextControl(path);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <FieldHead id={id} label={label} hint={hint} optional={optional} error={error} />
      <textarea
        id={id}
        name={path}
        className="input textarea"
        rows={6}
        value={value}
        onChange={onChange}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids(`${id}-hint`, counter !== undefined && `${id}-count`, error && `${id}-error`)}
      />
      {counter !== undefined && (
        <p id={`${id}-count`} className="form-hint count">
          {counter}
        </p>
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string | undefined;
}

interface GroupProps {
  path: string;
  legend: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  /** Rendered between the error message and the choices (e.g. the place finder). */
  before?: ReactNode;
  after?: ReactNode;
}

/** A fieldset with its legend, hint and error: every group of choices on the forms. */
function Group({
  id,
  legend,
  hint,
  optional,
  before,
  after,
  error,
  invalid = Boolean(error),
  children,
}: Omit<GroupProps, 'path'> & {
  /** The id its hint and error ids derive from. */
  id: string;
  error: string | undefined;
  /** Marked invalid although the group has no error of its own (its choices have). */
  invalid?: boolean;
  children: ReactNode;
}): ReactNode {
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <fieldset
        className="form-fieldset"
        aria-describedby={ids(hint ? `${id}-hint` : undefined, error && `${id}-error`)}
      >
        <legend className="form-legend">
          {legend}
          <Optional optional={optional} />
        </legend>
        {hint && (
          <p id={`${id}-hint`} className="form-hint">
            {hint}
          </p>
        )}
        {error && <FieldError id={`${id}-error`} text={error} />}
        {before}
        {children}
        {after}
      </fieldset>
    </div>
  );
}

/** The id of one choice: the first carries the field's id (the error summary's target). */
const choiceId = (path: string, index: number, value: string): string =>
  index === 0 ? fieldId(path) : `${fieldId(path)}-${value}`;

interface ChoiceRowProps {
  kind: 'radio' | 'checkbox';
  id: string;
  name: string;
  value: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string | undefined;
  /** The id of an error message this control has on its own (a single checkbox). */
  errorId?: string | undefined;
}

/** A radio or checkbox with its label beside it and its hint below the label. */
function ChoiceRow({ kind, id, name, value, checked, onChange, label, hint, errorId }: ChoiceRowProps): ReactNode {
  return (
    <div className={kind}>
      <input
        id={id}
        type={kind}
        className={`${kind}-input`}
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={ids(hint && `${id}-hint`, errorId)}
      />
      <div className="choice-text">
        <label className={`${kind}-label`} htmlFor={id}>
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="form-hint choice-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** One answer from a list (radios). */
export function Radios(props: GroupProps & { choices: readonly Choice[] }): ReactNode {
  const { path, choices } = props;
  const { values, setFieldValue } = useFormikContext<ReferralFormValues>();
  const error = useFieldError(path);
  const current = getIn(values, path) as string | undefined;
  return (
    <Group {...props} id={fieldId(path)} error={error}>
      <div className="form-choices">
        {choices.map((c, i) => (
          <ChoiceRow
            key={c.value}
            kind="radio"
            id={choiceId(path, i, c.value)}
            name={path}
            value={c.value}
            checked={current === c.value}
            onChange={() => void setFieldValue(path, c.value, false)}
            label={c.label}
            hint={c.hint}
          />
        ))}
      </div>
    </Group>
  );
}

/**
 * Several answers from a list, posted as one repeated field (`services`). `more` are
 * further choices of the same field, folded under their own summary (a native disclosure,
 * open while one of them is ticked).
 */
export function Checkboxes(
  props: GroupProps & {
    choices: readonly Choice[];
    more?: { summary: string; choices: readonly Choice[] } | undefined;
  },
): ReactNode {
  const { path, choices, more } = props;
  const { values, setFieldValue } = useFormikContext<ReferralFormValues>();
  const error = useFieldError(path);
  const current = (getIn(values, path) as string[] | undefined) ?? [];
  const row = (c: Choice, i: number): ReactNode => (
    <ChoiceRow
      key={c.value}
      kind="checkbox"
      id={choiceId(path, i, c.value)}
      name={path}
      value={c.value}
      checked={current.includes(c.value)}
      onChange={(on) =>
        void setFieldValue(path, on ? [...current, c.value] : current.filter((v) => v !== c.value), false)
      }
      label={c.label}
      hint={c.hint}
    />
  );
  const folded = more?.choices ?? [];
  return (
    <Group {...props} id={fieldId(path)} error={error}>
      <div className="form-choices">{choices.map((c, i) => row(c, i))}</div>
      {more && folded.length > 0 && (
        <details className="fold more-choices" open={folded.some((c) => current.includes(c.value)) || undefined}>
          <summary className="fold-summary">{more.summary}</summary>
          <div className="form-choices">{folded.map((c, i) => row(c, choices.length + i))}</div>
        </details>
      )}
    </Group>
  );
}

export interface Flag {
  path: string;
  label: string;
  hint?: string | undefined;
}

/** Yes/no wishes, each its own field posted as `value="true"` when ticked. */
export function Flags({
  legend,
  hint,
  optional,
  flags,
  id,
}: {
  legend: string;
  hint?: string | undefined;
  optional?: boolean;
  flags: readonly Flag[];
  /** An id for the group (its hint). */
  id: string;
}): ReactNode {
  const { values, errors, setFieldValue } = useFormikContext<ReferralFormValues>();
  const text = useErrorText();
  const messages = flags.map((f) => text(getIn(errors, f.path), f.path));
  const anyError = messages.some((m) => m !== undefined);
  // Each flag shows its own error; the group is only marked invalid.
  return (
    <Group id={id} legend={legend} hint={hint} optional={optional} error={undefined} invalid={anyError}>
      <div className="form-choices">
        {flags.map((f, i) => {
          const fid = fieldId(f.path);
          const message = messages[i];
          return (
            <div key={f.path}>
              {message && <FieldError id={`${fid}-error`} text={message} />}
              <ChoiceRow
                kind="checkbox"
                id={fid}
                name={f.path}
                value="true"
                checked={getIn(values, f.path) === true}
                onChange={(on) => void setFieldValue(f.path, on, false)}
                label={f.label}
                hint={f.hint}
                errorId={message ? `${fid}-error` : undefined}
              />
            </div>
          );
        })}
      </div>
    </Group>
  );
}

/**
 * The consent to pass the data on: one checkbox in a fieldset, and above it, in place, what
 * happens to the data (a <details>) with the full privacy notice in a new tab that says so
 * — never a link that leaves the half-filled form.
 */
export function Consent({
  legend,
  label,
  privacyHref,
  foster,
}: {
  legend: string;
  label: string;
  privacyHref: string;
  foster: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { values, setFieldValue } = useFormikContext<ReferralFormValues>();
  const error = useFieldError('consent');
  const id = fieldId('consent');
  const privacy = (
    <details className="fold privacy-fold">
      <summary className="fold-summary">{t('form.consent.privacySummary')}</summary>
      <div className="fold-body">
        <p>{t(foster ? 'form.consent.privacyWhoFoster' : 'form.consent.privacyWho')}</p>
        <p>{t('form.consent.privacyDraft')}</p>
        <p>{t('form.consent.privacyKeep')}</p>
        <p>
          <a href={privacyHref} target="_blank" rel="noopener">
            {t('form.consent.privacyLink')}
          </a>
        </p>
      </div>
    </details>
  );
  return (
    <Group id={id} legend={legend} before={privacy} error={error}>
      <div className="form-choices">
        <ChoiceRow
          kind="checkbox"
          id={id}
          name="consent"
          value="true"
          checked={values.consent}
          onChange={(on) => void setFieldValue('consent', on, false)}
          label={label}
        />
      </div>
    </Group>
  );
}

/**
 * The honeypot: a field people never see or reach (off-screen, out of the tab order and
 * hidden from assistive technology), which bots fill in. Uncontrolled: what a bot writes
 * into the DOM is what is sent.
 */
export function Honeypot({ label }: { label: string }): ReactNode {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-website">{label}</label>
      <input id="field-website" type="text" name="website" defaultValue="" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

/**
 * The last part of both forms: the message (with its counter once hydrated) and the
 * consent to processing health data. Only the hint and the consent wording differ.
 */
export function MessageAndConsent({
  message,
  hydrated,
  icons,
  privacyHref,
  foster,
}: {
  message: string;
  hydrated: boolean;
  icons: Icons | undefined;
  privacyHref: string;
  foster: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const left = REFERRAL_LIMITS.message - message.length;
  return (
    <>
      <h2 className="form-section">
        <Picture icons={icons} name="talk" />
        {t('form.moreHeading')}
      </h2>
      <TextArea
        path="message"
        label={t('form.message.label')}
        hint={t(foster ? 'form.message.hintFoster' : 'form.message.hint', { max: REFERRAL_LIMITS.message })}
        optional
        maxLength={REFERRAL_LIMITS.message}
        counter={hydrated ? t('form.message.left', { count: Math.max(0, left) }) : undefined}
      />
      <Consent
        legend={t('form.consent.legend')}
        label={t(foster ? 'form.consent.labelFoster' : 'form.consent.label')}
        privacyHref={privacyHref}
        foster={foster}
      />
    </>
  );
}

/**
 * How to reach the person: name, then phone and/or e-mail (at least one), in both forms.
 * When neither is given, both fields are in error with the same message: it is shown once,
 * above the pair (one red bar around both), and each field is marked invalid and
 * described by it — so a screen reader user who moves to either field hears why.
 */
export function ContactFields({ icons }: { icons: Icons | undefined }): ReactNode {
  const { t } = useTranslation();
  const eitherId = `${fieldId('contact')}-either`;
  const phoneError = useFieldError('contact.phone');
  const emailError = useFieldError('contact.email');
  const shared =
    phoneError !== undefined && phoneError === emailError ? { id: `${eitherId}-error`, text: phoneError } : undefined;
  return (
    <>
      <h2 className="form-section">
        <Picture icons={icons} name="phone" />
        {t('form.contact.heading')}
      </h2>
      <TextField
        path="contact.name"
        label={t('form.contact.name')}
        hint={t('form.contact.nameHint')}
        autoComplete="name"
        maxLength={REFERRAL_LIMITS.name}
        width="l"
      />
      <div className={shared ? 'field-group field-invalid' : 'field-group'}>
        <p id={eitherId} className="form-hint form-hint--block">
          {t('form.contact.either')}
        </p>
        {shared && <FieldError id={shared.id} text={shared.text} />}
        <TextField
          path="contact.phone"
          label={t('form.contact.phone')}
          describedBy={eitherId}
          shared={shared}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={REFERRAL_LIMITS.phone}
          width="m"
        />
        <TextField
          path="contact.email"
          label={t('form.contact.email')}
          describedBy={eitherId}
          shared={shared}
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={REFERRAL_LIMITS.email}
          width="l"
          spellCheck={false}
        />
      </div>
    </>
  );
}
