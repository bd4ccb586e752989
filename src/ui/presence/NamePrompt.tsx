// Asked once per browser: the name others see beside your cursor and in the list of who is here. A slim strip under
// the top bar, never over the board (which takes the width: the side panel is folded when a board opens): the
// board works while it is open, and closing it keeps the friendly default.
import { X } from 'lucide-react';
import { useState } from 'react';
import { useSession } from '../board/sessionContext';
import { NameForm } from './NameForm';
import { usePresence } from './usePresence';

export function NamePrompt() {
  const { presence } = useSession();
  const named = usePresence((s) => s.named);
  const [open, setOpen] = useState(true);
  if (!presence || named || !open) return null;
  return (
    <section className="flex shrink-0 items-center gap-3 border-b border-blue-100 bg-blue-50 px-4 py-1.5" data-testid="name-prompt" aria-label="Your name">
      <p className="shrink-0 text-sm font-semibold text-slate-800">What should others call you?</p>
      <div className="w-72">
        <NameForm onDone={() => setOpen(false)} autoFocus={false} />
      </div>
      <p className="min-w-0 truncate text-xs text-slate-500">Shown beside your cursor and in the list of who is here; change it any time from your initials at the top.</p>
      <button
        type="button"
        className="ml-auto shrink-0 text-slate-400 hover:text-slate-700"
        aria-label="Keep this name"
        title="Keep this name"
        onClick={() => {
          presence.acceptName();
          setOpen(false);
        }}
        data-testid="name-prompt-close"
      >
        <X size={16} />
      </button>
    </section>
  );
}
