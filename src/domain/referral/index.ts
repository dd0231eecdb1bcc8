/**
 * The referral domain: what a request for social services (or a foster enquiry) must
 * contain, where it goes and how it is numbered. Framework-free: the browser, the server
 * and the tests import it alike.
 *
 * - `schema` — the one yup schema and `validateReferral` (messages are i18n keys)
 * - `errors` — the field errors' shapes: flat, nested for formik, from the API's 422
 * - `form` — `fromFormFields`, a plain form post into the request shape
 * - `route` — the routing table (social service / orphans' court) and its production checks
 * - `reference` — `KV-XXXX-XXXX` references
 * - `values` — normalisation and the e-mail and phone grammars (the content's rule too)
 * - `ids` — the enumerations and the known municipality and service ids
 * - `prefill` — the forms' values: empty, from the wizard's hand-over or a returned post, and the request they send
 * - `draft` — what a person typed, kept in this tab's sessionStorage until it is sent
 * - `services` — the services a form lists first for the person's group
 */
export * from './ids';
export * from './values';
export * from './schema';
export * from './errors';
export * from './form';
export * from './route';
export * from './reference';
export * from './prefill';
export * from './draft';
export * from './services';
