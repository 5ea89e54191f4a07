using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Fragments must be used (spec §5.5.1.4): every fragment is reachable from some operation.</summary>
public sealed class NoUnusedFragmentsRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static NoUnusedFragmentsRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(NoUnusedFragmentsRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly List<OperationDefinitionNode> _operations = [];
        private readonly List<FragmentDefinitionNode> _fragments = [];

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            _operations.Add(node);
            return VisitAction.SkipChildren;
        }

        public override VisitAction Enter(FragmentDefinitionNode node)
        {
            _fragments.Add(node);
            return VisitAction.SkipChildren;
        }

        public override void Leave(DocumentNode node)
        {
            var used = new HashSet<string>(
                context.GetRecursivelyReferencedFragments(_operations).Select(f => f.Name.Value), StringComparer.Ordinal);
            foreach (var fragment in _fragments)
            {
                if (!used.Contains(fragment.Name.Value))
                {
                    context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }
    }
}
