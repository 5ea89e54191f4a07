// Scalar oracle for the built-in scalar tests: graphql-js coerces each input of a JSON array with a built-in scalar.
//
//   node tests/conformance/scalar-oracle.mjs <requests.json>
//
// A request is {"scalar": "Int"|"Float"|"String"|"Boolean"|"ID", "op": "serialize"|"parseValue", "value": <JSON,
// or the string "NaN" with "nan": true>}, {"scalar", "op": "parseLiteral", "literal": "<GraphQL value text>"}, or
// {"op": "numberToString", "value": <number>} (JavaScript's String(number)). Prints a JSON array, one entry per
// request: {"value": <result>} or {"error": <message>}.
import { readFileSync } from 'node:fs';
import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLString, parseValue } from 'graphql';

const scalars = { Int: GraphQLInt, Float: GraphQLFloat, String: GraphQLString, Boolean: GraphQLBoolean, ID: GraphQLID };
const requests = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = requests.map(({ scalar, op, value, nan, literal }) => {
  const input = nan ? NaN : value;
  try {
    if (op === 'numberToString') return { value: String(input) };
    if (op === 'parseLiteral') return { value: scalars[scalar].parseLiteral(parseValue(literal)) };
    return { value: scalars[scalar][op](input) };
  } catch (error) {
    return { error: error.message };
  }
});
process.stdout.write(JSON.stringify(results));
