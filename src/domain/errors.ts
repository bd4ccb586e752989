// The one error type every layer speaks: REST maps the code to a 4xx, MCP to an isError result, the UI to a toast.

export type ErrorCode = 'not_found' | 'invalid' | 'conflict';

export interface IssueDetail {
  /** Where the problem is, as a dotted path ("elements.3.type"); empty for the whole input. */
  path: string;
  message: string;
}

export class EventStormError extends Error {
  readonly code: ErrorCode;
  readonly issues: IssueDetail[];

  constructor(code: ErrorCode, message: string, issues: IssueDetail[] = []) {
    super(message);
    this.name = 'EventStormError';
    this.code = code;
    this.issues = issues;
  }
}

export function notFound(what: string, id: string): EventStormError {
  return new EventStormError('not_found', `No ${what} with id "${id}" in this workshop.`, [{ path: '', message: `unknown ${what} id ${id}` }]);
}

export function isEventStormError(value: unknown): value is EventStormError {
  return value instanceof EventStormError;
}
