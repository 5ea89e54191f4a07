// The explorer's only way to the data: the public GraphQL endpoint of the origin it was served from.

/** A GraphQL request, kept so the view can show it ("Copy the GraphQL query", "Open in GraphiQL"). */
export interface GraphQLQuery {
  query: string;
  variables: Record<string, unknown>;
}

/** A GraphQL error as the server reports it. */
export interface GraphQLErrorInfo {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A request that failed: the HTTP status (0 when the network failed) and the server's errors, if any. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorInfo[] = [],
  ) {
    super(message);
  }
}

export const ENDPOINT = '/graphql';

/**
 * Runs a query and returns its data. Errors in the response (even with partial data) fail the call with every
 * message, so no view shows half an answer as if it were whole.
 */
export async function gql<T>(request: GraphQLQuery, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new GraphQLRequestError(`the API could not be reached: ${(e as Error).message}`, 0);
  }
  let body: { data?: T | null; errors?: GraphQLErrorInfo[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`the API answered ${response.status} without a GraphQL response`, response.status);
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), response.status, body.errors);
  }
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(`the API answered ${response.status} with no data`, response.status);
  }
  return body.data;
}

/** The GraphiQL address that opens with this query and its variables in the editor. */
export function graphiqlUrl(request: GraphQLQuery): string {
  const hash = new URLSearchParams({ query: request.query, variables: JSON.stringify(request.variables, null, 2) });
  return `${ENDPOINT}#${hash.toString()}`;
}

/** The request as text: the document, then its variables (what "Copy the GraphQL query" puts on the clipboard). */
export function queryText(request: GraphQLQuery): string {
  return `${request.query.trim()}\n\n# variables\n${JSON.stringify(request.variables, null, 2)}\n`;
}
