// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Writes vendor/postal-mime.js, the MIME parser the page uses for dropped
// emails, from the postal-mime that package-lock.json pins: one classic
// script defining the global postalMime = { PostalMime, decodeWords } (module scripts do not load from
// file://), bundled by esbuild, and the package's licence beside it.
// Run after `npm ci` in this folder: `npm run vendor`. The build never runs
// it; it copies the committed files.
import { build } from "esbuild";
import { copyFileSync, readFileSync } from "node:fs";

const version = (name) =>
    JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version;

await build({
    stdin: {
        contents:
            'import PostalMime, { decodeWords } from "postal-mime";\n' +
            "globalThis.postalMime = { PostalMime, decodeWords };\n",
        resolveDir: ".",
    },
    bundle: true,
    format: "iife",
    target: "es2020",
    legalComments: "inline",
    banner: {
        js: `/* postal-mime ${version("postal-mime")} (MIT-0: LICENSE-postal-mime.txt), ` +
            `bundled by esbuild ${version("esbuild")}: written by vendor.mjs, do not edit */`,
    },
    outfile: "vendor/postal-mime.js",
});
copyFileSync("node_modules/postal-mime/LICENSE.txt", "vendor/LICENSE-postal-mime.txt");
