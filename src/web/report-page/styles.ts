// The report page's stylesheet, served from /assets/report.css. Everything fits a phone's width: the
// charts scale, and only the wide tables scroll inside their own box.
export const REPORT_STYLESHEET_PATH = '/assets/report.css';

export const REPORT_STYLESHEET = `
:root{--ink:#1c2430;--muted:#4a5565;--line:#d5dbe3;--bg:#f5f7fa;--card:#fff;--accent:#0b57d0;--up:#146c2e;--down:#a3261b}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip-link:focus{left:1rem}
main{max-width:64rem;margin:0 auto;padding:1rem}
.brand{font-weight:700;color:var(--muted);font-size:.9rem;margin:0}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.meta{color:var(--muted);margin:.25rem 0}
form.range{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.75rem;margin:1rem 0}
form.range label{display:flex;flex-direction:column;font-size:.9rem;color:var(--muted);min-width:0;max-width:100%}
form.range input,form.range select{font:inherit;padding:.35rem;border:1px solid var(--line);border-radius:.35rem;max-width:100%}
form.range button{font:inherit;padding:.4rem 1rem;border:0;border-radius:.35rem;background:var(--accent);color:#fff}
.notice{border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0;border:1px solid #f1b8b2;background:#fdecea}
dl.headline{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem;margin:1rem 0}
dl.headline div{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.75rem}
dl.headline dt{font-size:.85rem;color:var(--muted)}
dl.headline dd{margin:.15rem 0 0;font-size:1.4rem;font-weight:650}
dl.headline .was{display:block;font-size:.8rem;font-weight:400;color:var(--muted)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr));gap:1rem}
figure.chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.75rem;min-width:0}
figure.chart figcaption{font-weight:600;margin-bottom:.25rem}
figure.chart>svg{display:block;width:100%;height:auto}
ul.legend{list-style:none;padding:0;margin:.25rem 0 0;display:flex;flex-wrap:wrap;gap:.75rem;font-size:.85rem}
ul.legend svg{vertical-align:-1px;margin-right:.3rem}
.table-box{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
td.small{color:var(--muted);font-style:italic}
.assumption{font-size:.85rem;color:var(--muted)}
ul.exports{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:0;list-style:none}
`;
