/**
 * The eligibility wizard's logic, framework-free: which question comes next
 * (`steps`), how each is asked and validated (`questions`, `schema`), what the browser
 * keeps and hands to the referral form (`session`) and remembers in its history
 * (`history`), the result page's content (`result`), the file the island loads its
 * rules and texts from (`bundle`) and what the page lists per group without JavaScript
 * (`groups`). The React island (`src/islands/Wizard.tsx`) only renders and stores; it
 * imports these modules one by one, so that yup (`schema`) stays out of its first
 * JavaScript — this index is for the tests and the pages.
 */
export type { ContactCardView, LocalRuleView, MunicipalityInfo, ServiceInfo, WizardData } from '../model/views';
export * from './bundle';
export * from './groups';
export * from './history';
export * from './questions';
export * from './result';
export * from './schema';
export * from './session';
export * from './steps';
