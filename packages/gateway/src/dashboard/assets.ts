/**
 * The dashboard's stylesheet and its one small script (sorting tables by a column), served by the
 * gateway under `/dashboard/`: no build step, no CDN, system fonts. Pages work without the script.
 */

const CSS = `
:root{--ink:#1b1f24;--muted:#4a5560;--line:#c9d1d9;--bg:#fff;--panel:#f5f7fa;--accent:#0b5394;--bad:#a4161a;--good:#1e6b34;--warn:#8a5300;
  font-family:system-ui,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
*{box-sizing:border-box}body{margin:0}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px;z-index:9}
header.top{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between;padding:10px 16px;background:#0b3d6e;color:#fff}
header.top a{color:#fff}header.top nav ul{display:flex;gap:14px;list-style:none;margin:0;padding:0;flex-wrap:wrap}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
main{max-width:1200px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0 .4em}h2{font-size:1.2rem;margin:1.4em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:4px}
.meta{color:var(--muted)}
form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;background:var(--panel);padding:10px;border-radius:6px}
form.filters label{display:flex;flex-direction:column;font-size:.9rem;color:var(--muted)}
input,select,button{font:inherit;padding:6px 8px;border:1px solid #7b8794;border-radius:4px;background:#fff;color:var(--ink)}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin:14px 0}
.card{background:var(--panel);border-radius:6px;padding:12px}.card .big{font-size:1.8rem;font-weight:700}
.grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}
@media (max-width:760px){.grid2{grid-template-columns:1fr}main{padding:10px}h1{font-size:1.25rem}}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--panel)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button.sort{background:none;color:var(--ink);border:0;padding:0;font-weight:700;cursor:pointer}
th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
.bar{display:inline-block;height:.8em;background:var(--accent);vertical-align:middle;min-width:1px}
.bar.bad{background:var(--bad)}
.met{color:var(--good);font-weight:700}.not-met{color:var(--bad);font-weight:700}svg.target-bar{vertical-align:middle;margin-left:4px}
.status{display:inline-block;padding:1px 6px;border-radius:10px;font-size:.85rem;border:1px solid currentColor;white-space:nowrap}
.s-OVERDUE,.s-COMPLETED_LATE{color:var(--bad)}.s-COMPLETED_ON_TIME{color:var(--good)}.s-IN_PROGRESS{color:var(--accent)}.s-AWAITING_GUIDANCE,.s-ONGOING{color:var(--warn)}
details.tree{margin-left:1rem}details.tree>summary{cursor:pointer;padding:2px 0}
ul.plain{list-style:none;padding-left:0}
.downloads a{display:inline-block;margin:4px 10px 4px 0}
footer{max-width:1200px;margin:20px auto;padding:10px 16px;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
svg text{font-family:inherit}
`

const SORT_JS = `
// Sorts a table by a column when its header button is pressed; the page works without this.
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead ? table.tHead.rows[0].cells : [];
  Array.prototype.forEach.call(heads, function (th, col) {
    var b = document.createElement('button'); b.type = 'button'; b.className = 'sort';
    b.textContent = th.textContent; th.textContent = ''; th.appendChild(b);
    b.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort') });
      th.setAttribute('aria-sort', dir);
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      function key(r) { var c = r.cells[col]; var v = c.getAttribute('data-sort'); return v === null ? c.textContent.trim() : v }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'vi');
        return dir === 'ascending' ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r) });
    });
  });
});
`

/** The files under `/dashboard/`, by path. */
export const DASHBOARD_ASSETS: Readonly<Record<string, { body: string; type: string }>> = {
  '/dashboard/app.css': { body: CSS, type: 'text/css; charset=utf-8' },
  '/dashboard/sort.js': { body: SORT_JS, type: 'text/javascript; charset=utf-8' },
}
