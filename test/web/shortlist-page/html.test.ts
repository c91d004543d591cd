import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Html } from '../../../src/web/shortlist-page/html.ts';

describe('the html template helper', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const evil = '<script>alert("x")</script> & \'quoted\' `tick`';
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &#96;tick&#96;">'
      + '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &#96;tick&#96;</p>',
    );
    expect(out).not.toContain('<script>');
  });

  it('keeps markup built by itself, joins arrays, and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('escapes strings nested in arrays, and cannot be fooled by look-alike objects', () => {
    expect(html`${['<i>', html`<b>`]}`.value).toBe('&lt;i&gt;<b>');
    const fake = { value: '<img src=x onerror=alert(1)>' } as unknown as string;
    expect(html`${fake}`.value).toBe('[object Object]');
    expect(new Html('<b>').toString()).toBe('<b>');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
