/**
 * A prospective foster family, guardian or adopter asks to be contacted
 * (`/audzugimenem/pieteikums/`, `type=foster`): what interests them, where they live (the
 * enquiry goes to that municipality's bāriņtiesa), how to reach them, a message and the
 * consent. Filled in by the person themself (`filledBy=self`, a hidden field).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FOSTER_INTERESTS } from '../domain/referral/ids';
import type { ReferralFormValues } from '../domain/referral/prefill';
import { PAGES, pathFor, type Variant } from '../domain/routes';
import { MunicipalityField } from './form/Municipality';
import { RequestForm } from './form/RequestForm';
import { ContactFields, MessageAndConsent, Radios } from './form/fields';
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

      <ContactFields icons={icons} />

      <MessageAndConsent
        message={values.message}
        hydrated={hydrated}
        icons={icons}
        privacyHref={pathFor(variant, PAGES.privacy)}
        foster={true}
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
