// Asked once per browser: the name others see beside your cursor and in the list of who is here. It sits at the
// top of the side panel, never over the board: the board works while it is open, and closing it keeps the
// friendly default.
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
    <section className="border-b border-blue-100 bg-blue-50/70 px-4 py-3" data-testid="name-prompt" aria-label="Your name">
      <div className="mb-2 flex items-start justify-between gap-2">
        <p className="text-sm font-semibold text-slate-800">What should others call you?</p>
        <button
          type="button"
          className="text-slate-400 hover:text-slate-700"
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
      </div>
      <NameForm onDone={() => setOpen(false)} autoFocus={false} />
      <p className="mt-2 text-xs text-slate-500">Shown beside your cursor and in the list of who is here. Change it any time from your initials at the top.</p>
    </section>
  );
}
