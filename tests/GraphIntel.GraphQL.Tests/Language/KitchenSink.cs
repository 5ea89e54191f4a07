namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// Kitchen-sink documents in the spirit of graphql-js's kitchen-sink.graphql and schema-kitchen-sink.graphql (our own
/// equivalents). How they print is asked of graphql-js in the test (PrinterTests).
/// </summary>
internal static class KitchenSink
{
    /// <summary>Every executable production: operations of each type, variables with defaults and directives, aliases, fragments, inline fragments, all value kinds, escapes and a block string.</summary>
    public const string Query = """"
        # A kitchen-sink executable document: every executable production at least once.
        query groupNetwork($root: ID!, $depth: Int = 2, $kinds: [GroupKind!] = [ARMED_GROUP, STATE], $filter: RelationFilter @deprecated) @onQuery {
          rootGroup: group(id: $root) {
            id ,
            ... on ArmedGroup @onInlineFragment {
              founder {
                id ,
                alias: relations(first:10, after:$cursor,) @include(if: $depth) {
                  id,
                  ...relationFields @onFragmentSpread
                }
              }
            }
            ... @skip(if: $filter) {
              name
            }
            ... {
              id
            }
          }
        }

        mutation recordFact @onMutation {
          recordFact(input: {subject: "g1", predicate: ALLIED_WITH, object: "g2", confidence: 0.75, since: -12, weights: [1, -2.5e3, 0.1E+2]}) @onField {
            fact {
              id @onField
            }
          }
        }

        subscription FactAdded($input: FactFilter @onVariableDefinition) @onSubscription {
          factAdded(input: $input) {
            fact {
              sources {
                count
              }
            }
          }
        }

        fragment relationFields on Relation @onFragmentDefinition {
          target(size: $size, bar: $b, obj: {key: "value", block: """
              block string uses \"""
          """, nested: {list: [[], [{}], [null]]}})
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null, escaped: "quote \" backslash \\ slash \/ tab \t nl \n unicode \u00e9 \u{1F600} pair \uD83D\uDE00 ctl \u0001"),
          query
        }

        query { __typename }

        query longArguments {
          someVeryLongFieldNameToForceWrapping(firstArgument: "a long string value", secondArgument: 1234567890) {
            id
          }
        }
        """";

    /// <summary>Every type-system production: schema, each type definition and extension, descriptions, directives, repeatable, interfaces implementing interfaces.</summary>
    public const string Schema = """"
        """This is a description of the schema as a whole."""
        schema @onSchema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          """This is a description of the `three` field."""
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed =
          | Story
          | Article
          | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = | A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """This is a description of the `DESKTOP` value"""
          DESKTOP

          """This is a description of the `MOBILE` value"""
          MOBILE

          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """This is a description of the `@skip` directive"""
        directive @skip(
          """This is a description of the `if` argument"""
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!)
          on FIELD
           | FRAGMENT_SPREAD
           | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on
          | FIELD
          | FRAGMENT_SPREAD
          | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on
          | OBJECT
          | INTERFACE

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }

        """
            Indented block
              with "quotes" and a trailing quote"
        """
        scalar Quoted

        "Single line with trailing backslash \\"
        scalar Slashed
        """";
}
