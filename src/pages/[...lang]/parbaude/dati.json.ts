/**
 * The wizard's bundle for one version of the site (`/parbaude/dati.json`,
 * `/viegli/parbaude/dati.json`): the rules, the content the result shows, the island's UI
 * strings and pictures, written once at build time as a static file. The island fetches
 * it when it mounts (see `src/domain/wizard/bundle.ts`), so the page's HTML carries none
 * of it.
 */
import type { APIRoute } from 'astro';
import { CONTACT_ICONS } from '../../../components/ContactCard';
import { islandCommon, resources } from '../../../domain/i18n';
import { evaluableRules, wizardDataOf } from '../../../domain/model/index';
import { WIZARD_BUNDLE_VERSION, type WizardBundle } from '../../../domain/wizard/bundle';
import { site } from '../../../site/content';
import { iconsFor } from '../../../site/icons';
import { variantPaths, type VariantProps } from '../../../site/paths';

export function getStaticPaths() {
  return variantPaths();
}

/** The pictures the island shows besides the services' own: the answers', the verdicts' and the contact card's. */
const WIZARD_ICONS = ['child', 'adult', 'home', 'family', 'question', 'check', 'document', 'email', 'arrow-right'];

export const GET: APIRoute = async ({ props }) => {
  const { variant } = props as VariantProps;
  const content = await site();
  // The page's own texts (title, lead, the part for readers without JavaScript) stay on the page.
  const wizard = Object.fromEntries(
    Object.entries(resources[variant].wizard).filter(([key]) => key !== 'page' && key !== 'fallback'),
  );
  const bundle: WizardBundle = {
    version: WIZARD_BUNDLE_VERSION,
    rules: evaluableRules(content.eligibility),
    data: wizardDataOf(content, variant),
    strings: { wizard, common: islandCommon(variant) },
    icons: iconsFor(new Set([...content.services.map((s) => s.icon), ...WIZARD_ICONS, ...CONTACT_ICONS])),
  };
  return new Response(JSON.stringify(bundle), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
