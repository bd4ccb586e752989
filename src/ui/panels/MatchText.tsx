// Text with the search query marked wherever it occurs, compared the way the domain's search compares
// (foldForSearch: NFKC, lower case), so "TIMEOUT", "timeout" and full-width "ｔｉｍｅｏｕｔ" are all marked.
import { Fragment } from 'react';
import { foldForSearch } from '../../domain';

export function MatchText({ text, query }: { text: string; query: string }) {
  const needle = foldForSearch(query).trim();
  const folded = foldForSearch(text);
  // Folding can change a string's length (İ → i̇); then positions in the folded text are not positions in the
  // text shown, and nothing is marked rather than the wrong letters.
  if (!needle || folded.length !== text.length) return <>{text}</>;
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return (
    <>
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-px text-inherit" data-testid="search-mark">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
