/**
 * The e-mails of an enquiry, in Latvian:
 *
 * - the office e-mail to the municipal social service or orphans' court — everything a
 *   social worker needs to call the person back, laid out in the order they read it;
 * - the optional confirmation to the person — reference, which office received it and what
 *   happens next; NO health details and NO text the person wrote (the address is typed by
 *   whoever fills in the form, so the mail must be useless as a way to send someone text).
 *
 * Both bodies (plain text and HTML) are rendered from one list of sections, so they always
 * say the same. Every user value is escaped in HTML. Addresses are nodemailer address
 * objects — never strings built from user input — so a name cannot add a header.
 * Human labels (service titles, answer words) come in as parameters; the office's name
 * comes with its route.
 */
import type {
  Answers,
  AnswerValue,
  ContactChannel,
  EnquiryType,
  FilledBy,
  FosterInterest,
  PersonGroup,
  Referral,
  Route,
} from '../../src/domain/referral/index';
import type { PublicKey } from 'openpgp';
import { eAddressWriteUrl } from '../../src/domain/eaddress';
import { escapeHtml } from '../../src/domain/text/inline';
import { confirmationId } from '../../src/domain/referral/reference';

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
  /** Wizard answer keys and values → Latvian labels (ids are shown where none is given). */
  answers?: Readonly<Record<string, string>>;
}

/** What every composed message needs. */
export interface ComposeOptions {
  from: MailAddress;
  labels: MailLabels;
  /** Time zone of the dates shown; default Europe/Riga. */
  timeZone?: string;
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
  /** Write it in easy-read Latvian. */
  easyLanguage: boolean;
}

const TYPE_TITLE: Record<EnquiryType, string> = {
  service: 'Pieteikums sociālajiem pakalpojumiem',
  foster: 'Interese par bērna uzņemšanu ģimenē',
};

const FILLED_BY_LABEL: Record<FilledBy, string> = {
  self: 'pats cilvēks (par sevi)',
  parent: 'vecāks',
  'support-person': 'atbalsta persona',
  professional: 'speciālists',
};

const GROUP_LABEL: Record<PersonGroup, string> = {
  child: 'bērns',
  adult: 'pieaugušais',
  'child-in-care': 'bērns ārpusģimenes aprūpē',
  other: 'cits',
};

const INTEREST_LABEL: Record<FosterInterest, string> = {
  audzugimene: 'kļūt par audžuģimeni',
  aizbildnis: 'kļūt par aizbildni',
  adoptetajs: 'adoptēt bērnu',
  viesgimene: 'kļūt par viesģimeni',
  nezinu: 'vēl nezina — vēlas uzzināt vairāk',
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

const CHANNEL_LABEL: Record<ContactChannel, string> = { phone: 'tālrunis', email: 'e-pasts' };

const OFFICE_KIND: Record<EnquiryType, string> = { service: 'sociālais dienests', foster: 'bāriņtiesa' };

const yesNo = (v: boolean): string => (v ? 'jā' : 'nē');

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

/** The label of an id: own keys only — `toString` or `constructor` must never find `Object.prototype`. */
function label(id: string, labels: MailLabels): string {
  const answers = labels.answers;
  return answers !== undefined && Object.hasOwn(answers, id) ? (answers[id] ?? id) : id;
}

function answerLabel(key: string, labels: MailLabels): string {
  return label(key, labels);
}

function answerText(value: AnswerValue, labels: MailLabels): string {
  // In the eligibility check `null` is the answer "Nezinu".
  if (value === null) return 'nezina';
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return label(value, labels);
  if (Array.isArray(value)) return value.map((v) => answerText(v, labels)).join(', ');
  return Object.entries(value)
    .map(([k, v]) => `${answerLabel(k, labels)}: ${answerText(v, labels)}`)
    .join('; ');
}

/** The result's verdicts (`[{ service, verdict }]`) as "<service title>: <verdict>, …". */
function verdictsText(value: AnswerValue, labels: MailLabels): string {
  if (!Array.isArray(value)) return answerText(value, labels);
  return value
    .map((item) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return answerText(item, labels);
      const service = typeof item['service'] === 'string' ? item['service'] : '';
      const title = Object.hasOwn(labels.services, service) ? (labels.services[service] ?? service) : service;
      return `${title}: ${item['verdict'] === undefined ? '' : answerText(item['verdict'], labels)}`;
    })
    .join(', ');
}

function answerRows(answers: Answers, labels: MailLabels): Row[] {
  return Object.entries(answers).map(([key, value]) => [
    answerLabel(key, labels),
    key === 'verdicts' ? verdictsText(value, labels) : answerText(value, labels),
  ]);
}

function officeSections(input: OfficeMailInput, options: ComposeOptions): Section[] {
  const { referral: r, route, reference, receivedAt } = input;
  const { labels } = options;
  const sections: Section[] = [];
  const about: Row[] = [
    ['Pieteikuma numurs', reference],
    ['Saņemts', formatDateTime(receivedAt, options.timeZone)],
    ['Veids', TYPE_TITLE[r.type]],
    ['Pašvaldība', route.municipalityName],
    ['Aizpildīja', FILLED_BY_LABEL[r.filledBy]],
  ];
  sections.push({ heading: 'Pieteikums', rows: about });

  if (r.person) {
    const rows: Row[] = [];
    if (r.person.firstName !== undefined) rows.push(['Vārds', r.person.firstName]);
    if (r.person.age !== undefined) rows.push(['Vecums', `${r.person.age} g.`]);
    rows.push(['Grupa', GROUP_LABEL[r.person.group]]);
    sections.push({ heading: r.type === 'foster' ? 'Par personu' : 'Par ko ir pieteikums', rows });
  }

  if (r.type === 'foster' && r.interest) {
    sections.push({ heading: 'Interese', paragraph: INTEREST_LABEL[r.interest] });
  }
  if (r.services.length > 0) {
    sections.push({
      heading: 'Pakalpojumi, par kuriem jautā',
      list: r.services.map((id) => (Object.hasOwn(labels.services, id) ? (labels.services[id] ?? id) : id)),
    });
  }

  const c = r.contact;
  const contact: Row[] = [['Vārds, uzvārds', c.name]];
  if (c.phone !== undefined) contact.push(['Tālrunis', c.phone]);
  if (c.email !== undefined) contact.push(['E-pasts', c.email]);
  contact.push(['Vēlamais saziņas veids', c.preferred ? CHANNEL_LABEL[c.preferred] : 'nav norādīts']);
  contact.push(['Piemērotākais laiks', c.time ?? 'nav norādīts']);
  contact.push(['Vēlas viegli lasāmu valodu', yesNo(c.easyLanguage)]);
  contact.push(['Vēlas saziņā iesaistīt atbalsta personu', yesNo(c.supportPerson)]);
  contact.push(['Lūdza apstiprinājumu e-pastā', yesNo(c.confirmation)]);
  sections.push({ heading: 'Saziņa', rows: contact });

  if (r.message !== undefined) sections.push({ heading: 'Ziņa', paragraph: r.message });
  if (r.answers !== undefined && Object.keys(r.answers).length > 0) {
    sections.push({
      heading: 'Portāla pārbaudes atbildes (tas nav lēmums)',
      tree: answerRows(r.answers, labels),
    });
  }
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

function renderHtml(title: string, intro: string[], sections: Section[], footer: string[]): string {
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="lv">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111;max-width:44em">',
    `<h1 style="font-size:22px">${escapeHtml(title)}</h1>`,
    ...intro.map((p) => `<p>${escapeHtml(p)}</p>`),
  ];
  for (const s of sections) {
    parts.push(`<h2 style="font-size:18px;margin-top:24px">${escapeHtml(s.heading)}</h2>`);
    if ('rows' in s) parts.push(renderRowsHtml(s.rows));
    if ('tree' in s) parts.push(renderRowsHtml(s.tree));
    if ('list' in s) parts.push(`<ul>${s.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    // pre-wrap keeps the person's line breaks without turning their text into markup.
    if ('paragraph' in s) parts.push(`<p style="white-space:pre-wrap">${escapeHtml(s.paragraph)}</p>`);
  }
  parts.push(
    '<hr>',
    ...footer.map((p) => `<p style="font-size:14px;color:#444">${escapeHtml(p)}</p>`),
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
  const message: OutgoingMessage = {
    from: options.from,
    to: { name: headerText(officeName(route)), address: route.email },
    subject,
    text: renderText(title, [], sections, footer),
    html: renderHtml(title, [], sections, footer),
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
  const office = officeName(route);
  const when = formatDateTime(receivedAt, options.timeZone);
  let title: string;
  let intro: string[];
  let sections: Section[];
  let footer: string[];
  if (input.easyLanguage) {
    title = `Jūsu pieteikums ${reference} ir nosūtīts`;
    intro = ['Labdien!', 'Jūsu pieteikums ir nosūtīts.'];
    sections = [
      {
        heading: 'Jūsu pieteikums',
        rows: [
          ['Numurs', reference],
          ['Nosūtīts', when],
          ['Kam', office],
        ],
      },
      {
        heading: 'Kas notiks tālāk?',
        list: [
          'Darbinieks izlasīs jūsu pieteikumu.',
          'Darbinieks jums zvanīs vai rakstīs.',
          'Ja jums ir jautājumi, sazinieties ar pašvaldību.',
          'Pasakiet pieteikuma numuru.',
          ...(route.regNo === null ? [] : [`Var rakstīt arī uz valsts e-adresi: ${eAddressWriteUrl(route.regNo)}`]),
        ],
      },
    ];
    footer = ['Šo vēstuli uzrakstīja dators.', 'Uz šo vēstuli nav jāatbild.'];
  } else {
    title = `Jūsu pieteikums ${reference} ir nosūtīts`;
    intro = ['Labdien!', 'Paldies — jūsu pieteikums ir nosūtīts pašvaldībai.'];
    sections = [
      {
        heading: 'Pieteikums',
        rows: [
          ['Pieteikuma numurs', reference],
          ['Saņemts', when],
          ['Pieteikumu saņēma', office],
          ['Pašvaldība', route.municipalityName],
        ],
      },
      {
        heading: 'Kas notiks tālāk',
        list: [
          'Darbinieks izskatīs pieteikumu un sazināsies ar jums tā, kā norādījāt pieteikumā.',
          'Ja vēlaties ko papildināt vai jautāt, sazinieties ar iestādi un nosauciet pieteikuma numuru.',
          ...(route.regNo === null
            ? []
            : [`Iestādei var rakstīt arī uz tās oficiālo e-adresi: ${eAddressWriteUrl(route.regNo)}`]),
        ],
      },
    ];
    footer = ['Šī ir automātiska vēstule no portāla “Kurzeme visiem”.'];
  }
  const message: OutgoingMessage = {
    from: options.from,
    to: { name: '', address: input.email },
    subject: headerText(title),
    text: renderText(title, intro, sections, footer),
    html: renderHtml(title, intro, sections, footer),
    // RFC 3834: an automatic message; auto-responders must not answer it.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Kurzeme-Visiem-Reference': reference },
    meta: { id: confirmationId(reference), municipalityId: route.municipalityId, kind: 'confirmation' },
  };
  // A reply should reach the office, not a no-reply box — unless the office is unknown.
  if (!route.placeholder) message.replyTo = { name: headerText(office), address: route.email };
  return message;
}
