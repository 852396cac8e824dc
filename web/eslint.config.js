// eslint.config.js — lint rules of the web front end (`npm run lint`, run by `make test`):
// ESLint's and typescript-eslint's recommended rules; formatting is Prettier's business.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    languageOptions: { globals: { window: "readonly", document: "readonly", location: "readonly", history: "readonly", console: "readonly" } },
  },
  {
    // The generator of src/api-types.ts runs under Node.
    files: ["api-types.mjs"],
    languageOptions: { globals: { URL: "readonly", process: "readonly", console: "readonly" } },
  },
);
