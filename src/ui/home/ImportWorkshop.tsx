import { useRef, useState } from 'react';
import { ApiError, importWorkshop, type CreatedWorkshop } from '../../sync/api';
import { IssueList } from './IssueList';

/** Import an exported workshop file (this app's exchange JSON or the original server's export) as a new workshop. */
export function ImportWorkshop({ onImported }: { onImported: (created: CreatedWorkshop) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function read(file: File) {
    setError(null);
    setBusy(true);
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, 'invalid', `“${file.name}” is not a JSON file.`);
      }
      onImported(await importWorkshop(document));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
      setBusy(false);
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="flex flex-col gap-3 text-sm text-slate-600">
      <p>An exported EventStorm JSON file becomes a new workshop; nothing is created unless the whole file is valid.</p>
      <label className="btn-secondary w-fit cursor-pointer">
        {busy ? 'Importing…' : 'Choose a JSON file…'}
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          data-testid="import-file"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void read(file);
          }}
        />
      </label>
      {error && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800" data-testid="import-error">
          {error.message}
          <IssueList issues={error.issues} />
        </div>
      )}
    </div>
  );
}
