using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Validation;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary><see cref="TypeInfo"/> as rules see it through <see cref="ValidationContext"/> during a walk.</summary>
public sealed class TypeInfoTests
{
    [Fact]
    public void TracksParentTypeFieldDefinitionAndOutputType()
    {
        var seen = Record("{ human { pets { ... on Dog { name } } } }", (context, node) => node is FieldNode field
            ? $"{context.ParentType}.{field.Name.Value}: {context.Type} ({context.FieldDef?.Name})"
            : null);
        Assert.Equal(["QueryRoot.human: Human (human)", "Human.pets: [Pet] (pets)", "Dog.name: String (name)"], seen);
    }

    [Fact]
    public void ResolvesMetaFieldsWhereTheSpecAllowsThem()
    {
        var seen = Record("{ __typename __schema { queryType { name } } dog { __typename __schema } }", (context, node) => node is FieldNode field
            ? $"{context.ParentType}.{field.Name.Value}: {context.Type?.ToString() ?? "unknown"}"
            : null);
        Assert.Equal(
            ["QueryRoot.__typename: String!", "QueryRoot.__schema: __Schema!", "__Schema.queryType: __Type!", "__Type.name: String",
             "QueryRoot.dog: Dog", "Dog.__typename: String!", "Dog.__schema: unknown"],
            seen);
    }

    [Fact]
    public void TracksInputTypesArgumentsDefaultsAndEnumValues()
    {
        var seen = Record(
            "{ complicatedArgs { complexArgField(complexArg: { requiredField: true, color: TAN, stringListField: [\"a\"] }) } }",
            (context, node) => node switch
            {
                ArgumentNode argument => $"argument {argument.Name.Value}: {context.InputType} ({context.Argument?.Name})",
                ObjectFieldNode field => $"field {field.Name.Value}: {context.InputType} in {context.ParentInputType} default {(context.DefaultValue is EnumValueNode e ? e.Value : "none")}",
                EnumValueNode value => $"enum {value.Value}: {context.EnumValue?.Name}",
                StringValueNode value => $"item {value.Value}: {context.InputType} in {context.ParentInputType}",
                _ => null,
            });
        Assert.Equal(
            [
                "argument complexArg: ComplexInput (complexArg)",
                "field requiredField: Boolean! in ComplexInput default none",
                "field color: FurColor in ComplexInput default BROWN",
                "enum TAN: TAN",
                "field stringListField: [String] in ComplexInput default none",
                "item a: String in [String]",
            ],
            seen);
    }

    [Fact]
    public void LeavesTypesUnknownForUndefinedNames()
    {
        var seen = Record("{ nothing { name } dog { ... on Nope { name } } }", (context, node) => node is FieldNode field
            ? $"{context.ParentType?.ToString() ?? "unknown"}.{field.Name.Value}: {context.Type?.ToString() ?? "unknown"}"
            : null);
        Assert.Equal(["QueryRoot.nothing: unknown", "unknown.name: unknown", "QueryRoot.dog: Dog", "unknown.name: unknown"], seen);
    }

    [Fact]
    public void TypeFromAstWrapsAsWritten()
    {
        var type = TypeInfo.TypeFromAst(ValidationHarness.Schema, Parser.ParseType("[ComplexInput!]!"));
        Assert.Equal("[ComplexInput!]!", type?.ToString());
        Assert.Null(TypeInfo.TypeFromAst(ValidationHarness.Schema, Parser.ParseType("[Missing]")));
    }

    // Walks the document with a rule that records what describe returns for each node (nulls skipped).
    private static List<string> Record(string query, Func<ValidationContext, Node, string?> describe)
    {
        var recorder = new Recorder(describe);
        DocumentValidator.Validate(ValidationHarness.Schema, Parser.Parse(query), [recorder]);
        return recorder.Seen;
    }

    private sealed class Recorder(Func<ValidationContext, Node, string?> describe) : IValidationRule
    {
        public List<string> Seen { get; } = [];

        public Func<ValidationContext, Node, string?> Describe { get; } = describe;

        public string Name => "Recorder";

        public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context, this);

        private sealed class Visitor(ValidationContext context, Recorder recorder) : ValidationVisitor
        {
            public override VisitAction Enter(FieldNode node) => Add(node);

            public override VisitAction Enter(ArgumentNode node) => Add(node);

            public override VisitAction Enter(ObjectFieldNode node) => Add(node);

            public override VisitAction Enter(ValueNode node) => Add(node);

            private VisitAction Add(Node node)
            {
                if (recorder.Describe(context, node) is { } text)
                {
                    recorder.Seen.Add(text);
                }
                return VisitAction.Continue;
            }
        }
    }
}
