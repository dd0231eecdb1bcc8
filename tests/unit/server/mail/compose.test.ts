import { describe, expect, it } from 'vitest';
import { buildRoutingTable, routeFor, validateReferral } from '../../../../src/domain/referral/index';
import type { Referral } from '../../../../src/domain/referral/index';
import {
  composeConfirmationEmail,
  composeOfficeEmail,
  escapeHtml,
  formatDateTime,
  officeSubject,
} from '../../../../server/mail/compose';
import type { ComposeOptions } from '../../../../server/mail/compose';
import {
  OPTIONS,
  SERVICE_TITLES,
  fixtureMunicipalities,
  fosterRequest,
  serviceRequest,
} from '../../domain/referral/fixtures';

// Kuldīga's social service has its name in the content; the other offices do not.
const table = buildRoutingTable(
  fixtureMunicipalities().map((m) =>
    m.id === 'kuldigas-novads' ? { ...m, service: { ...m.service, name: 'Kuldīgas novada Sociālais dienests' } } : m,
  ),
);
const OPTS: ComposeOptions = {
  from: { name: 'Kurzeme visiem', address: 'pieteikumi@kurzeme.example.test' },
  labels: { services: SERVICE_TITLES, municipalities: { 'kuldigas-novads': 'Kuldīgas novads' } },
};
const RECEIVED = new Date('2026-11-22T12:05:00.000Z'); // 14:05 in Riga (EET)

function referral(input: Record<string, unknown>): Referral {
  const r = validateReferral(input, OPTIONS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function office(input: Record<string, unknown>) {
  const r = referral(input);
  return composeOfficeEmail(
    { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, referral: r, route: routeFor(table, r.type, r.municipality) },
    OPTS,
  );
}

describe('officeSubject', () => {
  const route = routeFor(table, 'service', 'kuldigas-novads');
  it.each([
    [['atelpas-bridis'], 'Pieteikums KV-ABCD-EFGH — Atelpas brīdis — Kuldīgas novads'],
    [['atelpas-bridis', 'dac'], 'Pieteikums KV-ABCD-EFGH — Atelpas brīdis u. c. — Kuldīgas novads'],
    [['gvpp'], 'Pieteikums KV-ABCD-EFGH — pakalpojumi — Kuldīgas novads'],
  ])('service %j', (services, subject) => {
    expect(officeSubject('KV-ABCD-EFGH', referral(serviceRequest({ services })), route, OPTS.labels)).toBe(subject);
  });

  it.each([
    ['audzugimene', 'audžuģimene'],
    ['nezinu', 'audžuģimene'],
    ['aizbildnis', 'aizbildnība'],
    ['adoptetajs', 'adopcija'],
    ['viesgimene', 'viesģimene'],
  ])('foster %s', (interest, topic) => {
    const r = referral(fosterRequest({ interest }));
    expect(officeSubject('KV-ABCD-EFGH', r, routeFor(table, 'foster', 'talsu-novads'), OPTS.labels)).toBe(
      `Pieteikums KV-ABCD-EFGH — ${topic} — Talsu novads`,
    );
  });
});

describe('the office e-mail', () => {
  it('goes to the route, from the portal, with Reply-To as an address object — the address only', () => {
    const m = office(serviceRequest());
    expect(m.to).toEqual({
      name: 'Kuldīgas novada Sociālais dienests',
      address: 'socialais-dienests@kuldigas-novads.example.test',
    });
    expect(m.from).toEqual(OPTS.from);
    // No display name: a typed name ("Boss <boss@kuldiga.lv>") must not pose as the sender.
    expect(m.replyTo).toEqual({ name: '', address: 'ilze@example.test' });
    expect(m.text).toContain('Portāls šo adresi nav pārbaudījis');
    expect(m.headers['X-Kurzeme-Visiem-Reference']).toBe('KV-ABCD-EFGH');
    expect(m.meta).toEqual({ id: 'KV-ABCD-EFGH', municipalityId: 'kuldigas-novads', kind: 'office' });
  });

  it('has no Reply-To without an e-mail', () => {
    const base = serviceRequest();
    const m = office({ ...base, contact: { name: 'Ilze', phone: '20000000' } });
    expect(m.replyTo).toBeUndefined();
    expect(m.text).toContain('Cilvēks e-pastu nenorādīja');
  });

  it('shows what a social worker needs, in Latvian, in the words the person chose', () => {
    const m = office(serviceRequest({ message: 'Pirmā rinda\nOtrā rinda' }));
    for (const part of [
      'Pieteikuma numurs: KV-ABCD-EFGH',
      'Saņemts: 22.11.2026. plkst. 14:05',
      'Forma: parastā versija',
      // The check's and the form's own words (the locale files), not ids.
      'Kas aizpildīja: Vecāks, aizbildnis vai audžuģimene — jautāju par bērnu, par kuru rūpējos',
      'Vārds: Anna',
      'Vecums: 7 g.',
      'Kas personu raksturo: Bērns ar funkcionāliem traucējumiem vai invaliditāti',
      '- Atelpas brīdis',
      '- Sociālā rehabilitācija bērniem',
      'Vārds, uzvārds: Ilze Bērziņa',
      'Tālrunis: +371 20 000 000',
      'E-pasts: ilze@example.test',
      'Vēlamais saziņas veids: Pa tālruni',
      'Piemērotākais laiks: darba dienās pēc 17:00',
      'Atzīmētie lūgumi: Vēlos, lai sarunā piedalās mans atbalsta cilvēks',
      'Apstiprinājums e-pastā: nelūdza',
      'Pirmā rinda\nOtrā rinda',
      '- Vecums: 7',
      '- Noteikta invaliditāte: Jā',
      'Pārbaudes rezultāts (tas nav lēmums)',
      '- Atelpas brīdis: Varētu derēt',
    ]) {
      expect(m.text).toContain(part);
    }
    // An unticked box is no answer: the e-mail does not say "no" for it.
    expect(m.text).not.toMatch(/viegl/iu);
    expect(m.text).not.toContain('verdicts');
    expect(m.html).toContain('<html lang="lv">');
    expect(m.html).toContain('Ilze Bērziņa');
  });

  it('says at the top that the easy-read form was used, and that easy language was asked for', () => {
    const easy = office(serviceRequest({ variant: 'easy' }));
    const [, , first, second] = easy.text.split('\n');
    expect(first).toBe('');
    expect(second).toBe('Cilvēks aizpildīja portāla viegli lasāmo pieteikuma formu (sadaļa “Viegli lasīt”).');
    expect(easy.text).not.toContain('runā un raksta vieglā valodā');
    expect(easy.text).toContain('Forma: viegli lasāmā versija');
    const base = serviceRequest({ variant: 'easy' });
    const asked = office({ ...base, contact: { ...(base['contact'] as object), easyLanguage: true } });
    expect(asked.text.split('\n').slice(3, 5)).toEqual([
      'Cilvēks aizpildīja portāla viegli lasāmo pieteikuma formu (sadaļa “Viegli lasīt”).',
      'Cilvēks lūdz, lai ar viņu runā un raksta vieglā valodā.',
    ]);
    expect(asked.html).toMatch(
      /<p style="[^"]*font-weight:bold">Cilvēks lūdz, lai ar viņu runā un raksta vieglā valodā.<\/p>/,
    );
  });

  it('carries the town or parish the person typed, only when they typed one', () => {
    expect(office(serviceRequest({ place: 'Aizpute' })).text).toContain(
      'Pilsēta, pagasts vai ciems, ko cilvēks ierakstīja: Aizpute',
    );
    expect(office(serviceRequest()).text).not.toContain('ko cilvēks ierakstīja');
  });

  it('labels the check\'s facts and verdicts in Latvian: careSetting, a step first, "Nezinu"', () => {
    const m = office(
      serviceRequest({
        person: { group: 'child-in-care' },
        answers: {
          group: 'child-in-care',
          filledBy: 'professional',
          careSetting: 'institution',
          disabilityGroup: 'none',
          vdeavkSpecialCare: null,
          municipality: 'kuldigas-novads',
          verdicts: [
            { service: 'atelpas-bridis', verdict: 'first' },
            { service: 'dac', verdict: 'maybe' },
          ],
        },
      }),
    );
    for (const part of [
      '- Kur bērns dzīvo: Bērnu aprūpes iestādē',
      '- Kas atbild: Speciālists, piemēram, sociālais darbinieks, ārsts vai pedagogs',
      '- Invaliditātes grupa: Grupa nav noteikta',
      '- VDEĀVK atzinums par īpašas kopšanas nepieciešamību: Nezinu',
      '- Pašvaldība: Kuldīgas novads',
      '- Atelpas brīdis: Vispirms vajadzīgs cits solis',
      '- Dienas aprūpes centrs: Jānoskaidro',
    ]) {
      expect(m.text).toContain(part);
    }
  });

  it('escapes every user value in HTML', () => {
    const base = serviceRequest({
      message: '<script>alert("x")</script> & \'quotes\'',
      person: { firstName: '<img src=x onerror=alert(1)>', group: 'child' },
    });
    const m = office({ ...base, contact: { name: 'Ilze "<b>"', phone: '20000000' } });
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<img');
    expect(m.html).not.toContain('<b>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The text body carries the words as written.
    expect(m.text).toContain('<script>alert("x")</script>');
  });

  it('describes a foster enquiry, stating no answer the foster form does not ask', () => {
    const m = office(fosterRequest({ filledBy: 'support-person' }));
    expect(m.subject).toBe('Pieteikums KV-ABCD-EFGH — audžuģimene — Talsu novads');
    expect(m.to.address).toBe('barintiesa@talsu-novads.example.test');
    expect(m.text).toContain('Interese par bērna uzņemšanu ģimenē KV-ABCD-EFGH');
    expect(m.text).toContain('Kļūt par audžuģimeni');
    expect(m.text).toContain('Kas aizpildīja: Atbalsta persona, radinieks vai draugs');
    expect(m.text).not.toContain('Pakalpojumi, par kuriem jautā');
    for (const notAsked of ['Vēlamais saziņas veids', 'Piemērotākais laiks', 'lūgumi', 'Apstiprinājums']) {
      expect(m.text).not.toContain(notAsked);
    }
  });
});

describe('labels of the answers (W4)', () => {
  it('never find Object.prototype: a key or value named like a function stays a word', () => {
    // Built by hand — the schema refuses these — to test the mail layer's own defence.
    const r = referral(serviceRequest());
    r.answers = {
      toString: 'constructor',
      valueOf: ['hasOwnProperty'],
      verdicts: [{ service: '__proto__', verdict: 'toString' }],
    };
    const m = composeOfficeEmail(
      { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, referral: r, route: routeFor(table, r.type, r.municipality) },
      { ...OPTS, labels: { services: SERVICE_TITLES, municipalities: { liepaja: 'Liepāja' } } },
    );
    expect(m.text).toContain('- toString: constructor');
    expect(m.text).toContain('- valueOf: hasOwnProperty');
    expect(m.text).toContain('- __proto__: toString');
    expect(m.text).not.toContain('[native code]');
    expect(m.html).not.toContain('function');
  });
});

describe('the confirmation e-mail', () => {
  const route = routeFor(table, 'service', 'kuldigas-novads');

  it('names the reference and the office, and nothing the person wrote', () => {
    const m = composeConfirmationEmail(
      { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, route, email: 'ilze@example.test', easyLanguage: false },
      OPTS,
    );
    expect(m.to).toEqual({ name: '', address: 'ilze@example.test' });
    expect(m.subject).toBe('Jūsu pieteikums KV-ABCD-EFGH ir nosūtīts');
    expect(m.text).toContain('Pieteikumu saņēma: Kuldīgas novada Sociālais dienests');
    expect(m.text).toContain('Kas notiks tālāk');
    expect(m.headers['Auto-Submitted']).toBe('auto-generated');
    expect(m.replyTo).toEqual({ name: 'Kuldīgas novada Sociālais dienests', address: route.email });
    expect(m.meta.id).toBe('KV-ABCD-EFGH.confirmation');
    for (const secret of ['Atelpas', 'rehabilitācija', 'Anna', 'Ilze', 'funkcionāl', 'bērns', 'likely']) {
      expect(m.text).not.toContain(secret);
      expect(m.html).not.toContain(secret);
    }
  });

  it('links to writing to the office through its e-address when its registration number is known', () => {
    const withRegNo = buildRoutingTable(
      fixtureMunicipalities().map((m) =>
        m.id === 'kuldigas-novads' ? { ...m, service: { ...m.service, regNo: '90000038741' } } : m,
      ),
    );
    for (const easyLanguage of [false, true]) {
      const m = composeConfirmationEmail(
        {
          reference: 'KV-ABCD-EFGH',
          receivedAt: RECEIVED,
          route: routeFor(withRegNo, 'service', 'kuldigas-novads'),
          email: 'ilze@example.test',
          easyLanguage,
        },
        OPTS,
      );
      expect(m.text).toContain('https://www.latvija.lv/lv/Eaddress/write?address=_default@90000038741');
    }
    const without = composeConfirmationEmail(
      { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, route, email: 'ilze@example.test', easyLanguage: false },
      OPTS,
    );
    expect(without.text).not.toContain('e-adresi');
  });

  it('is written in easy-read Latvian when asked', () => {
    const m = composeConfirmationEmail(
      { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, route, email: 'ilze@example.test', easyLanguage: true },
      OPTS,
    );
    expect(m.text).toContain('Darbinieks jums zvanīs vai rakstīs.');
    expect(m.text).toContain('Pasakiet pieteikuma numuru.');
    expect(m.text).toContain('Kam: Kuldīgas novada Sociālais dienests');
    expect(m.text).not.toContain('Paldies — jūsu pieteikums ir nosūtīts pašvaldībai.');
  });

  it("names the office's address and phone, or says they are unknown and gives the region's phone — no deadline", () => {
    const known = composeConfirmationEmail(
      { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, route, email: 'ilze@example.test', easyLanguage: false },
      {
        ...OPTS,
        officeContact: () => ({
          name: 'Kuldīgas novada Sociālais dienests',
          address: 'Pilsētas laukums 2, Kuldīga',
          phones: ['63322469', '63320000'],
          regNo: null,
          fallbackPhone: null,
        }),
      },
    );
    expect(known.text).toContain('Adrese: Pilsētas laukums 2, Kuldīga');
    expect(known.text).toContain('Tālrunis: 63322469, 63320000');
    expect(known.text).toContain('Ja neviens nesazinās');
    expect(known.text).toContain('termiņu mēs nenosaucam');
    expect(known.text).not.toMatch(/\d+ (darba )?dien/u);
    const unknown = composeConfirmationEmail(
      { reference: 'KV-ABCD-EFGH', receivedAt: RECEIVED, route, email: 'ilze@example.test', easyLanguage: true },
      {
        ...OPTS,
        officeContact: () => ({ name: null, address: null, phones: [], regNo: null, fallbackPhone: '+371 67331492' }),
      },
    );
    expect(unknown.text).toContain('Adrese: nezinām');
    expect(unknown.text).toContain(
      'Telefons: Mēs nezinām dienesta telefonu. Zvaniet Kurzemes plānošanas reģionam: +371 67331492.',
    );
    expect(unknown.text).toContain('- Mēs nezinām, cik ilgi būs jāgaida.');
  });

  it('has no Reply-To when the office address is a placeholder', () => {
    const placeholderTable = buildRoutingTable(
      fixtureMunicipalities().map((m) => ({
        ...m,
        service: { name: null, email: null, verified: false, personalDataByEmail: true, regNo: null },
      })),
    );
    const m = composeConfirmationEmail(
      {
        reference: 'KV-ABCD-EFGH',
        receivedAt: RECEIVED,
        route: routeFor(placeholderTable, 'service', 'liepaja'),
        email: 'a@example.test',
        easyLanguage: false,
      },
      OPTS,
    );
    expect(m.replyTo).toBeUndefined();
  });
});

describe('helpers', () => {
  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('formatDateTime shows Riga time, summer and winter', () => {
    expect(formatDateTime(new Date('2026-07-01T09:30:00Z'))).toBe('01.07.2026. plkst. 12:30');
    expect(formatDateTime(new Date('2026-01-01T09:30:00Z'))).toBe('01.01.2026. plkst. 11:30');
  });
});
