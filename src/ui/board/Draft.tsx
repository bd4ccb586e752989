// Text fields that edit one field of the document: the draft follows the document until the person starts
// typing, and is written once, when they leave the field or press Enter.
import { useEffect, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

function useDraft(value: string) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditingField] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  return { draft, setDraft, editing, setEditingField };
}

interface CommitProps {
  value: string;
  /** Write the new value; answer false when it was refused (the field then shows the document's value again). */
  onCommit: (value: string) => boolean;
}

export function DraftInput({ value, onCommit, ...rest }: CommitProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const { draft, setDraft, setEditingField } = useDraft(value);
  const commit = () => {
    setEditingField(false);
    if (draft !== value && !onCommit(draft)) setDraft(value);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => {
        setEditingField(true);
        setDraft(e.target.value);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          setEditingField(false);
          setDraft(value);
        }
      }}
    />
  );
}

export function DraftTextarea({ value, onCommit, ...rest }: CommitProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>) {
  const { draft, setDraft, setEditingField } = useDraft(value);
  const commit = () => {
    setEditingField(false);
    if (draft !== value && !onCommit(draft)) setDraft(value);
  };
  return (
    <textarea
      {...rest}
      value={draft}
      onChange={(e) => {
        setEditingField(true);
        setDraft(e.target.value);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commit();
        if (e.key === 'Escape') {
          setEditingField(false);
          setDraft(value);
        }
      }}
    />
  );
}
