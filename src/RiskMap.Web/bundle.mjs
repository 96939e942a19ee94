// Bundles and minifies each page's script for production with esbuild: wwwroot/js/<page>/<entry>.js becomes
// wwwroot/bundle/js/<page>/<entry>.js (the same address under bundle/, with a source map), and what a page imports
// dynamically becomes a chunk of its own under bundle/js/chunks/. Outside Development the host serves bundle/ over
// the modules (RiskMapWebApp), so the HTML names the modules either way. One build per page: one bundle per page.
import * as esbuild from "esbuild";
import { rm } from "node:fs/promises";
import path from "node:path";

const webRoot = path.resolve(import.meta.dirname, "../../wwwroot");
const outdir = path.join(webRoot, "bundle", "js");
const PAGES = ["map/app.js", "jobs/jobs.js", "compare/compare.js", "imports/imports.js", "programmes/programmes.js"];

await rm(path.join(webRoot, "bundle"), { recursive: true, force: true });
await Promise.all(PAGES.map((entry) => esbuild.build({
  entryPoints: [path.join(webRoot, "js", entry)],
  outbase: path.join(webRoot, "js"),
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  sourcemap: "linked",
  target: ["es2022"],
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
})));
