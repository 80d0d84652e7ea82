/**
 * The resident page as ONE self-contained HTML document: inline CSS, no
 * link, image, font or script from anywhere, so it opens offline from a
 * USB stick or an e-mail attachment. Every piece of text goes through
 * `escapeHtml`; the only script is the constant below, which reads the
 * form and offers the answers as a small JSON file (a blob download, no
 * request). The same document is the in-app preview (without the script,
 * src/ui/workspace/ResidentPageDialog.svelte) and what is printed on A4.
 */
import type { ResidentPage } from './resident-page.ts';
import { ANSWER_OPTIONS } from './resident-page.ts';

/** The `format` of the file the page saves; src/workspace/resident-answers.ts reads it back. */
export const ANSWERS_FILE_FORMAT = 'wijkveiligheidskompas-bewonersantwoorden';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

const CSS = `
@page { size: A4; margin: 16mm 18mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 13pt; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.2rem 2rem; }
h1 { font-size: 1.6em; margin: 0 0 0.3em; color: #1f3864; }
h2 { font-size: 1.2em; margin: 1.2em 0 0.3em; color: #1f3864; border-bottom: 2px solid #1f3864; }
h3 { font-size: 1em; margin: 0.8em 0 0.2em; }
p, li { margin: 0.25em 0; }
.topic p { margin-left: 0; }
fieldset { border: 1px solid #555; border-radius: 4px; margin: 0.8em 0; padding: 0.5em 0.8em; break-inside: avoid; }
legend { font-weight: 700; padding: 0 0.3em; }
.options { display: flex; flex-wrap: wrap; gap: 0.3em 1.4em; margin: 0.3em 0; }
.options label { display: inline-flex; align-items: center; gap: 0.35em; }
input[type=radio] { width: 1.1em; height: 1.1em; }
textarea { width: 100%; min-height: 4.5em; font: inherit; border: 1px solid #555; border-radius: 3px; padding: 0.3em; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 1em 0; }
button { font: inherit; padding: 0.4em 1em; border: 2px solid #1f3864; background: #1f3864; color: #fff; border-radius: 4px; cursor: pointer; }
button.secondary { background: #fff; color: #1f3864; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.status { font-weight: 700; }
footer { margin-top: 1.5em; border-top: 1px solid #555; padding-top: 0.4em; font-size: 0.9em; }
@media print {
  body { font-size: 11.5pt; }
  main { max-width: none; padding: 0; }
  .buttons, .status { display: none; }
  textarea { min-height: 5.5em; }
  h2 { break-after: avoid; }
}
`;

/**
 * Fills nothing in, asks nothing from any server: collects the ticked
 * options and typed texts and hands them to the browser as a file.
 */
const SCRIPT = `
(function () {
  var main = document.querySelector('main');
  function collect() {
    var out = { format: main.getAttribute('data-format'), version: 1, gebied: main.getAttribute('data-gebied'), gebiedsnaam: main.getAttribute('data-naam'), opgeslagen: new Date().toISOString(), antwoorden: [] };
    var sets = document.querySelectorAll('fieldset[data-vraag]');
    for (var i = 0; i < sets.length; i++) {
      var checked = sets[i].querySelector('input:checked');
      out.antwoorden.push({ vraag: sets[i].getAttribute('data-vraag'), vraagtekst: sets[i].getAttribute('data-tekst'), antwoord: checked ? checked.value : '', toelichting: sets[i].querySelector('textarea').value });
    }
    return out;
  }
  document.getElementById('opslaan').addEventListener('click', function () {
    var blob = new Blob([JSON.stringify(collect(), null, 2)], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'antwoorden-' + main.getAttribute('data-gebied') + '.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    document.getElementById('status').textContent = 'Uw antwoorden zijn opgeslagen als bestand. Lever dat bestand in bij de gemeente.';
  });
  document.getElementById('afdrukken').addEventListener('click', function () { window.print(); });
})();
`;

const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

/**
 * The whole document. `interactive: false` leaves out the buttons and the
 * script (the in-app preview, which prints from the app).
 */
export function residentPageHtml(page: ResidentPage, options: { interactive: boolean }): string {
  const e = escapeHtml;
  const figures = page.figures.length
    ? page.figures.map((f) => `<section class="topic"><h3>${e(f.topic)}</h3>${f.sentences.map((s) => `<p data-vergelijking="${f.comparison}">${e(s)}</p>`).join('')}</section>`).join('')
    : '<p>Voor deze plek zijn er geen cijfers die we kunnen vergelijken.</p>';
  const interventions = page.interventions.length
    ? `<p>Het kernteam kijkt naar deze plannen:</p>${list(page.interventions)}`
    : '<p>Het kernteam heeft nog geen plannen gekozen. Uw antwoorden helpen daarbij.</p>';
  const questions = page.questions
    .map((q, i) => {
      const name = `vraag-${q.id}`;
      const options = ANSWER_OPTIONS.map((o) => `<label><input type="radio" name="${name}" value="${e(o.value)}"> ${e(o.label)}</label>`).join('');
      return `<fieldset data-vraag="${q.id}" data-tekst="${e(q.text)}"><legend>Vraag ${i + 1}. ${e(q.topic)}</legend><p>${e(q.text)}</p><div class="options">${options}</div><label for="${name}-tekst">Wilt u iets uitleggen? Schrijf het hier op (geen namen of adressen).</label><textarea id="${name}-tekst" name="${name}-tekst"></textarea></fieldset>`;
    })
    .join('');
  const buttons = options.interactive
    ? `<div class="buttons"><button type="button" id="opslaan">Antwoorden opslaan als bestand</button><button type="button" class="secondary" id="afdrukken">Afdrukken</button></div><p class="status" id="status" role="status"></p>`
    : '';
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(page.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main data-format="${ANSWERS_FILE_FORMAT}" data-gebied="${e(page.area.code)}" data-naam="${e(page.area.name)}">
<h1>${e(page.title)}</h1>
${page.intro.map((p) => `<p>${e(p)}</p>`).join('')}
<h2>Wat zeggen de cijfers?</h2>
${figures}
<h2>Wat weten we niet?</h2>
${list(page.unknown)}
<h2>Wat wil het kernteam doen?</h2>
${interventions}
<h2>Wat vindt u?</h2>
<p>Kies bij elke vraag één antwoord. U mag ook iets opschrijven.</p>
<form>${questions}</form>
${buttons}
<h2>Uw gegevens</h2>
${list(page.privacy)}
<footer><p>${e(page.madeBy)}</p><p>${e(page.credit)}</p></footer>
</main>
${options.interactive ? `<script>${SCRIPT}</script>` : ''}
</body>
</html>
`;
}
