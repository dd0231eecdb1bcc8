/** getStaticPaths helpers: every page is generated once per variant. */
import { VARIANTS, langParam, type Variant } from '../domain/routes';

export interface VariantProps {
  variant: Variant;
}

/** One path per variant for a page without other parameters. */
export function variantPaths(): { params: { lang: string | undefined }; props: VariantProps }[] {
  return VARIANTS.map((variant) => ({ params: { lang: langParam(variant) }, props: { variant } }));
}

/** One path per variant and item, for pages like /pakalpojumi/<id>/. */
export function variantItemPaths<T, K extends string>(
  items: readonly T[],
  key: K,
  id: (item: T) => string,
): { params: { lang: string | undefined } & Record<K, string>; props: VariantProps & { item: T } }[] {
  return VARIANTS.flatMap((variant) =>
    items.map((item) => ({
      params: { lang: langParam(variant), [key]: id(item) } as { lang: string | undefined } & Record<K, string>,
      props: { variant, item },
    })),
  );
}
