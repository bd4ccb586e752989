import { useState, type FormEvent } from 'react';
import { boardHref, parsePastedLink } from '../../state/boardLink';

export function OpenLinkForm() {
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('link') ?? '');
    const link = parsePastedLink(text, window.location.origin);
    if (!link) {
      setError('That is not a board link: it looks like …/w/<workshop>#key=… or …#view=…');
      return;
    }
    window.location.assign(boardHref(link));
  }

  return (
    <form className="flex flex-col gap-2" onSubmit={submit}>
      <div className="flex gap-2">
        <input name="link" className="input flex-1" placeholder="Paste a board link" aria-label="Board link" data-testid="open-link-input" />
        <button type="submit" className="btn-secondary" data-testid="open-link-submit">
          Open
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="open-link-error">
          {error}
        </p>
      )}
    </form>
  );
}
