/* global document, window */
/**
 * The confirmation page's print button: shown and wired only where this script runs
 * (without JavaScript the page says to write the number down). A file of its own, loaded
 * with `src`, because the content security policy allows no inline script it does not know.
 */
for (const block of document.querySelectorAll('[data-print]')) {
  block.hidden = false;
  const button = block.querySelector('button');
  if (button) button.addEventListener('click', () => window.print());
}
