/**
 * Ids and enumerations of the referral request. Pure data: imported by the browser,
 * the server and the tests alike.
 */

/** What the enquiry is about: a social service, or becoming a foster family (or similar). */
export const ENQUIRY_TYPES = ['service', 'foster'] as const;
export type EnquiryType = (typeof ENQUIRY_TYPES)[number];

/** Who filled in the form (shared with the eligibility check). */
export { FILLED_BY, type FilledBy } from '../vocabulary';

/**
 * Who may fill in a foster enquiry: the person themself, or someone helping them. Not
 * "parent" (about a child in their care): the enquiry is about the person becoming a
 * foster family, guardian or adopter.
 */
export const FOSTER_FILLED_BY = ['self', 'support-person', 'professional'] as const;

/** The group the person the request is about belongs to. */
export const PERSON_GROUPS = ['child', 'adult', 'child-in-care', 'other'] as const;
export type PersonGroup = (typeof PERSON_GROUPS)[number];

/** How the person wants to be contacted. */
export const CONTACT_CHANNELS = ['phone', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Foster enquiries only: the kind of family-based care the person is interested in. */
export const FOSTER_INTERESTS = ['audzugimene', 'aizbildnis', 'adoptetajs', 'viesgimene', 'nezinu'] as const;
export type FosterInterest = (typeof FOSTER_INTERESTS)[number];

/**
 * The municipalities of the Kurzeme planning region as of the 2021 reform. The server
 * passes the ids found in `content/municipalities/` to the schema; this list is for
 * tests and for checking that the content is complete.
 */
export { MUNICIPALITY_IDS } from '../vocabulary';
