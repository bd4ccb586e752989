import { Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { isEventStormError, parseWorkshopDocument } from '../../domain';
import { ApiError, importWorkshop, type CreatedWorkshop } from '../../sync/api';
import { useFileDrop } from './fileDrop';
import { IssueList } from './IssueList';

/**
 * The file's JSON, checked here first with the same validation the server runs, so a bad file is refused at once
 * with every problem and its path, and no request is made; the server checks again before it creates anything.
 */
function checkedDocument(fileName: string, text: string): unknown {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    document = text; // the domain's reader says where the JSON breaks
  }
  try {
    parseWorkshopDocument(document);
  } catch (e) {
    if (!isEventStormError(e)) throw e;
    const message = typeof document === 'string' ? `“${fileName}” is not a JSON file. ${e.message}` : `“${fileName}”: ${e.message}`;
    throw new ApiError(400, e.code, message, e.issues);
  }
  return document;
}

/** Import an exported workshop file (this app's exchange JSON or the original server's export) as a new workshop. */
export function ImportWorkshop({ onImported }: { onImported: (created: CreatedWorkshop) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function read(file: File) {
    setError(null);
    setBusy(true);
    try {
      const document = checkedDocument(file.name, await file.text());
      onImported(await importWorkshop(document));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
      setBusy(false);
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  // A file dropped anywhere on the home page is imported, as if picked.
  const dragging = useFileDrop((file) => {
    if (!busy) void read(file);
  });

  return (
    <div className="flex flex-col gap-3 text-sm text-slate-600" data-testid="import-workshop">
      <p>
        An exported EventStorm JSON file becomes a new workshop; nothing is created unless the whole file is valid. Pick it, or drop it
        anywhere on this page.
      </p>
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
      {dragging && (
        <div
          className="pointer-events-none fixed inset-3 z-50 flex items-center justify-center rounded-2xl border-4 border-dashed border-blue-500 bg-blue-50/85"
          data-testid="import-drop-overlay"
        >
          <div className="flex flex-col items-center gap-2 text-blue-800">
            <Upload size={36} />
            <p className="text-lg font-semibold">Drop the file to import it as a new workshop</p>
            <p className="text-sm">An EventStorm JSON export, or an export of the original server</p>
          </div>
        </div>
      )}
      {error && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800" data-testid="import-error">
          {error.message}
          <IssueList issues={error.issues} />
        </div>
      )}
    </div>
  );
}
