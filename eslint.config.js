// The linter of the gate (`npm test` runs it with --max-warnings=0): the recommended rules for the
// pipeline and the tests (TypeScript) and for the dashboard's components (browser JavaScript).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "data/",
      "dashboard/.observablehq/",
      "dashboard/components/generated/",
      "test/output/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["pipeline/**/*.ts", "test/**/*.ts", "bin/**/*.js", "*.ts", "*.js"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["dashboard/components/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    // the types of the components' exported rows: rows are whatever the marts' columns are
    files: ["dashboard/components/**/*.d.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    rules: {
      // unused names are errors, except a deliberately ignored one (_name)
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Chinese text puts full-width spaces (U+3000) in strings and templates on purpose
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
    },
  },
);
