// A Zendesk export with what positions can trip on once it is cut into shares (test/shares.test.ts,
// test/concurrency.test.ts): escapes and a surrogate pair in the bodies, `\u` escapes for some
// non-ASCII as some exports write it, CRLF line ends, subjects, HTML bodies, internal notes and
// macros without text.

/** The export's text (with a BOM when asked), and how many of its macros have text to lint. */
export function trickyExport(count: number, { bom = false } = {}): { json: string; withText: number } {
  const macros = Array.from({ length: count }, (_, i) => {
    const subject = i % 3 === 0 ? [{ field: 'subject', value: `Your order \u2014 you forgot number ${i}` }] : [];
    const html = i % 4 === 1 ? [{ field: 'comment_value_html', value: '<p>Hello &amp; welcome,<br>you failed to send the &ldquo;receipt&rdquo;.</p>' }] : [];
    const body = i % 50 === 7 ? [] : [{ field: 'comment_value', value: `Hi \u00e9l\u00e8ve \ud83d\ude00,\n\n"Sorry" for\tthe wait; you didn't read the guide.\r\nPlease check again.` }];
    const internal = i % 50 === 7 ? [{ field: 'comment_mode_is_public', value: false }] : [];
    return { id: i, title: `Caf\u00e9 \u201c${i}\u201d`, texts: subject.length + html.length + body.length, actions: [...subject, ...html, ...body, ...internal] };
  });
  const withText = macros.filter((macro) => macro.texts > 0).length;
  const json = JSON.stringify({ macros: macros.map(({ texts: _counted, ...macro }) => macro) }, null, 2)
    .replace(/\u00e9/g, (c, at: number) => (at % 2 ? '\\u00e9' : c))
    .replace(/\n/g, '\r\n');
  return { json: bom ? `\uFEFF${json}` : json, withText };
}
