// ESLint for the front end (wwwroot/js): the usual errors, and every import path and imported name resolves.
// `npm run lint` here; ./riskmap test runs it before the .NET tests.
import js from "@eslint/js";
import { importX } from "eslint-plugin-import-x";
import globals from "globals";

export default [
  js.configs.recommended,
  importX.flatConfigs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2025,
      sourceType: "module",
      // Leaflet and its plugins are classic scripts that the page loads before the modules.
      globals: { ...globals.browser, L: "readonly" },
    },
    rules: {
      "import-x/no-unresolved": "error",
      "import-x/named": "error",
      "import-x/no-cycle": "off",
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.test.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
