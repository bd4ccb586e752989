import { useState, type FormEvent } from 'react';
import { ApiError, createWorkshop, type CreatedWorkshop } from '../../sync/api';
import { IssueList } from './IssueList';

export function CreateWorkshopForm({ onCreated }: { onCreated: (created: CreatedWorkshop) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const created = await createWorkshop({
        name: text('name'),
        description: text('description'),
        domain: text('domain'),
        facilitators: text('facilitators').split(',').map((f) => f.trim()).filter(Boolean),
      });
      onCreated(created);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
      setBusy(false);
    }
  }

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} data-testid="create-workshop-form">
      <Field label="Name" hint="What the workshop models, e.g. “Online shop: from order to delivery”.">
        <input name="name" required maxLength={200} className="input" placeholder="E-commerce order management" data-testid="create-name" autoFocus />
      </Field>
      <Field label="Description">
        <textarea name="description" rows={3} maxLength={5000} className="input" placeholder="The scope, the question to answer" data-testid="create-description" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Domain">
          <input name="domain" maxLength={200} className="input" placeholder="E-commerce" data-testid="create-domain" />
        </Field>
        <Field label="Facilitators" hint="Comma-separated.">
          <input name="facilitators" className="input" placeholder="Kim, Lee" data-testid="create-facilitators" />
        </Field>
      </div>
      {error && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="create-error">
          {error.message}
          <IssueList issues={error.issues} />
        </div>
      )}
      <div>
        <button type="submit" className="btn-primary" disabled={busy} data-testid="create-submit">
          {busy ? 'Creating…' : 'Create workshop and open the board'}
        </button>
      </div>
    </form>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      {children}
      {hint && <span className="text-xs font-normal text-slate-500">{hint}</span>}
    </label>
  );
}
