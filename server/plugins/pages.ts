/**
 * The site itself: the on-demand Astro pages (the forms and their confirmations), the form
 * posts without JavaScript, the static files of the build (precompressed, cached by content
 * hash) and the Latvian 404 pages. The routes come before the static files' wildcard, and
 * the 404 handler last. A form post that cannot be stored is answered with a Latvian HTML
 * page (503), never with JSON a browser would show as code.
 *
 * A no-JavaScript post of the finder ("Atrast") is not a submission: the server finds the
 * typed place and renders the same form again, every value kept and the municipality
 * ticked. A confirmation page gets its receipt checked here (the secret stays on the
 * server): only a signed one shows "Pieteikums nosūtīts" and the office.
 */
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { i18nFor } from '../../src/domain/i18n';
import { FIND_FIELD, fromFormFields } from '../../src/domain/referral/index';
import type { EnquiryType } from '../../src/domain/referral/index';
import { buildPlaceIndex, findPlace, type PlaceSource } from '../../src/domain/places/index';
import { FORM_PAGES, ON_DEMAND_PATHS, VARIANTS, pathFor, variantOf, type Variant } from '../../src/domain/routes';
import { escapeHtml } from '../../src/domain/text/inline';
import type { Receipts } from '../receipts';
import type { ReferralService } from '../referrals';
import type { BuiltSite } from '../site';
import { FORM_TYPE, TEXT, hasType, isSameOrigin, submitLimit, submitOr503 } from './submissions';

export interface PagesOptions {
  site: BuiltSite;
  referrals: Pick<ReferralService, 'submit'>;
  /** The address people use (the same-origin check). */
  publicOrigin: URL;
  /** Also accept posts whose Origin is the host they were sent to (not in production). */
  allowRequestHost?: boolean;
  /** Submissions a minute from one address (the API and every form together). */
  rateLimitPerMinute: number;
  /**
   * Per form, the municipalities whose office takes no personal data by ordinary e-mail
   * and has no key to encrypt to: the form page tells people there how else to reach it.
   */
  plainMailRefused?: Readonly<Record<EnquiryType, readonly string[]>>;
  /** Signs and checks the receipts in the confirmation pages' addresses. */
  receipts: Receipts;
  /** The municipalities with their towns, parishes and villages (the finder without JavaScript). */
  places: readonly PlaceSource[];
}

/** Astro's node adapter in middleware mode. */
type AstroHandler = (
  req: unknown,
  res: ServerResponse,
  next?: (err?: unknown) => void,
  locals?: Record<string, unknown>,
) => Promise<void> | void;

type FormFields = Record<string, string | string[]>;

/** A page's own `text/html` gets its charset (the meta tag is there too, but the header decides first). */
function withCharset(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest.at(-1);
    if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
        if (name.toLowerCase() === 'content-type' && typeof value === 'string' && /^text\/html\s*$/iu.test(value)) {
          (headers as Record<string, unknown>)[name] = 'text/html; charset=utf-8';
        }
      }
    }
    return writeHead(status, ...rest);
  };
}

/** The stylesheet the built pages use (taken from the 404 page), for the server's own pages. */
function stylesheetOf(html: string): string | null {
  return /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/u.exec(html)?.[1] ?? null;
}

/**
 * The page a form post without JavaScript gets when the enquiry could not be stored (503)
 * or composed (500): in the page's version of Latvian, with the way back to the form.
 */
export function failurePage(variant: Variant, status: 500 | 503, formPath: string, stylesheet: string | null): string {
  const t = i18nFor(variant).t;
  const title = t('referral:page.failed.title');
  const body = t(status === 503 ? 'referral:page.failed.unavailable' : 'referral:page.failed.error');
  return [
    '<!doctype html>',
    '<html lang="lv">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} — Kurzeme visiem</title>`,
    stylesheet ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : '',
    '</head>',
    '<body><main id="saturs" class="container">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lead">${escapeHtml(body)}</p>`,
    `<p><a href="${escapeHtml(pathFor(variant, formPath))}">${escapeHtml(t('referral:page.failed.back'))}</a></p>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Parsed form fields back to an urlencoded body. */
function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  // The adapter reads the request stream again when `body` is empty, and that stream is spent.
  return params.toString() || 'empty=';
}

/** Pages, form posts, static files and the 404 pages. */
export const pagesPlugin: FastifyPluginAsync<PagesOptions> = async (
  app,
  { site, referrals, publicOrigin, rateLimitPerMinute, plainMailRefused, receipts, places, allowRequestHost = true },
) => {
  const placeIndex = buildPlaceIndex(places);
  const municipalityIds = places.map((m) => m.id);
  const stylesheet = stylesheetOf(site.notFound.lv);
  /** What the form page of `type` shows of the offices that refuse plain e-mail. */
  const formLocals = (type: EnquiryType): Record<string, unknown> => ({
    plainMail: { type, municipalities: [...(plainMailRefused?.[type] ?? [])] },
  });
  // Only here (and in the 404 handler) are form bodies read: the API refuses them with 415 unread.
  await app.register(formbody);

  // The on-demand pages: only these reach Astro (mounted globally it would shadow the static pages).
  let astro: AstroHandler | null = null;
  if (site.serverEntry) {
    astro = ((await import(pathToFileURL(site.serverEntry).href)) as { handler: AstroHandler }).handler;
  }
  const renderAstro = (req: FastifyRequest, reply: FastifyReply, locals: Record<string, unknown> = {}): void => {
    reply.hijack();
    if (!astro) {
      reply.raw.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      reply.raw.end(variantOf(req.url) === 'easy' ? site.notFound.easy : site.notFound.lv);
      return;
    }
    withCharset(reply.raw);
    void astro(req.raw, reply.raw, undefined, locals);
  };
  for (const lvPath of ON_DEMAND_PATHS) {
    const form = FORM_PAGES.find((f) => f.path === lvPath);
    const confirmed = FORM_PAGES.find((f) => f.confirmation === lvPath);
    for (const variant of VARIANTS) {
      app.get(pathFor(variant, lvPath), (req, reply) => {
        if (form) return renderAstro(req, reply, formLocals(form.type));
        if (!confirmed) return renderAstro(req, reply);
        // The confirmation: "sent" and the office only for a receipt this server signed.
        const query = new URLSearchParams(req.url.split('?')[1] ?? '');
        const receipt = receipts.verify(confirmed.type, query, municipalityIds);
        return renderAstro(
          req,
          reply,
          receipt
            ? {
                confirmation: {
                  reference: receipt.reference,
                  municipality: receipt.municipality,
                  query: receipts.query(receipt),
                },
              }
            : {},
        );
      });
    }
  }

  // Form posts without JavaScript: valid → 303 to the confirmation; invalid → the same page, 422.
  for (const form of FORM_PAGES) {
    for (const variant of VARIANTS) {
      app.post(pathFor(variant, form.path), { config: submitLimit(rateLimitPerMinute) }, async (req, reply) => {
        if (!hasType(req, FORM_TYPE)) return reply.code(415).send({ error: TEXT.mediaType });
        if (!isSameOrigin(req, publicOrigin, allowRequestHost)) return reply.code(403).send({ error: TEXT.crossSite });
        const fields = (req.body ?? {}) as FormFields;
        if (Object.hasOwn(fields, FIND_FIELD)) {
          // "Atrast" without JavaScript: find the place, show the form again with every value
          // kept and the municipality ticked. Nothing is submitted.
          const values: FormFields = { ...fields };
          delete values[FIND_FIELD];
          const place = values['place'];
          const finding = findPlace(placeIndex, typeof place === 'string' ? place : '');
          if (finding.kind === 'found') values['municipality'] = finding.match.municipality;
          (req.raw as typeof req.raw & { body?: string }).body = encodeForm(values);
          return renderAstro(req, reply, {
            ...formLocals(form.type),
            referralForm: { values, errors: {}, finding },
          });
        }
        // The page decides the type of enquiry and its version, not a field a person (or a bot) could change.
        const input = { ...fromFormFields(fields), type: form.type, variant };
        const result = await submitOr503(referrals, input, reply, (status) =>
          failurePage(variant, status, form.path, stylesheet),
        );
        if (!result) return reply;
        if (result.kind === 'invalid') {
          // The page reads `Astro.locals.referralForm`, but the adapter still builds a Request with
          // a body, and undici refuses the stream Fastify has read: it takes `req.body` instead.
          (req.raw as typeof req.raw & { body?: string }).body = encodeForm(fields);
          return renderAstro(req, reply, {
            ...formLocals(form.type),
            referralForm: { values: fields, errors: result.errors },
          });
        }
        const { reference, type, municipality } = result;
        const target = `${pathFor(variant, form.confirmation)}?${receipts.query({ type, reference, municipality })}`;
        return reply.code(303).header('cache-control', 'no-store').redirect(target, 303);
      });
    }
  }

  await app.register(fastifyStatic, {
    root: site.clientDir,
    preCompressed: true,
    wildcard: true,
    index: ['index.html'],
    redirect: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      // Files under /_astro/ carry a content hash in their name: cache them for a year.
      void reply.header(
        'cache-control',
        filePath.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    },
  });

  // Set here, it still answers every unknown URL of the app (there is no route prefix).
  app.setNotFoundHandler(async (req, reply) => {
    const variant = variantOf(req.url.split('?')[0] ?? '/');
    await reply
      .code(404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(variant === 'easy' ? site.notFound.easy : site.notFound.lv);
  });
};
