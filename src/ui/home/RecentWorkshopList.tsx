import { X } from 'lucide-react';
import { boardHref } from '../../state/boardLink';
import type { RecentWorkshop } from '../../state/recentWorkshops';

export function RecentWorkshopList({ recent, onForget }: { recent: readonly RecentWorkshop[]; onForget: (id: string) => void }) {
  if (recent.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="recent-empty">
        The workshops you create or open in this browser appear here.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid="recent-workshops">
      {recent.map((r) => (
        <li key={r.workshopId} className="flex items-center gap-3 py-2" data-testid="recent-workshop" data-workshop-id={r.workshopId}>
          <a className="flex-1 truncate font-medium text-blue-700 hover:underline" href={boardHref({ workshopId: r.workshopId, secret: r.secret, access: r.access })}>
            {r.name}
          </a>
          {r.access === 'view' && <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">view only</span>}
          <time className="text-xs text-slate-500" dateTime={r.openedAt}>
            {new Date(r.openedAt).toLocaleString()}
          </time>
          <button
            type="button"
            className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            title="Remove from this list (the workshop itself stays)"
            aria-label={`Remove ${r.name} from this list`}
            onClick={() => onForget(r.workshopId)}
          >
            <X size={16} />
          </button>
        </li>
      ))}
    </ul>
  );
}
