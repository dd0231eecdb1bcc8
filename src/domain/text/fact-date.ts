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

/** The date a source bears: a day, a month or only a year. */
export type SourceDate =
  { readonly day: Date } | { readonly year: number; readonly month: number } | { readonly year: number };

/** The year of a source date. */
export function yearOf(date: SourceDate): number {
  return 'day' in date ? date.day.getUTCFullYear() : date.year;
}

/** A source date as Latvians write it: 18.05.2021., 05.2023., 2016. */
export function formatSourceDate(date: SourceDate): string {
  if ('day' in date) return formatDay(date.day);
  if ('month' in date) return `${String(date.month).padStart(2, '0')}.${date.year}.`;
  return `${date.year}.`;
}
