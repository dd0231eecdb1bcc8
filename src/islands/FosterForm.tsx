/**
 * A prospective foster family, guardian or adopter asks to be contacted
 * (`/audzugimenem/pieteikums/`, `type=foster`): what interests them, where they live (the
 * enquiry goes to that municipality's bāriņtiesa), how to reach them, a message and the
 * consent. Like the request for help it asks who fills it in (the person, or someone helping
 * them), in the wizard's words: the office e-mail states only what the person answered.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FOSTER_FILLED_BY, FOSTER_INTERESTS } from '../domain/referral/ids';
import type { ReferralFormValues } from '../domain/referral/prefill';
import type { PlaceFinding } from '../domain/places/index';
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
  'filledBy',
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
  finding,
  variant,
  municipalities,
  icons,
}: {
  values: ReferralFormValues;
  hydrated: boolean;
  finding: PlaceFinding | undefined;
  variant: Variant;
  municipalities: FosterFormProps['municipalities'];
  icons: Record<string, string> | undefined;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <Radios
        path="filledBy"
        legend={t('form.filledBy.legend')}
        choices={FOSTER_FILLED_BY.map((v) => ({ value: v, label: t(`wizard:q.filledBy.options.${v}`) }))}
      />
      <Radios
        path="interest"
        legend={t('form.interest.legend')}
        choices={FOSTER_INTERESTS.map((v) => ({ value: v, label: t(`form.interest.${v}`) }))}
      />
      <MunicipalityField
        municipalities={municipalities}
        legend={t('form.municipality.legend.self')}
        hint={t('form.municipality.hintFoster')}
        hydrated={hydrated}
        initialFinding={finding}
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
      render={({ values, hydrated, finding }) => (
        <Fields
          values={values}
          hydrated={hydrated}
          finding={finding}
          variant={props.variant}
          municipalities={props.municipalities}
          icons={props.icons}
        />
      )}
    />
  );
}
