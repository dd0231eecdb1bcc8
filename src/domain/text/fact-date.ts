/**
 * The date a fact describes, as precisely as its source gives it: a day, or only a year
 * (documents dated "ap. 2016" must not be shown as 01.01.2016.).
 */
export type FactDate = { readonly day: Date } | { readonly year: number };

/** A day as Latvians write it: 01.05.2023. */
export function formatDay(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${d.getUTCFullYear()}.`;
}
