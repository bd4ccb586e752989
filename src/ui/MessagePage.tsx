import type { ReactNode } from 'react';

export function MessagePage({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 p-8" data-testid={testId}>
      <div className="max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-3 text-xl font-semibold text-slate-900">{title}</h1>
        <div className="text-slate-600">{children}</div>
        <a className="mt-6 inline-block font-medium text-blue-700 hover:underline" href="/">
          ← Back to EventStorm home
        </a>
      </div>
    </main>
  );
}
