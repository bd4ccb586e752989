// Text fields that edit one field of the document: the field shows the document's value until the person starts
// typing, and their draft is written once, when they leave the field or press Enter. No effect copies the value
// into state: `draft` is null while the person is not typing, and the field shows the document.
import { useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

function useDraft(value: string, onCommit: (value: string) => boolean) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    // A refused write needs nothing more: with the draft dropped the field shows the document's value again.
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return { shown: draft ?? value, setDraft, commit, cancel: () => setDraft(null) };
}

interface CommitProps {
  value: string;
  /** Write the new value; answer false when it was refused (the field then shows the document's value again). */
  onCommit: (value: string) => boolean;
}

export function DraftInput({ value, onCommit, ...rest }: CommitProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const { shown, setDraft, commit, cancel } = useDraft(value, onCommit);
  return (
    <input
      {...rest}
      value={shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') cancel();
      }}
    />
  );
}

export function DraftTextarea({ value, onCommit, ...rest }: CommitProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>) {
  const { shown, setDraft, commit, cancel } = useDraft(value, onCommit);
  return (
    <textarea
      {...rest}
      value={shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commit();
        if (e.key === 'Escape') cancel();
      }}
    />
  );
}
