// api-types.mjs — writes src/api-types.ts, the TypeScript types of caunoi's API, from the API's
// one description, ../data/api/openapi.json (`npm run api-types`). With --check it writes nothing
// and fails when the committed file differs from a fresh generation (ctest web_api_types).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const source = here("../data/api/openapi.json");
const target = here("src/api-types.ts");
const header = `// api-types.ts — GENERATED from data/api/openapi.json by \`npm run api-types\` (web/api-types.mjs, openapi-typescript).
// Do not edit by hand: change the document and run the script again; make test (ctest web_api_types) fails while they differ.
`;

const ast = await openapiTS(new URL("file://" + source));
const options = { ...(await prettier.resolveConfig(target)), filepath: target };
const text = await prettier.format(header + astToString(ast), options);
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    committed = "";
  }
  if (committed !== text) {
    console.error("web/src/api-types.ts differs from data/api/openapi.json: run `cd web && npm run api-types` and commit it.");
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
