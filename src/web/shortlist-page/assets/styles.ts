// The page's one stylesheet, served from /assets/shortlist.css. A module rather than a .css file so
// the compiled dist/ carries it. Colours meet WCAG AA (4.5:1 or better) on their backgrounds.

/** Widths of the score bar in whole percent: CSP forbids inline styles, so each width is a class. */
const BAR_WIDTHS = Array.from({ length: 101 }, (_, i) => `.w-${i}{width:${i}%}`).join('');

export const STYLESHEET = `
:root{--ink:#1c2430;--muted:#4a5565;--line:#d5dbe3;--bg:#f5f7fa;--card:#fff;--accent:#0b57d0;
--ok:#146c2e;--ok-bg:#e6f4ea;--warn:#7a4b00;--warn-bg:#fff4e0;--no:#a3261b;--no-bg:#fdecea;--focus:#0b57d0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip-link:focus{left:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.wrap{max-width:56rem;margin:0 auto;padding:1rem}
.brand{font-weight:700;letter-spacing:.02em;color:var(--muted);font-size:.9rem;margin:0 0 .25rem}
h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.2rem;line-height:1.3;margin:0}
.meta,.who{color:var(--muted);margin:.25rem 0}
.notice{border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0;border:1px solid var(--line);background:var(--card)}
.notice.info{background:#e8f0fe;border-color:#b6cdf7}
.notice.saved{background:var(--ok-bg);border-color:#a8d5b5}
.notice.error{background:var(--no-bg);border-color:#f1b8b2}
ol.candidates{list-style:none;padding:0;margin:1rem 0;display:grid;gap:1rem}
.cand{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem 1.25rem}
.cand.approved{border-left:6px solid var(--ok)}
.cand.maybe{border-left:6px solid var(--warn)}
.cand-head{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.rank{font-weight:700;color:var(--muted);min-width:2.5rem}
.cand-head h2{flex:1 1 12rem}
.band{font-size:.85rem;padding:.1rem .6rem;border-radius:1rem;background:#eef1f5;color:var(--ink)}
.score{display:flex;align-items:center;gap:.75rem;margin:.75rem 0}
.num{font-size:1.6rem;font-weight:700;min-width:3.2rem}
.of{color:var(--muted);font-size:.9rem}
.bar{flex:1;height:.6rem;background:#e3e8ef;border-radius:1rem;overflow:hidden;max-width:22rem}
.fill{display:block;height:100%;background:var(--accent);border-radius:1rem}
.reasons{margin:.5rem 0;padding-left:1.2rem}
.reasons li{margin:.35rem 0}
details{margin:.2rem 0 .4rem}
summary{cursor:pointer;color:var(--accent);font-size:.95rem;font-style:italic}
blockquote{margin:.4rem 0;padding:.6rem .8rem;background:#f3f5f8;border-left:3px solid var(--line);
white-space:pre-wrap;font-size:.95rem;color:var(--muted)}
blockquote mark{background:#fff0b3;color:var(--ink);padding:0 .1rem}
.missing{color:var(--no)}
.small{font-size:.88rem;color:var(--muted)}
.decision{margin:.5rem 0;padding:.4rem .7rem;border-radius:.4rem;background:#eef1f5}
.decision.approve{background:var(--ok-bg);color:var(--ok)}
.decision.maybe{background:var(--warn-bg);color:var(--warn)}
.decision.skip{background:var(--no-bg);color:var(--no)}
form.decide{margin-top:.75rem;border-top:1px solid var(--line);padding-top:.75rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
textarea{width:100%;min-height:3.2rem;font:inherit;padding:.5rem;border:1px solid #8a94a3;border-radius:.4rem;resize:vertical}
.buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem;align-items:center}
button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:.4rem;border:1px solid transparent;cursor:pointer;min-height:44px}
button.approve{background:var(--ok);color:#fff}
button.maybe{background:#fff;color:var(--warn);border-color:var(--warn)}
button.skip{background:#fff;color:var(--no);border-color:var(--no)}
button:hover{filter:brightness(.95)}
.evidence{margin-left:auto;font-size:.95rem}
.reqs-panel{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.75rem 1rem;margin:1rem 0}
.reqs-panel h2{font-size:1.1rem;margin:.2rem 0}
.reqs-panel h3{font-size:1rem;margin:.6rem 0 .2rem}
form.reqs table{width:100%;border-collapse:collapse;margin:.5rem 0}
form.reqs td,form.reqs th{text-align:left;padding:.35rem .25rem;border-bottom:1px solid var(--line);vertical-align:top}
form.reqs td label{margin:0}
form.reqs tr.removed label{text-decoration:line-through;color:var(--muted)}
form.reqs select,form.reqs input[type=text]{font:inherit;padding:.4rem;border:1px solid #8a94a3;border-radius:.4rem;min-height:44px}
form.reqs input[type=text]{width:100%;margin-bottom:.5rem}
form.reqs fieldset{border:1px solid var(--line);border-radius:.5rem;margin:.75rem 0;padding:.5rem .75rem}
button.secondary{background:#fff;color:var(--accent);border-color:var(--accent)}
button.primary{background:var(--accent);color:#fff}
button.danger{background:var(--no);color:#fff}
form.act{margin-top:.5rem}
select.skip-reason{display:block;font:inherit;padding:.4rem;border:1px solid #8a94a3;border-radius:.4rem;margin:.25rem 0 .5rem;background:#fff;max-width:100%}
.pick{width:1.3rem;height:1.3rem;margin:0 .25rem 0 0;accent-color:var(--accent)}
.bulk{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.75rem 1.25rem;margin:1rem 0}
.bulk form+form{margin-top:.5rem;border-top:1px solid var(--line);padding-top:.5rem}
.act-form select{display:block;width:100%;max-width:32rem;font:inherit;padding:.5rem;border:1px solid #8a94a3;border-radius:.4rem;margin-bottom:1rem;background:#fff}
.question{font-size:1.15rem}
.counts{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.counts div{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem;min-width:7rem}
.counts dt{color:var(--muted);font-size:.9rem}
.counts dd{margin:0;font-size:1.6rem;font-weight:700}
.failures li{color:var(--no)}
.past{list-style:none;padding:0}
.past li{padding:.5rem 0;border-bottom:1px solid var(--line)}
footer{margin:2rem 0 1rem;color:var(--muted);font-size:.88rem}
.plain{max-width:36rem;margin:10vh auto;background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.5rem 2rem}
@media (max-width:36rem){.wrap{padding:.75rem}h1{font-size:1.4rem}.cand{padding:.85rem}.evidence{margin-left:0}}
${BAR_WIDTHS}
`;
