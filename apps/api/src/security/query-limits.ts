import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 1000;
/** Aliased fields per operation: the admin app uses none; a few are normal for API clients, hundreds are an attack. */
export const MAX_ALIASES = 20;
/** The largest cost an operation may have (see measureCost); the admin's heaviest query, the stuck-case list with each case's history, costs about 14 000. */
export const MAX_QUERY_COST = 25_000;
/** What an unpaged list field counts for: lists are scoped per caller, but may hold this many rows. */
export const DEFAULT_LIST_SIZE = 50;
/** The arguments that set a page size. */
export const PAGE_SIZE_ARGS = ['first', 'last', 'limit', 'pageSize'];

/**
 * Tokens per document (graphql-js `parse` option `maxTokens`, set in app.module.ts): the parser stops there, so an
 * oversized document (such as hundreds of aliased copies of a list) costs no validation. 1000 fields fit.
 */
export const MAX_QUERY_TOKENS = 3000;

/** The code of every refusal by these limits (HTTP 400, nothing executed). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** graphql-js's parse error for a document over `maxTokens` ("Document contains more that N tokens"). */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more th(?:an|at) \d+ tokens/.test(message);
}

/** The Dutch and English message of a document over the token limit. */
export const TOKEN_LIMIT_MESSAGE = {
  nl: `De aanvraag is te groot (meer dan ${MAX_QUERY_TOKENS} onderdelen); vraag minder velden op`,
  en: `The query is too large (more than ${MAX_QUERY_TOKENS} tokens); select fewer fields`,
};

/** A refusal; `http` for errors thrown from a plugin (validation errors are 400 already). */
function limitError(nl: string, en: string, http = false): GraphQLError {
  return new GraphQLError(nl, { extensions: { code: QUERY_TOO_COMPLEX, messageEn: en, ...(http ? { http: { status: 400 } } : {}) } });
}

/**
 * Depth and complexity of an operation: depth is the deepest field nesting, complexity the number
 * of fields selected (fragments expanded, each field counted once per place it is selected), aliases
 * the number of fields selected under another name.
 * Introspection fields (`__schema`, `__type`) are not counted: introspection is off in production.
 */
export function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth = 1,
  seen: Set<string> = new Set(),
): { depth: number; complexity: number; aliases: number } {
  let maxDepth = depth - 1;
  let complexity = 0;
  let aliases = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      complexity += 1;
      if (sel.alias && sel.alias.value !== sel.name.value) aliases += 1;
      maxDepth = Math.max(maxDepth, depth);
      if (sel.selectionSet) {
        const inner = measure(sel.selectionSet, fragments, depth + 1, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        complexity += inner.complexity;
        aliases += inner.aliases;
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(sel.selectionSet, fragments, depth, seen);
      maxDepth = Math.max(maxDepth, inner.depth);
      complexity += inner.complexity;
      aliases += inner.aliases;
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // unknown or cyclic: graphql's own rules report it
      const inner = measure(fragment.selectionSet, fragments, depth, new Set([...seen, name]));
      maxDepth = Math.max(maxDepth, inner.depth);
      complexity += inner.complexity;
      aliases += inner.aliases;
    }
  }
  return { depth: maxDepth, complexity, aliases };
}

/** Validation rule: refuses an operation deeper than `maxDepth`, with more than `maxComplexity` fields or more than `maxAliases` aliases. */
export function queryLimitsRule(maxDepth = MAX_QUERY_DEPTH, maxComplexity = MAX_QUERY_COMPLEXITY, maxAliases = MAX_ALIASES) {
  return (context: ValidationContext): ASTVisitor => {
    const doc = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return {
      OperationDefinition(node) {
        const { depth, complexity, aliases } = measure(node.selectionSet, fragments);
        if (aliases > maxAliases) {
          context.reportError(limitError(`De aanvraag gebruikt te veel aliassen (${aliases}, maximaal ${maxAliases})`, `The query uses too many aliases (${aliases}, at most ${maxAliases})`));
        }
        if (depth > maxDepth) {
          context.reportError(limitError(`De aanvraag is te diep genest (${depth}, maximaal ${maxDepth})`, `The query is nested too deeply (${depth}, at most ${maxDepth})`));
        }
        if (complexity > maxComplexity) {
          context.reportError(limitError(`De aanvraag vraagt te veel velden op (${complexity}, maximaal ${maxComplexity})`, `The query selects too many fields (${complexity}, at most ${maxComplexity})`));
        }
      },
    };
  };
}

/**
 * The cost of an operation: every field costs 1 plus the cost of its selection times how many objects it returns. A
 * field with a page-size argument (`first`, `last`, `limit`, `pageSize`; a literal or a variable's value) returns that
 * many (a paged object such as `zorgplichtClocks(limit:) { clocks }` hands its page size to the lists right below it);
 * any other list field counts {@link DEFAULT_LIST_SIZE}. So `cases { id }` costs 51, and 499 aliased copies of it cost
 * 25 449. Introspection fields are not counted.
 */
export function measureCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const pageSizeOf = (args: readonly { name: { value: string }; value: ValueNode }[] | undefined): number | null => {
    for (const arg of args ?? []) {
      if (!PAGE_SIZE_ARGS.includes(arg.name.value)) continue;
      const raw = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : null;
      if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) return Math.ceil(raw);
    }
    return null;
  };
  const cost = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, inheritedPage: number | null, seen: Set<string>): number => {
    let total = 0;
    for (const sel of selectionSet.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const def = parent.getFields()[sel.name.value];
        if (!def) continue; // unknown field: graphql's own validation refuses it
        const page = pageSizeOf(sel.arguments);
        const list = isListType(getNullableType(def.type));
        const named = getNamedType(def.type);
        if (!sel.selectionSet || !isObjectType(named)) {
          total += 1;
          continue;
        }
        // A list returns its own page size, else its paged parent's, else the default; a paged object hands its page size down.
        const times = list ? (page ?? inheritedPage ?? DEFAULT_LIST_SIZE) : 1;
        total += 1 + times * cost(sel.selectionSet, named, list ? null : page, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type && isObjectType(type)) total += cost(sel.selectionSet, type, inheritedPage, seen);
      } else {
        const fragment = fragments[sel.name.value];
        if (!fragment || seen.has(sel.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isObjectType(type)) total += cost(fragment.selectionSet, type, inheritedPage, new Set([...seen, sel.name.value]));
      }
    }
    return total;
  };
  return cost(operation.selectionSet, root, null, new Set());
}

/** The operation of a document that a request runs (by name, or the only one). */
function operationOf(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? ops.find((o) => o.name?.value === name) : ops.length === 1 ? ops[0] : undefined;
}

/**
 * Apollo plugin: refuses an operation whose cost (measureCost, with the request's variables) is over `maxCost` with
 * QUERY_TOO_COMPLEX (HTTP 400) before anything is executed.
 */
export function queryCostPlugin(maxCost = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const operation = operationOf(document, request.operationName);
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const total = measureCost(schema, operation, fragments, request.variables ?? {});
          if (total > maxCost) {
            throw limitError(`De aanvraag is te zwaar (kosten ${total}, maximaal ${maxCost}); vraag minder lijsten of kleinere pagina's op`, `The query is too expensive (cost ${total}, at most ${maxCost}); ask for fewer lists or smaller pages`, true);
          }
        },
      };
    },
  };
}
