// "What should others call you?": one field, prefilled with the current name, Enter saves, Escape closes.
import { useEffect, useRef, useState } from 'react';
import { MAX_NAME_LENGTH, cleanName } from '../../sync/awareness';
import { useSession } from '../board/sessionContext';
import { usePresence } from './usePresence';

export function NameForm({ onDone, autoFocus = true }: { onDone: () => void; autoFocus?: boolean }) {
  const { presence } = useSession();
  const name = usePresence((s) => s.self.name);
  const [draft, setDraft] = useState(name);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!autoFocus) return;
    input.current?.focus({ preventScroll: true });
    input.current?.select();
  }, [autoFocus]);

  const save = () => {
    presence?.rename(cleanName(draft) || name);
    onDone();
  };

  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <input
        ref={input}
        className="input-sm min-w-0 flex-1"
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        aria-label="Your name"
        placeholder="Your name"
        data-testid="name-input"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onDone();
        }}
      />
      <button type="submit" className="btn-primary !px-3 !py-1 text-sm" data-testid="name-save">
        Save
      </button>
    </form>
  );
}
