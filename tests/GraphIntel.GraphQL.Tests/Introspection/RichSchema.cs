namespace GraphIntel.GraphQL.Tests.Introspection;

/// <summary>An SDL using every type-system feature introspection reports (descriptions, deprecations, defaults, oneOf, specifiedBy, repeatable directives, extensions).</summary>
internal static class RichSchema
{
    public const string Sdl = """"
"""The schema"""
schema { query: Root mutation: Mut }
"Root type"
type Root implements Node {
  id: ID!
  "A hero"
  hero(episode: Episode = JEDI, first: Int = 10, filter: Filter = {name: "x", tags: ["a"]}): Character @deprecated(reason: "use heroes")
  heroes(old: String @deprecated, flag: Boolean! = true): [Character!]!
  search(by: SearchBy!): [SearchResult]
  date: Date
  float(f: Float = 1.5, g: Float = 2): Float
}
type Mut { noop: Boolean }
interface Node { id: ID! }
interface Character implements Node { id: ID! name: String! }
type Human implements Character & Node { id: ID! name: String! height(unit: Unit = METER): Float }
type Droid implements Character & Node { id: ID! name: String! primaryFunction: String }
union SearchResult = Human | Droid
enum Episode { NEWHOPE EMPIRE JEDI @deprecated(reason: "old") }
enum Unit { METER FOOT }
input Filter { name: String, tags: [String!] = [], legacy: Int @deprecated(reason: "gone"), nested: Filter }
input SearchBy @oneOf { name: String id: ID }
scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
"A custom directive"
directive @cached(ttl: Int = 60) repeatable on FIELD_DEFINITION | OBJECT
extend type Mut { other: String }
"""";
}
