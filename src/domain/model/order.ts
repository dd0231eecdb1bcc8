/** The order every reader lists the content in, defined once. */
import type { Content } from './types';

const byOrder = <T extends { order: number; id: string }>(a: T, b: T): number =>
  a.order - b.order || a.id.localeCompare(b.id, 'en');

/**
 * The content in display order: services, target groups and municipalities by `order`;
 * places by their municipality's order, then town; glossary terms alphabetically (Latvian);
 * eligibility rules in their services' order.
 */
export function orderContent(content: Content): Content {
  const municipalityRank = new Map(content.municipalities.map((m) => [m.id, m.order]));
  const serviceRank = new Map(content.services.map((s) => [s.id, s.order]));
  const rank = (map: Map<string, number>, id: string): number => map.get(id) ?? Number.POSITIVE_INFINITY;
  return {
    ...content,
    services: [...content.services].sort(byOrder),
    targetGroups: [...content.targetGroups].sort(byOrder),
    municipalities: [...content.municipalities].sort(byOrder),
    locations: [...content.locations].sort(
      (a, b) =>
        rank(municipalityRank, a.municipality) - rank(municipalityRank, b.municipality) ||
        a.town.localeCompare(b.town, 'lv') ||
        a.id.localeCompare(b.id, 'en'),
    ),
    glossary: [...content.glossary].sort((a, b) => a.term.localeCompare(b.term, 'lv')),
    pages: [...content.pages].sort((a, b) => a.id.localeCompare(b.id, 'en')),
    eligibility: [...content.eligibility].sort(
      (a, b) => rank(serviceRank, a.id) - rank(serviceRank, b.id) || a.id.localeCompare(b.id, 'en'),
    ),
  };
}
