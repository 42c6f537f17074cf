// The disclosure log as a static site: an index (newest first) that filters by topic and date
// without script and better with it, one page per request, in the GOV.UK style, plain HTML that
// any council web server can host. Every string is escaped; nothing is loaded from elsewhere.
import { formatLongDate, type IsoDate } from '../../../shared/domain/dates';

export interface PublishedEntry {
  reference: string;
  slug: string;
  title: string;
  summary: string;
  topic: string;
  received: IsoDate;
  responded: IsoDate;
  outcome: string | null;
  documents: { file: string; title: string; size: number }[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function kb(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function page(o: { title: string; authority: string; root: string; body: string; script?: boolean }): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} – Disclosure log – ${esc(o.authority)}</title>
<link rel="stylesheet" href="${o.root}style.css">
</head>
<body>
<a href="#main" class="skip-link">Skip to main content</a>
<header class="header"><div class="width"><a class="header-link" href="${o.root}index.html">${esc(o.authority)}: disclosure log</a></div></header>
<div class="width">
<main id="main" tabindex="-1">
${o.body}
</main>
</div>
<footer class="footer"><div class="width"><p>Responses to requests made under the Freedom of Information Act 2000, the Environmental Information Regulations 2004 and the Scottish equivalents. Personal data of the people who asked is never published.</p></div></footer>
${o.script ? `<script src="${o.root}filter.js"></script>` : ''}
</body>
</html>
`;
}

export function indexPage(authority: string, period: { from: IsoDate; to: IsoDate }, entries: readonly PublishedEntry[]): string {
  const topics = [...new Set(entries.map((e) => e.topic).filter((t) => t !== ''))].sort();
  const rows = [...entries]
    .sort((a, b) => (a.responded === b.responded ? a.reference.localeCompare(b.reference) : a.responded < b.responded ? 1 : -1))
    .map(
      (e) => `<tr data-topic="${esc(e.topic)}" data-date="${e.responded}">
<td class="nowrap">${esc(formatLongDate(e.responded))}</td>
<td><a href="requests/${esc(e.slug)}.html">${esc(e.title)}</a><br><span class="hint">${esc(e.reference)}</span></td>
<td>${esc(e.topic || 'General')}</td>
</tr>`,
    )
    .join('\n');
  const body = `<h1>Disclosure log</h1>
<p class="lead">Responses we have given between ${esc(formatLongDate(period.from))} and ${esc(formatLongDate(period.to))}: ${entries.length} ${entries.length === 1 ? 'request' : 'requests'}.</p>
<form class="filter" id="filter" action="index.html" method="get">
<div class="field"><label for="topic">Topic</label>
<select id="topic" name="topic"><option value="">All topics</option>${topics.map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join('')}</select></div>
<div class="field"><label for="from">Answered on or after</label><span class="hint" id="from-hint">For example, 2026-04-01</span>
<input id="from" name="from" type="text" inputmode="numeric" pattern="\\d{4}-\\d{2}-\\d{2}" aria-describedby="from-hint"></div>
<div class="field"><label for="to">Answered on or before</label><span class="hint" id="to-hint">For example, 2027-03-31</span>
<input id="to" name="to" type="text" inputmode="numeric" pattern="\\d{4}-\\d{2}-\\d{2}" aria-describedby="to-hint"></div>
<button type="submit" class="button">Filter</button>
<p class="hint" id="shown" role="status" aria-live="polite"></p>
</form>
<div class="scroll"><table id="log">
<caption class="visually-hidden">Requests answered, newest first</caption>
<thead><tr><th scope="col">Answered</th><th scope="col">Request</th><th scope="col">Topic</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
<p><a href="disclosure-log.csv">Download the log as a spreadsheet (CSV)</a></p>`;
  return page({ title: 'Disclosure log', authority, root: '', body, script: true });
}

export function requestPage(authority: string, e: PublishedEntry): string {
  const docs = e.documents.length
    ? `<ul class="list">${e.documents.map((d) => `<li><a href="../files/${esc(d.file)}">${esc(d.title)}</a> <span class="hint">(PDF, ${kb(d.size)})</span></li>`).join('')}</ul>`
    : '<p>No documents were released with this response.</p>';
  const body = `<p class="hint">${esc(e.reference)}</p>
<h1>${esc(e.title)}</h1>
<dl class="summary">
<div><dt>Received</dt><dd>${esc(formatLongDate(e.received))}</dd></div>
<div><dt>Answered</dt><dd>${esc(formatLongDate(e.responded))}</dd></div>
${e.outcome ? `<div><dt>Outcome</dt><dd>${esc(e.outcome)}</dd></div>` : ''}
<div><dt>Topic</dt><dd>${esc(e.topic || 'General')}</dd></div>
</dl>
<h2>What was asked</h2>
<p>${esc(e.summary).replace(/\n/g, '<br>')}</p>
<h2>Our response and the information released</h2>
${docs}
<p><a href="../index.html">Back to the disclosure log</a></p>`;
  return page({ title: e.title, authority, root: '../', body });
}

/** Progressive enhancement: without script the form reloads the full list; with it, rows are hidden in place. */
export const FILTER_JS = `(function () {
  var form = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#log tbody tr'));
  var shown = document.getElementById('shown');
  var iso = /^\\d{4}-\\d{2}-\\d{2}$/;
  function apply() {
    var topic = form.topic.value, from = form.from.value.trim(), to = form.to.value.trim(), n = 0;
    rows.forEach(function (r) {
      var d = r.getAttribute('data-date');
      var ok = (!topic || r.getAttribute('data-topic') === topic) && (!iso.test(from) || d >= from) && (!iso.test(to) || d <= to);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + (n === 1 ? ' request shown' : ' requests shown');
  }
  var params = new URLSearchParams(location.search);
  ['topic', 'from', 'to'].forEach(function (k) { if (params.get(k)) form[k].value = params.get(k); });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  apply();
})();
`;

export const STYLE_CSS = `*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
.width{max-width:960px;margin:0 auto;padding:0 15px}
.skip-link{position:absolute;left:-9999px}
.skip-link:focus{position:static;display:block;padding:10px 15px;background:#fd0;color:#0b0c0c}
.header{background:#0b0c0c;padding:10px 0;border-bottom:10px solid #1d70b8}
.header-link{color:#fff;font-weight:700;text-decoration:none;font-size:24px}
.header-link:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
main{display:block;padding:30px 0}
h1{font-size:36px;margin:0 0 30px}
h2{font-size:27px;margin:30px 0 15px}
a{color:#1d70b8}
a:visited{color:#4c2c92}
a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.lead{font-size:24px}
.hint{color:#505a5f;font-size:16px}
.nowrap{white-space:nowrap}
.field{margin-bottom:20px}
label{display:block;font-weight:700;margin-bottom:5px}
.field .hint{display:block;margin-bottom:5px}
input,select{font:inherit;font-size:19px;padding:5px;border:2px solid #0b0c0c;min-height:40px;max-width:100%}
input:focus,select:focus{outline:3px solid #fd0;box-shadow:inset 0 0 0 2px}
.button{font:inherit;font-size:19px;color:#fff;background:#00703c;border:2px solid transparent;box-shadow:0 2px 0 #002d18;padding:8px 10px;cursor:pointer}
.button:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c}
.filter{background:#f3f2f1;padding:20px;margin-bottom:30px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
.visually-hidden{position:absolute;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0}
.summary div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:10px 0}
.summary dt{font-weight:700;width:30%;min-width:8em}
.summary dd{margin:0}
.list{padding-left:20px}
.footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:20px 0;font-size:16px}
`;
