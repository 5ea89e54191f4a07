// Schema oracle for the type-system validation tests: graphql-js's problems with each SDL document of a JSON array.
//
//   node tests/conformance/schema-oracle.mjs <sdls.json>
//
// Prints a JSON array, one entry per document: the messages of validateSDL (the SDL rules: known and unique
// directives…) when it reports any, else those of validateSchema on buildASTSchema(document) — the order in which
// graphql-js's buildSchema would report them. Anything thrown is reported as {"crash": …}.
import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, validateSchema } from 'graphql';
// validateSDL is what buildSchema runs before building; graphql-js does not export it from its index.
import { validateSDL } from 'graphql/validation/validate.mjs';

const documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = documents.map((sdl) => {
  try {
    const document = parse(sdl);
    const sdlErrors = validateSDL(document);
    if (sdlErrors.length > 0) return sdlErrors.map((e) => e.message);
    return validateSchema(buildASTSchema(document, { assumeValidSDL: true })).map((e) => e.message);
  } catch (error) {
    return { crash: String(error) };
  }
});
process.stdout.write(JSON.stringify(results));
