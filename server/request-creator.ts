// Who is asking, for the doors whose calls reach Workshops through code that does not pass it along (the MCP SDK
// runs a tool well inside its own stack). The MCP route runs each request inside `asCreator(address, …)`, so a
// workshop an assistant creates or imports counts against that address like one made through REST.
import { AsyncLocalStorage } from 'node:async_hooks';

const creator = new AsyncLocalStorage<string>();

export function asCreator<T>(address: string, fn: () => T): T {
  return creator.run(address, fn);
}

/** The address of the request being served, when a door said so. */
export function currentCreator(): string | undefined {
  return creator.getStore();
}
