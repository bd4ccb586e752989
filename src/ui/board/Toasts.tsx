import { X } from 'lucide-react';
import { useEffect } from 'react';
import { dismissToast, type Toast } from '../../state/boardStore';
import { useBoard, useSession } from './sessionContext';

/** Refused operations and notices, bottom centre; each goes away after a few seconds or when dismissed. */
export function Toasts() {
  const toasts = useBoard((s) => s.toasts);
  return (
    <div className="pointer-events-none fixed bottom-6 left-1/2 z-50 flex -translate-x-1/2 flex-col items-center gap-2" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { store } = useSession();
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(store, toast.id), toast.tone === 'error' ? 7000 : 4000);
    return () => clearTimeout(timer);
  }, [store, toast]);
  return (
    <div
      role={toast.tone === 'error' ? 'alert' : 'status'}
      className={`pointer-events-auto flex max-w-xl items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ${
        toast.tone === 'error' ? 'bg-red-700 text-white' : 'bg-slate-800 text-white'
      }`}
      data-testid="toast"
      data-tone={toast.tone}
    >
      <span className="flex-1">{toast.message}</span>
      <button type="button" className="opacity-70 hover:opacity-100" aria-label="Dismiss" onClick={() => dismissToast(store, toast.id)}>
        <X size={16} />
      </button>
    </div>
  );
}
