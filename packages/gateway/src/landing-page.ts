/**
 * An offline query page for the endpoint: no CDN, no external URL (government networks and this
 * machine are often offline). A form that posts the query and shows the JSON answer.
 */
export const LANDING_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>chidao GraphQL</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}textarea{width:100%;height:14rem;font:13px monospace}
pre{background:#f4f4f4;padding:1rem;overflow:auto;min-height:6rem}button{font-size:1rem;padding:.4rem 1.2rem}</style></head>
<body><h1>chidao</h1><p>GraphQL endpoint: POST this page's URL with <code>{"query": …}</code>.</p>
<textarea id="q">{
  parseDeadline(text: "Quy 1V/2025 (theo 16 trinh huong dan cua Van phong Trung uong Dang)") { kind dueDate effectiveDueDate condition normalized }
  document(symbol: "01-KH/BCĐ") { symbol title issuedOn issuer { name } tasks(first: 3) { edges { node { code timePhrase effectiveDeadline { dueDate } } } } }
}</textarea>
<p>Variables (JSON): <input id="v" style="width:60%" value="{}"> <button id="run">Run</button></p>
<pre id="out"></pre>
<script>
document.getElementById('run').onclick = async () => {
  const out = document.getElementById('out')
  out.textContent = '…'
  const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.getElementById('q').value, variables: JSON.parse(document.getElementById('v').value || '{}') }) })
  out.textContent = JSON.stringify(await res.json(), null, 2)
}
</script></body></html>`
