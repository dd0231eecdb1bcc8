/**
 * The e-mails of an enquiry, in Latvian:
 *
 * - the office e-mail to the municipal social service or orphans' court — everything a
 *   social worker needs to call the person back, laid out in the order they read it;
 * - the optional confirmation to the person — reference, which office received it, how to
 *   reach that office, what happens next and what to do if nobody calls; in easy-read when
 *   the request came from the easy-read form or asked for easy language; NO health details
 *   and NO text the person wrote (the address is typed by whoever fills in the form, so the
 *   mail must be useless as a way to send someone text).
 *
 * Both bodies (plain text and HTML) are rendered from one list of sections, so they always
 * say the same. Every user value is escaped in HTML. Addresses are nodemailer address
 * objects — never strings built from user input — so a name cannot add a header.
 * The words of the answers are the ones the person read (the locale files, through
 * `src/domain/referral/words.ts`); the confirmation's texts are the confirmation page's
 * (`referral.json`). Service titles and municipality names come in as parameters; the
 * office's name comes with its route, its address and phones from `officeContact`.
 */
import type {
  Answers,
  AnswerValue,
  EnquiryType,
  FosterInterest,
  Referral,
  Route,
} from '../../src/domain/referral/index';
import type { PublicKey } from 'openpgp';
import { eAddressWriteUrl } from '../../src/domain/eaddress';
import { i18nFor } from '../../src/domain/i18n';
import type { OfficeContactView } from '../../src/domain/model/views';
import { sentencesIn } from '../../src/domain/model/readability';
import { escapeHtml } from '../../src/domain/text/inline';
import { confirmationId } from '../../src/domain/referral/reference';
import {
  channelText,
  factLabel,
  factValueText,
  filledByText,
  interestText,
  personGroupText,
  verdictText,
  wishTexts,
} from '../../src/domain/referral/words';

/** An e-mail address with a display name; nodemailer encodes both safely. */
export interface MailAddress {
  name: string;
  address: string;
}

/** A composed message, ready for a `Mailer`. */
export interface OutgoingMessage {
  from: MailAddress;
  to: MailAddress;
  replyTo?: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`; the worker sets it from the outbox id so a retry has the same one. */
  messageId?: string;
  /** Extra headers; values are fixed strings or validated references only. */
  headers: Record<string, string>;
  /** Not sent: where the file transport files the message, and what it is. */
  meta: { id: string; municipalityId: string; kind: 'office' | 'confirmation' };
  /** Send it PGP/MIME-encrypted to this key (the office's); the outer subject then holds `meta.id` only. */
  encryptTo?: PublicKey;
}

/** Human names for ids, from content. */
export interface MailLabels {
  /** Service id → Latvian title. */
  services: Readonly<Record<string, string>>;
  /** Municipality id → name (the check's answers name the municipality by id). */
  municipalities?: Readonly<Record<string, string>>;
}

/** What every composed message needs. */
export interface ComposeOptions {
  from: MailAddress;
  labels: MailLabels;
  /** Time zone of the dates shown; default Europe/Riga. */
  timeZone?: string;
  /**
   * How to reach the office of a municipality (from content): the confirmation names its
   * address and phone, or says they are not known and gives the region's phone.
   */
  officeContact?: (municipalityId: string, type: EnquiryType) => OfficeContactView | undefined;
}

/** The office e-mail's input: a validated enquiry and its route. */
export interface OfficeMailInput {
  reference: string;
  receivedAt: Date;
  referral: Referral;
  route: Route;
}

/** The confirmation's input: only what it may show. */
export interface ConfirmationMailInput {
  reference: string;
  receivedAt: Date;
  /** The route the enquiry went to (names the office). */
  route: Route;
  /** The person's address (validated by the schema). */
  email: string;
  /** Write it in easy-read Latvian (sent from the easy-read form, or easy language asked for). */
  easyLanguage: boolean;
}

const TYPE_TITLE: Record<EnquiryType, string> = {
  service: 'Pieteikums sociālajiem pakalpojumiem',
  foster: 'Interese par bērna uzņemšanu ģimenē',
};

/**
 * The subject's topic for a foster enquiry. "audžuģimene" for foster care and for "don't
 * know yet" (the form is the portal's "become a foster family" form); the specific word
 * otherwise, so the orphans' court sees at a glance what is asked.
 */
const INTEREST_TOPIC: Record<FosterInterest, string> = {
  audzugimene: 'audžuģimene',
  aizbildnis: 'aizbildnība',
  adoptetajs: 'adopcija',
  viesgimene: 'viesģimene',
  nezinu: 'audžuģimene',
};

const OFFICE_KIND: Record<EnquiryType, string> = { service: 'sociālais dienests', foster: 'bāriņtiesa' };

const NOT_GIVEN = 'nav norādīts';

/** Escape text for HTML element content and attribute values (the same escaping as the site's). */
export { escapeHtml };

/** One line for a header: labels come from content, but a stray line break must not split a header. */
function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.replace(/[\r\n\u0000-\u001F\u007F\u2028\u2029]+/gu, ' ').trim();
}

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('lv-LV', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

// The last minute formatted: every enquiry of a busy minute shows the same text, and
// formatToParts is the dearest step of composing (the office e-mail is composed once
// before an enquiry is stored, on the request's path).
let lastFormatted: { minute: number; timeZone: string; text: string } | null = null;

/** `22.11.2026. plkst. 14:05` in the given time zone. */
export function formatDateTime(date: Date, timeZone = 'Europe/Riga'): string {
  const minute = Math.floor(date.getTime() / 60_000);
  if (lastFormatted && lastFormatted.minute === minute && lastFormatted.timeZone === timeZone)
    return lastFormatted.text;
  const parts = dateFormat(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const text = `${get('day')}.${get('month')}.${get('year')}. plkst. ${get('hour')}:${get('minute')}`;
  if (Number.isFinite(minute)) lastFormatted = { minute, timeZone, text };
  return text;
}

/** The office's name: from content if known, else "<municipality> — <kind>". */
export function officeName(route: Route): string {
  return route.officeName ?? `${route.municipalityName} — ${OFFICE_KIND[route.type]}`;
}

/**
 * The office e-mail's subject: `Pieteikums KV-XXXX-XXXX — <topic> — <municipality>`.
 * Topic: for a service request the first service's title (with "u. c." when there are
 * more; "pakalpojumi" when no title is known); for a foster enquiry see `INTEREST_TOPIC`.
 * Only content labels and the reference appear — no personal data in a subject line,
 * which mail servers log.
 */
export function officeSubject(reference: string, referral: Referral, route: Route, labels: MailLabels): string {
  let topic: string;
  if (referral.type === 'foster') {
    topic = INTEREST_TOPIC[referral.interest ?? 'audzugimene'];
  } else {
    const first = referral.services[0];
    const title = first === undefined ? undefined : labels.services[first];
    topic = title === undefined ? 'pakalpojumi' : referral.services.length > 1 ? `${title} u. c.` : title;
  }
  return headerText(`Pieteikums ${reference} — ${topic} — ${route.municipalityName}`);
}

type Row = [label: string, value: string];
type Section =
  | { heading: string; rows: Row[] }
  | { heading: string; list: string[] }
  | { heading: string; paragraph: string }
  | { heading: string; tree: Row[] };

/** An own property of a label table: `toString` or `constructor` must never find `Object.prototype`. */
function own(table: Readonly<Record<string, string>> | undefined, id: string): string {
  return table !== undefined && Object.hasOwn(table, id) ? (table[id] ?? id) : id;
}

/** A value that is not one of the check's (only a crafted request holds one): as plain text. */
function plainText(value: AnswerValue): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(plainText).join(', ');
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${plainText(v)}`)
    .join('; ');
}

/** The check's answers, each in the words the person read ("Kur bērns dzīvo: Bērnu aprūpes iestādē"). */
function answerRows(answers: Answers, labels: MailLabels): Row[] {
  const municipality = (id: string): string => own(labels.municipalities, id);
  return Object.entries(answers)
    .filter(([key]) => key !== 'verdicts')
    .map(([key, value]) => [
      factLabel(key),
      Array.isArray(value) || (value !== null && typeof value === 'object')
        ? plainText(value)
        : factValueText(key, value, municipality),
    ]);
}

/** The check's result, one line per service: "Atelpas brīdis: Varētu derēt". */
function verdictLines(value: AnswerValue | undefined, labels: MailLabels): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [plainText(value)];
  return value.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return plainText(item);
    const service = typeof item['service'] === 'string' ? item['service'] : '';
    const verdict =
      typeof item['verdict'] === 'string' ? verdictText(item['verdict']) : plainText(item['verdict'] ?? null);
    return `${own(labels.services, service)}: ${verdict}`;
  });
}

/**
 * What the office must see first: that the person used the easy-read form, and that they
 * asked for easy language — only what they did or said, never a guess.
 */
function officeIntro(r: Referral): string[] {
  const lines: string[] = [];
  if (r.variant === 'easy') {
    lines.push('Cilvēks aizpildīja portāla viegli lasāmo pieteikuma formu (sadaļa “Viegli lasīt”).');
  }
  if (r.contact.easyLanguage) lines.push('Cilvēks lūdz, lai ar viņu runā un raksta vieglā valodā.');
  return lines;
}

function officeSections(input: OfficeMailInput, options: ComposeOptions): Section[] {
  const { referral: r, route, reference, receivedAt } = input;
  const { labels } = options;
  const sections: Section[] = [];
  const about: Row[] = [
    ['Pieteikuma numurs', reference],
    ['Saņemts', formatDateTime(receivedAt, options.timeZone)],
    ['Veids', TYPE_TITLE[r.type]],
    ['Forma', r.variant === 'easy' ? 'viegli lasāmā versija (“Viegli lasīt”)' : 'parastā versija'],
    ['Pašvaldība', route.municipalityName],
  ];
  if (r.place !== undefined) about.push(['Pilsēta, pagasts vai ciems, ko cilvēks ierakstīja', r.place]);
  about.push(['Kas aizpildīja', filledByText(r.filledBy)]);
  sections.push({ heading: 'Pieteikums', rows: about });

  if (r.person) {
    const rows: Row[] = [];
    if (r.person.firstName !== undefined) rows.push(['Vārds', r.person.firstName]);
    if (r.person.age !== undefined) rows.push(['Vecums', `${r.person.age} g.`]);
    rows.push(['Kas personu raksturo', personGroupText(r.person.group)]);
    sections.push({ heading: r.type === 'foster' ? 'Par personu' : 'Par ko ir pieteikums', rows });
  }

  if (r.type === 'foster' && r.interest) {
    sections.push({ heading: 'Interese', paragraph: interestText(r.interest) });
  }
  if (r.services.length > 0) {
    sections.push({
      heading: 'Pakalpojumi, par kuriem jautā',
      list: r.services.map((id) => own(labels.services, id)),
    });
  }

  const c = r.contact;
  const contact: Row[] = [['Vārds, uzvārds', c.name]];
  if (c.phone !== undefined) contact.push(['Tālrunis', c.phone]);
  if (c.email !== undefined) contact.push(['E-pasts', c.email]);
  // The request for help asks these; the foster form does not, so its e-mail states none of them.
  if (r.type === 'service') {
    contact.push(['Vēlamais saziņas veids', c.preferred ? channelText(c.preferred) : NOT_GIVEN]);
    contact.push(['Piemērotākais laiks', c.time ?? NOT_GIVEN]);
    const wishes = wishTexts(c);
    contact.push(['Atzīmētie lūgumi', wishes.length > 0 ? wishes.join('; ') : 'nav atzīmēti']);
    contact.push(['Apstiprinājums e-pastā', c.confirmation ? 'lūdza' : 'nelūdza']);
  } else if (c.easyLanguage || c.supportPerson) {
    contact.push(['Atzīmētie lūgumi', wishTexts(c).join('; ')]);
  }
  sections.push({ heading: 'Saziņa', rows: contact });

  if (r.message !== undefined) sections.push({ heading: 'Ziņa', paragraph: r.message });
  const answers = r.answers ?? {};
  const rows = answerRows(answers, labels);
  if (rows.length > 0) sections.push({ heading: 'Portāla pārbaudes atbildes (tas nav lēmums)', tree: rows });
  const verdicts = verdictLines(answers['verdicts'], labels);
  if (verdicts.length > 0) sections.push({ heading: 'Pārbaudes rezultāts (tas nav lēmums)', list: verdicts });
  return sections;
}

function officeFooter(referral: Referral): string[] {
  const lines = [
    'Šo pieteikumu nosūtīja portāls “Kurzeme visiem”. Cilvēks piekrita, ka dati tiek nodoti pašvaldībai.',
    'Pieteikumā var būt veselības dati: glabājiet un pārsūtiet to tikai tā, kā atļauj jūsu iestādes datu aizsardzības kārtība.',
  ];
  lines.push(
    referral.contact.email !== undefined
      ? 'Atbildot uz šo e-pastu, atbilde nonāks uz pieteikumā norādīto e-pasta adresi. Portāls šo adresi nav pārbaudījis: pārliecinieties, ka rakstāt īstajam cilvēkam.'
      : 'Cilvēks e-pastu nenorādīja: sazinieties pa tālruni.',
  );
  return lines;
}

function renderText(title: string, intro: string[], sections: Section[], footer: string[]): string {
  const out: string[] = [title, '='.repeat(title.length), ''];
  if (intro.length > 0) out.push(...intro, '');
  for (const s of sections) {
    out.push(s.heading, '-'.repeat(s.heading.length));
    if ('rows' in s) for (const [k, v] of s.rows) out.push(`${k}: ${v}`);
    if ('tree' in s) for (const [k, v] of s.tree) out.push(`- ${k}: ${v}`);
    if ('list' in s) for (const item of s.list) out.push(`- ${item}`);
    if ('paragraph' in s) out.push(s.paragraph);
    out.push('');
  }
  out.push('--', ...footer);
  return `${out.join('\n')}\n`;
}

const CELL = 'padding:4px 12px 4px 0;vertical-align:top;text-align:left';

function renderRowsHtml(rows: Row[]): string {
  const body = rows
    .map(
      ([k, v]) =>
        `<tr><th scope="row" style="${CELL};font-weight:bold">${escapeHtml(k)}</th><td style="${CELL}">${escapeHtml(v)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" style="border-collapse:collapse">${body}</table>`;
}

/** How the HTML body looks: easy-read in larger type; the intro as a notice the reader sees first. */
interface HtmlLook {
  easy?: boolean;
  /** The intro lines must not be missed (the office e-mail's easy-read lines). */
  notice?: boolean;
}

const NOTICE = 'margin:0 0 8px;padding:8px 12px;border-left:5px solid #1d70b8;background:#eef4fa;font-weight:bold';

function renderHtml(
  title: string,
  intro: string[],
  sections: Section[],
  footer: string[],
  look: HtmlLook = {},
): string {
  const type = look.easy ? 'font-size:20px;line-height:1.7' : 'font-size:16px;line-height:1.5';
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="lv">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;${type};color:#111;max-width:44em">`,
    `<h1 style="font-size:${look.easy ? 26 : 22}px">${escapeHtml(title)}</h1>`,
    ...intro.map((p) => (look.notice ? `<p style="${NOTICE}">${escapeHtml(p)}</p>` : `<p>${escapeHtml(p)}</p>`)),
  ];
  for (const s of sections) {
    parts.push(`<h2 style="font-size:${look.easy ? 22 : 18}px;margin-top:24px">${escapeHtml(s.heading)}</h2>`);
    if ('rows' in s) parts.push(renderRowsHtml(s.rows));
    if ('tree' in s) parts.push(renderRowsHtml(s.tree));
    if ('list' in s) parts.push(`<ul>${s.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    // pre-wrap keeps the person's line breaks without turning their text into markup.
    if ('paragraph' in s) parts.push(`<p style="white-space:pre-wrap">${escapeHtml(s.paragraph)}</p>`);
  }
  parts.push(
    '<hr>',
    ...footer.map((p) => `<p style="font-size:${look.easy ? 18 : 14}px;color:#444">${escapeHtml(p)}</p>`),
    '</body>',
    '</html>',
  );
  return `${parts.join('\n')}\n`;
}

/**
 * Compose the e-mail to the office the enquiry is routed to.
 *
 * @param input the validated enquiry, its reference, time and route
 * @param options sender and labels
 * @returns the message; `replyTo` is the person's address (as an address object) when given
 */
export function composeOfficeEmail(input: OfficeMailInput, options: ComposeOptions): OutgoingMessage {
  const { referral, route, reference } = input;
  const subject = officeSubject(reference, referral, route, options.labels);
  const sections = officeSections(input, options);
  const footer = officeFooter(referral);
  const title = `${TYPE_TITLE[referral.type]} ${reference}`;
  const intro = officeIntro(referral);
  const message: OutgoingMessage = {
    from: options.from,
    to: { name: headerText(officeName(route)), address: route.email },
    subject,
    text: renderText(title, intro, sections, footer),
    html: renderHtml(title, intro, sections, footer, { notice: true }),
    headers: { 'X-Kurzeme-Visiem-Reference': reference },
    meta: { id: reference, municipalityId: route.municipalityId, kind: 'office' },
  };
  // The address only: a display name typed into a public form ("Boss <boss@kuldiga.lv>")
  // would be shown by mail clients as if it were the sender's identity.
  const { email } = referral.contact;
  if (email !== undefined) message.replyTo = { name: '', address: email };
  return message;
}

/**
 * Compose the confirmation to the person. It names no service, no health detail and none
 * of the person's words — not even their name in the `To` header: the address was typed
 * into a public form, so nothing in this mail may be chosen by whoever typed it.
 *
 * @param input reference, time, route and the person's address
 * @param options sender and labels
 */
export function composeConfirmationEmail(input: ConfirmationMailInput, options: ComposeOptions): OutgoingMessage {
  const { reference, route, receivedAt } = input;
  const variant = input.easyLanguage ? 'easy' : 'lv';
  const t = i18nFor(variant).t;
  // Easy-read: one sentence per line.
  const lines = (text: string): string[] => (variant === 'easy' ? sentencesIn(text) : [text]);
  const office = officeName(route);
  const contact = options.officeContact?.(route.municipalityId, route.type);
  const unknown = t('common:unknown.value');

  const title = t('referral:mail.title', { reference });
  const intro = [t('referral:mail.greeting'), ...lines(t('referral:mail.intro'))];
  const about: Row[] = [
    [t('referral:mail.reference'), reference],
    [t('referral:mail.received'), formatDateTime(receivedAt, options.timeZone)],
    [t('referral:mail.office'), office],
    [t('referral:mail.municipality'), route.municipalityName],
  ];
  // How to reach the office: what the content knows, unknowns said to be unknown, and the
  // region's phone when the office's is not known.
  const phones = contact?.phones ?? [];
  const fallback = contact?.fallbackPhone ?? null;
  let phone: string;
  if (phones.length > 0) phone = phones.join(', ');
  else if (fallback !== null) phone = t('common:contact.beingClarified', { phone: fallback });
  else phone = unknown;
  const reach: Row[] = [
    [t('common:contact.address'), contact?.address ?? unknown],
    [t('common:contact.phone'), phone],
  ];
  const regNo = contact?.regNo ?? route.regNo;
  if (regNo !== null) reach.push([t('referral:mail.eAddress'), eAddressWriteUrl(regNo)]);
  const sections: Section[] = [
    { heading: t('referral:mail.aboutHeading'), rows: about },
    { heading: t('referral:mail.contactHeading'), rows: reach },
    {
      heading: t('referral:confirmation.nextHeading'),
      list: [t(`referral:confirmation.${route.type}.next2`), t(`referral:confirmation.${route.type}.next3`)],
    },
    // No deadline the office has not promised: what to do if nobody calls.
    variant === 'easy'
      ? { heading: t('referral:confirmation.nobodyHeading'), list: lines(t('referral:confirmation.nobody')) }
      : { heading: t('referral:confirmation.nobodyHeading'), paragraph: t('referral:confirmation.nobody') },
  ];
  const footer = lines(t('referral:mail.footer'));
  const message: OutgoingMessage = {
    from: options.from,
    to: { name: '', address: input.email },
    subject: headerText(title),
    text: renderText(title, intro, sections, footer),
    html: renderHtml(title, intro, sections, footer, { easy: variant === 'easy' }),
    // RFC 3834: an automatic message; auto-responders must not answer it.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Kurzeme-Visiem-Reference': reference },
    meta: { id: confirmationId(reference), municipalityId: route.municipalityId, kind: 'confirmation' },
  };
  // A reply should reach the office, not a no-reply box — unless the office is unknown.
  if (!route.placeholder) message.replyTo = { name: headerText(office), address: route.email };
  return message;
}
