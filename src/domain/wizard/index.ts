/**
 * The eligibility wizard's logic, framework-free: which question comes next
 * (`steps`), how each is asked and validated (`questions`, `schema`), what the browser
 * keeps and hands to the referral form (`session`) and remembers in its history
 * (`history`), and the result page's content (`result`). The React island
 * (`src/islands/Wizard.tsx`) only renders and stores.
 */
export type { ContactCardView, LocationInfo, MunicipalityInfo, ServiceInfo, WizardData } from '../model/views';
export * from './history';
export * from './questions';
export * from './result';
export * from './schema';
export * from './session';
export * from './steps';
