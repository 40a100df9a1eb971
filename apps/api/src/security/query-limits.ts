import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 1000;

function limitError(nl: string, en: string): GraphQLError {
  return new GraphQLError(nl, { extensions: { code: 'BAD_USER_INPUT', messageEn: en } });
}

/**
 * Depth and complexity of an operation: depth is the deepest field nesting, complexity the number
 * of fields selected (fragments expanded, each field counted once per place it is selected).
 * Introspection fields (`__schema`, `__type`) are not counted: introspection is off in production.
 */
export function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth = 1, seen: Set<string> = new Set()): { depth: number; complexity: number } {
  let maxDepth = depth - 1;
  let complexity = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      complexity += 1;
      maxDepth = Math.max(maxDepth, depth);
      if (sel.selectionSet) {
        const inner = measure(sel.selectionSet, fragments, depth + 1, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        complexity += inner.complexity;
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(sel.selectionSet, fragments, depth, seen);
      maxDepth = Math.max(maxDepth, inner.depth);
      complexity += inner.complexity;
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // unknown or cyclic: graphql's own rules report it
      const inner = measure(fragment.selectionSet, fragments, depth, new Set([...seen, name]));
      maxDepth = Math.max(maxDepth, inner.depth);
      complexity += inner.complexity;
    }
  }
  return { depth: maxDepth, complexity };
}

/** Validation rule: refuses an operation deeper than `maxDepth` or with more than `maxComplexity` fields. */
export function queryLimitsRule(maxDepth = MAX_QUERY_DEPTH, maxComplexity = MAX_QUERY_COMPLEXITY) {
  return (context: ValidationContext): ASTVisitor => {
    const doc = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return {
      OperationDefinition(node) {
        const { depth, complexity } = measure(node.selectionSet, fragments);
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
