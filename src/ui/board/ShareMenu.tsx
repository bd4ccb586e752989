// Share: the edit link (anyone with it can change the board) and the view link (look only), each one click to copy.
import { Check, Copy, Share2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { boardHref } from '../../state/boardLink';
import { browserStorage, loadRecent } from '../../state/recentWorkshops';
import { fetchWorkshop } from '../../sync/api';
import { useSession } from './sessionContext';
import { useDismiss } from './useDismiss';

export function ShareMenu() {
  const { link } = useSession();
  const [open, setOpen] = useState(false);
  const [viewSecret, setViewSecret] = useState<string | null>(() =>
    link.access === 'view' ? link.secret : (loadRecent(browserStorage()).find((r) => r.workshopId === link.workshopId)?.viewSecret ?? null),
  );
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    if (!open || viewSecret) return;
    // Editors may learn the view secret from the server when this browser did not create the workshop.
    fetchWorkshop(link.workshopId, link.secret)
      .then((info) => {
        const fromUrl = info.view_url ? new URL(info.view_url, window.location.origin).hash.match(/view=([^&]+)/)?.[1] : undefined;
        const secret = info.view_key ?? (fromUrl ? decodeURIComponent(fromUrl) : undefined);
        if (secret) setViewSecret(secret);
      })
      .catch(() => undefined);
  }, [open, viewSecret, link]);

  useDismiss(open, panel, close);

  const origin = window.location.origin;
  const editLink = link.access === 'edit' ? origin + boardHref(link) : null;
  const viewLink = viewSecret ? origin + boardHref({ workshopId: link.workshopId, secret: viewSecret, access: 'view' }) : null;

  return (
    <div className="relative" ref={panel}>
      <button type="button" className="btn-primary !py-1.5" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="share-button">
        <Share2 size={16} /> Share
      </button>
      {open && (
        <div className="absolute right-0 top-10 z-30 w-[26rem] rounded-lg border border-slate-200 bg-white p-4 shadow-xl" data-testid="share-menu">
          {editLink && <LinkRow label="Edit link" note="Anyone with this link can change the board." url={editLink} testId="share-edit-link" />}
          {viewLink ? (
            <LinkRow label="View link" note="Look only: the board, live, without changing it." url={viewLink} testId="share-view-link" />
          ) : (
            <p className="text-xs text-slate-500">The view link is known to whoever created the workshop.</p>
          )}
        </div>
      )}
    </div>
  );
}

function LinkRow({ label, note, url, testId }: { label: string; note: string; url: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mb-3 last:mb-0">
      <div className="mb-1 text-sm font-semibold text-slate-800">{label}</div>
      <div className="flex gap-2">
        <input readOnly value={url} className="input-sm flex-1 font-mono text-xs" data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn-secondary !px-2 !py-1"
          data-testid={`${testId}-copy`}
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
        >
          {copied ? <Check size={14} /> : <Copy size={14} />} {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-500">{note}</p>
    </div>
  );
}
