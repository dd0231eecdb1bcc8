/**
 * A prospective foster family, guardian or adopter asks to be contacted
 * (`/audzugimenem/pieteikums/`, `type=foster`): what interests them, where they live (the
 * enquiry goes to that municipality's bāriņtiesa), how to reach them, a message and the
 * consent. Filled in by the person themself (`filledBy=self`, a hidden field).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FOSTER_INTERESTS } from '../domain/referral/ids';
import { REFERRAL_LIMITS } from '../domain/referral/schema';
import type { ReferralFormValues } from '../domain/referral/prefill';
import { PAGES, pathFor, type Variant } from '../domain/routes';
import { MunicipalityField } from './form/Municipality';
import { RequestForm } from './form/RequestForm';
import { Consent, Picture, Radios, TextArea, TextField, fieldId } from './form/fields';
import type { FormIslandProps } from './form/types';

export type FosterFormProps = FormIslandProps;

/** A foster enquiry names no services. */
const NO_SERVICES: readonly [] = [];

/** The fields in the order the form shows them (the error summary follows it). */
export const FOSTER_FIELDS = [
  'interest',
  'municipality',
  'contact.name',
  'contact.phone',
  'contact.email',
  'message',
  'consent',
] as const;

function Fields({
  values,
  hydrated,
  variant,
  municipalities,
  icons,
}: {
  values: ReferralFormValues;
  hydrated: boolean;
  variant: Variant;
  municipalities: FosterFormProps['municipalities'];
  icons: Record<string, string> | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const left = REFERRAL_LIMITS.message - values.message.length;
  const eitherId = `${fieldId('contact')}-either`;
  return (
    <>
      <Radios
        path="interest"
        legend={t('form.interest.legend')}
        choices={FOSTER_INTERESTS.map((v) => ({ value: v, label: t(`form.interest.${v}`) }))}
      />
      <MunicipalityField
        municipalities={municipalities}
        legend={t('form.municipality.legend.self')}
        hint={t('form.municipality.hintFoster')}
        placesHref={`${pathFor(variant, PAGES.municipalities)}#vietas`}
        hydrated={hydrated}
      />

      <h2 className="form-section">
        <Picture svg={icons?.['phone']} />
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
      <p id={eitherId} className="form-hint form-hint--block">
        {t('form.contact.either')}
      </p>
      <TextField
        path="contact.phone"
        label={t('form.contact.phone')}
        describedBy={eitherId}
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
        type="email"
        inputMode="email"
        autoComplete="email"
        maxLength={REFERRAL_LIMITS.email}
        width="l"
        spellCheck={false}
      />

      <h2 className="form-section">
        <Picture svg={icons?.['talk']} />
        {t('form.moreHeading')}
      </h2>
      <TextArea
        path="message"
        label={t('form.message.label')}
        hint={t('form.message.hintFoster', { max: REFERRAL_LIMITS.message })}
        optional
        maxLength={REFERRAL_LIMITS.message}
        counter={hydrated ? t('form.message.left', { count: Math.max(0, left) }) : undefined}
      />
      <Consent
        legend={t('form.consent.legend')}
        label={t('form.consent.labelFoster')}
        privacyHref={pathFor(variant, PAGES.privacy)}
        privacyText={t('form.consent.privacyLink')}
      />
    </>
  );
}

export default function FosterForm(props: FosterFormProps): ReactNode {
  return (
    <RequestForm
      {...props}
      type="foster"
      services={NO_SERVICES}
      fieldOrder={FOSTER_FIELDS}
      render={({ values, hydrated }) => (
        <Fields
          values={values}
          hydrated={hydrated}
          variant={props.variant}
          municipalities={props.municipalities}
          icons={props.icons}
        />
      )}
    />
  );
}
