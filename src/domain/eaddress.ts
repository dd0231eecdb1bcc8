/**
 * The official e-address (e-adrese): every state and municipal institution has one, and its
 * identifier is the institution's registration number. A person with an e-address writes
 * to an institution through the state portal; one without is led there to create one.
 */

/** An institution's registration number: 11 digits (the content's `regNo`). */
const REG_NO = /^\d{11}$/u;

/**
 * The link that opens "write to this institution" in the state portal, the recipient
 * filled in — the pattern VARAM asks institutions to publish (`…/Eaddress/write?address=
 * _default@<registration number>`, as quoted on grausti.riga.lv). The portal now calls
 * itself latvija.gov.lv and names the same technical address form (`_DEFAULT@<number>`);
 * the write link on that host could not be confirmed from here, so this keeps the
 * documented latvija.lv form. Check it against the portal when the first `regNo` is added.
 *
 * @param regNo the institution's registration number (11 digits)
 * @throws Error for anything that is not a registration number
 */
export function eAddressWriteUrl(regNo: string): string {
  if (!REG_NO.test(regNo)) throw new Error(`"${regNo}" is not a registration number (11 digits).`);
  return `https://www.latvija.lv/lv/Eaddress/write?address=_default@${regNo}`;
}
