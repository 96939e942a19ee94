// Bundles and minifies each page's script for production with esbuild: wwwroot/js/<page>/<entry>.js becomes
// wwwroot/bundle/js/<page>/<entry>.js (the same address under bundle/, with a source map), and what a page imports
// dynamically becomes a chunk of its own under bundle/js/chunks/. Outside Development the host serves bundle/ over
// the modules (RiskMapWebApp), so the HTML names the modules either way. One build per page: one bundle per page, and
// the modules it shares with what it imports dynamically in a chunk, so that both use one instance of them.
//
// For the first paint, bundle/ also gets each page's HTML with <link rel="modulepreload"> for the chunks its entry
// imports statically (so they download beside the entry, not after it is parsed), and a gzip and a brotli copy of
// every script, style sheet and page the browser loads (lib/ and css/ included, at their addresses under bundle/),
// which the host serves by Accept-Encoding (PrecompressedFiles). A page's style sheets become one, bundle/css/pages/
// <page>-<hash>.css, which the page's HTML under bundle/ links instead.
import * as esbuild from "esbuild";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const webRoot = path.resolve(import.meta.dirname, "../../wwwroot");
const bundleRoot = path.join(webRoot, "bundle");
const outdir = path.join(bundleRoot, "js");
const PAGES = [["map/app.js"], ["jobs/jobs.js"], ["compare/compare.js"], ["imports/imports.js"], ["programmes/programmes.js"], ["forecasts/forecasts.js"], ["alerts/alerts.js"], ["rating/rating.js"], ["delivery/delivery.js"]];
const COMPRESSED_TYPES = [".js", ".css", ".html"];

await rm(bundleRoot, { recursive: true, force: true });
const builds = await Promise.all(PAGES.map((entries) => esbuild.build({
  entryPoints: entries.map((entry) => path.join(webRoot, "js", entry)),
  outbase: path.join(webRoot, "js"),
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  sourcemap: "linked",
  target: ["es2022"],
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
})));

const outputs = Object.assign({}, ...builds.map((build) => build.metafile.outputs));
const addressOf = (output) => "/" + path.relative(webRoot, path.resolve(output)).replace("bundle/", "").replaceAll(path.sep, "/");

/** The addresses of the chunks an output imports statically, directly or through another chunk (never dynamic imports). */
function staticImports(output, found = new Set()) {
  for (const { path: chunk, kind } of outputs[output].imports) {
    if (kind !== "import-statement" || found.has(addressOf(chunk))) continue;
    found.add(addressOf(chunk));
    staticImports(chunk, found);
  }
  return found;
}

const preloads = new Map(Object.keys(outputs)
  .filter((output) => outputs[output].entryPoint)
  .map((output) => [addressOf(output), [...staticImports(output)]]));

const STYLE_LINK = /^(\s*)<link rel="stylesheet" href="([^"]+)">\n/gm;
const styleDir = path.join(bundleRoot, "css", "pages");

/**
 * The style sheets a page links, in their order, as one minified sheet named by its content's hash (with the images
 * they name beside it), so the page waits for one request and the browser keeps the sheet for good; returns the page
 * linking it instead.
 */
async function bundleStyles(page, html) {
  const links = [...html.matchAll(STYLE_LINK)];
  if (links.length === 0) return html;
  const name = path.basename(page, ".html");
  const { metafile } = await esbuild.build({
    stdin: {
      contents: links.map(([, , href]) => `@import ${JSON.stringify("." + href)};`).join("\n"),
      resolveDir: webRoot,
      sourcefile: `${name}.css`,
      loader: "css",
    },
    bundle: true,
    minify: true,
    outdir: styleDir,
    entryNames: `${name}-[hash]`,
    assetNames: "[name]-[hash]",
    loader: { ".png": "file" },
    metafile: true,
    logLevel: "warning",
  });
  const sheet = Object.keys(metafile.outputs).find((output) => output.endsWith(".css"));
  const [, indent] = links[0];
  return html.replace(STYLE_LINK, (link) => link === links[0][0] ? `${indent}<link rel="stylesheet" href="${addressOf(sheet)}">\n` : "");
}

for (const page of (await readdir(webRoot)).filter((name) => name.endsWith(".html"))) {
  const html = await bundleStyles(page, await readFile(path.join(webRoot, page), "utf8"));
  const withPreloads = html.replace(/^(\s*)<script type="module" src="([^"]+)"><\/script>$/m, (script, indent, src) =>
    [script, ...(preloads.get(src) ?? []).map((chunk) => `${indent}<link rel="modulepreload" href="${chunk}">`)].join("\n"));
  await writeFile(path.join(bundleRoot, page), withPreloads);
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && COMPRESSED_TYPES.includes(path.extname(e.name)))
    .map((e) => path.join(e.parentPath, e.name));
}

async function compress(file, target) {
  const content = await readFile(file);
  await mkdir(path.dirname(target), { recursive: true });
  const [gz, br] = await Promise.all([
    gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
    brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
  ]);
  await Promise.all([writeFile(target + ".gz", gz), writeFile(target + ".br", br)]);
}

const ownFiles = await filesUnder(bundleRoot);
const staticFiles = (await Promise.all(["lib", "css"].map((dir) => filesUnder(path.join(webRoot, dir))))).flat();
await Promise.all([
  ...ownFiles.map((file) => compress(file, file)),
  ...staticFiles.map((file) => compress(file, path.join(bundleRoot, path.relative(webRoot, file)))),
]);
