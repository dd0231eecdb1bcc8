/**
 * The request for help (`/pieteikums/`, `type=service`): who fills it in, where the person
 * lives, about the person, the services of interest, how to be contacted, a message and
 * the consent. The wording follows who fills it in ("Jūsu vecums", "Bērna vecums").
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, FILLED_BY, PERSON_GROUPS } from '../domain/referral/ids';
import type { ReferralFormValues } from '../domain/referral/prefill';
import { REFERRAL_LIMITS } from '../domain/referral/schema';
import { servicesFirstFor } from '../domain/referral/services';
import type { PlaceFinding } from '../domain/places/index';
import type { Variant } from '../domain/routes';
import { PAGES, pathFor } from '../domain/routes';
import { Picture } from '../components/Picture';
import { MunicipalityField } from './form/Municipality';
import { RequestForm } from './form/RequestForm';
import { Checkboxes, Flags, ContactFields, MessageAndConsent, Radios, TextField, fieldId } from './form/fields';
import type { FormIslandProps, ServiceOption } from './form/types';

export interface ReferralFormProps extends FormIslandProps {
  /** The services to choose from, titles in the page's version. */
  services: ServiceOption[];
}

/** The fields in the order the form shows them (the error summary follows it). */
export const REFERRAL_FIELDS = [
  'filledBy',
  'municipality',
  'person.firstName',
  'person.age',
  'person.group',
  'services',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.preferred',
  'contact.time',
  'contact.easyLanguage',
  'contact.supportPerson',
  'contact.confirmation',
  'message',
  'consent',
] as const;

/** Whose words the labels use: the person's own, a parent's about a child, or someone else's. */
function whoOf(filledBy: ReferralFormValues['filledBy']): 'self' | 'parent' | 'other' {
  return filledBy === 'self' || filledBy === 'parent' ? filledBy : 'other';
}

function Fields({
  values,
  hydrated,
  finding,
  variant,
  municipalities,
  services,
  icons,
}: {
  values: ReferralFormValues;
  hydrated: boolean;
  finding: PlaceFinding | undefined;
  variant: Variant;
  municipalities: ReferralFormProps['municipalities'];
  services: readonly ServiceOption[];
  icons: Record<string, string> | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const who = whoOf(values.filledBy);
  // The services the rules can suggest for the person first; the others folded below.
  const { first, others } = servicesFirstFor(services, values.person.group);
  const choice = (s: ServiceOption): { value: string; label: string } => ({ value: s.id, label: s.title });
  return (
    <>
      <Radios
        path="filledBy"
        legend={t('form.filledBy.legend')}
        choices={FILLED_BY.map((v) => ({ value: v, label: t(`wizard:q.filledBy.options.${v}`) }))}
      />
      <MunicipalityField
        municipalities={municipalities}
        legend={t(`form.municipality.legend.${who}`)}
        hint={t('form.municipality.hint')}
        hydrated={hydrated}
        initialFinding={finding}
      />

      <h2 className="form-section">
        <Picture icons={icons} name={who === 'parent' ? 'child' : 'adult'} />
        {t(`form.person.heading.${who}`)}
      </h2>
      <TextField
        path="person.firstName"
        label={t(`form.person.firstName.${who}`)}
        hint={t('form.person.firstNameHint')}
        optional
        autoComplete={who === 'self' ? 'given-name' : 'off'}
        maxLength={REFERRAL_LIMITS.firstName}
        width="m"
      />
      <TextField
        path="person.age"
        label={t(`form.person.age.${who}`)}
        hint={t('form.person.ageHint')}
        optional
        inputMode="numeric"
        autoComplete="off"
        maxLength={3}
        width="xs"
      />
      <Radios
        path="person.group"
        legend={t(`form.person.groupLegend.${who}`)}
        choices={PERSON_GROUPS.map((v) => ({ value: v, label: t(`form.person.group.${v}`) }))}
      />
      <Checkboxes
        path="services"
        legend={t('form.services.legend')}
        hint={t('form.services.hint')}
        choices={first.map(choice)}
        more={{ summary: t('form.services.more', { n: others.length }), choices: others.map(choice) }}
      />

      <ContactFields icons={icons} />
      <Radios
        path="contact.preferred"
        legend={t('form.contact.preferredLegend')}
        optional
        choices={CONTACT_CHANNELS.map((v) => ({ value: v, label: t(`form.contact.preferred.${v}`) }))}
      />
      <TextField
        path="contact.time"
        label={t('form.contact.time')}
        hint={t('form.contact.timeHint')}
        optional
        autoComplete="off"
        maxLength={REFERRAL_LIMITS.time}
        width="l"
      />
      <Flags
        id={`${fieldId('contact')}-wishes`}
        legend={t('form.contact.wishesLegend')}
        hint={t('form.contact.wishesHint')}
        optional
        flags={[
          { path: 'contact.easyLanguage', label: t('form.contact.easyLanguage') },
          { path: 'contact.supportPerson', label: t('form.contact.supportPerson') },
          {
            path: 'contact.confirmation',
            label: t('form.contact.confirmation'),
            hint: t('form.contact.confirmationHint'),
          },
        ]}
      />

      <MessageAndConsent
        message={values.message}
        hydrated={hydrated}
        icons={icons}
        privacyHref={pathFor(variant, PAGES.privacy)}
        foster={false}
      />
    </>
  );
}

export default function ReferralForm(props: ReferralFormProps): ReactNode {
  return (
    <RequestForm
      {...props}
      type="service"
      fieldOrder={REFERRAL_FIELDS}
      render={({ values, hydrated, finding }) => (
        <Fields
          values={values}
          hydrated={hydrated}
          finding={finding}
          variant={props.variant}
          municipalities={props.municipalities}
          services={props.services}
          icons={props.icons}
        />
      )}
    />
  );
}
