// Home: start a workshop, reopen one this browser has opened, import an exported file, or open a shared link.
import { useState } from 'react';
import { boardHref } from '../../state/boardLink';
import { browserStorage, forgetWorkshop, loadRecent, rememberWorkshop, type RecentWorkshop } from '../../state/recentWorkshops';
import type { CreatedWorkshop } from '../../sync/api';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { ImportWorkshop } from './ImportWorkshop';
import { OpenLinkForm } from './OpenLinkForm';
import { RecentWorkshopList } from './RecentWorkshopList';

/** Remember a workshop the server just made, then open its board. */
export function openCreated(created: CreatedWorkshop): void {
  rememberWorkshop(browserStorage(), {
    workshopId: created.workshop_id,
    name: created.name,
    secret: created.edit_key,
    access: 'edit',
    viewSecret: created.view_key,
  });
  window.location.assign(boardHref({ workshopId: created.workshop_id, secret: created.edit_key, access: 'edit' }));
}

export function HomePage() {
  const [recent, setRecent] = useState<RecentWorkshop[]>(() => loadRecent(browserStorage()));

  return (
    <main className="min-h-screen bg-slate-50" data-testid="home">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-6 py-4">
          <Logo />
          <div>
            <h1 className="text-xl font-semibold text-slate-900">EventStorm</h1>
            <p className="text-sm text-slate-500">Collaborative Event Storming: stickies on a timeline, shared live.</p>
          </div>
        </div>
      </header>
      <div className="mx-auto grid max-w-5xl gap-6 px-6 py-8 md:grid-cols-[3fr_2fr]">
        <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold text-slate-900">Start a workshop</h2>
          <CreateWorkshopForm onCreated={openCreated} />
        </section>
        <div className="flex flex-col gap-6">
          <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="mb-3 text-lg font-semibold text-slate-900">Open a shared link</h2>
            <OpenLinkForm />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="mb-3 text-lg font-semibold text-slate-900">Import a workshop</h2>
            <ImportWorkshop onImported={openCreated} />
          </section>
        </div>
        <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm md:col-span-2">
          <h2 className="mb-3 text-lg font-semibold text-slate-900">Your workshops</h2>
          <RecentWorkshopList recent={recent} onForget={(id) => setRecent(forgetWorkshop(browserStorage(), id))} />
        </section>
      </div>
    </main>
  );
}

export function Logo({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 36 36" aria-hidden="true">
      <rect x="2" y="8" width="14" height="12" rx="2" fill="#fb923c" />
      <rect x="12" y="4" width="14" height="12" rx="2" fill="#60a5fa" opacity="0.9" />
      <rect x="18" y="18" width="14" height="12" rx="2" fill="#c4b5fd" opacity="0.95" />
    </svg>
  );
}
