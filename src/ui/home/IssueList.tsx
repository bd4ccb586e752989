import type { IssueDetail } from '../../domain';

/** Every problem of a refused file or form, each with where it is. */
export function IssueList({ issues }: { issues: readonly IssueDetail[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="mt-2 max-h-64 list-disc overflow-auto pl-5" data-testid="issue-list">
      {issues.map((issue, i) => (
        <li key={i} data-testid="issue">
          {issue.path ? <code className="mr-1 rounded bg-red-100 px-1 font-mono text-xs">{issue.path}</code> : null}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
