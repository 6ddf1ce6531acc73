// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The core in WebAssembly says what the program says: each input below is
// explained by the page's smtp-explain.js under node and by the native
// `smtp-explain` on the same bytes, in the text, brief and JSON forms, and
// the reports and the verdicts must be the same, byte for byte. Emails go
// through the page's MIME reader (postal-mime, email.js) and the program's
// (GMime) into the same model of an email: the reports must agree there too.
//
//   node same_as_cli.js PAGE_DIR NATIVE_PROGRAM TOOL_DIR
//
// Exits 77 (skipped) when NATIVE_PROGRAM does not exist (build the dev
// preset first).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const [pageDir, program, toolDir] = process.argv.slice(2);
if (!program || !fs.existsSync(program)) {
    console.log(`same_as_cli: no native smtp-explain at '${program}'; skipped`);
    process.exit(77);
}
const core = require(path.resolve(pageDir, "smtp-explain.js"));
const email = require(path.resolve(pageDir, "email.js"));

const files = [
    "web/tests/data/bounce-base64.eml", "samples/no-such-user.txt", "samples/swaks-session.txt", "samples/postfix-mail.log",
    "samples/bounce.eml", "tests/data/problems.txt", "tests/data/exim-mainlog.txt",
    "tests/data/python-smtplib.txt", "tests/data/telnet-session.txt", "tests/data/binary.bin",
    "tests/data/curl-verbose.txt", "tests/data/rfc-example.txt",
];
// Bounces that real MTAs wrote (tests/bounces/generated), when they are there.
const generated = path.join(toolDir, "../../tests/bounces/generated");
if (fs.existsSync(generated)) {
    for (const mta of fs.readdirSync(generated).sort()) {
        const folder = path.join(generated, mta);
        if (fs.statSync(folder).isDirectory()) {
            for (const name of fs.readdirSync(folder).sort()) {
                files.push(path.relative(toolDir, path.join(folder, name)));
            }
        }
    }
}
const texts = ["421-4.7.28 [192.0.2.1] unusual rate", "552 5.3.4 too big\r\n"];
const words = ["550", "5.7.1", "X.1.1", "5xx", "MailboxBusy", "600", "bounce.eml"];
const formats = { text: [], brief: ["--brief"], json: ["--json"] };

function native(args, input) {
    const run = spawnSync(program, args, { cwd: toolDir, input: input, maxBuffer: 1 << 26 });
    return { report: run.stdout.toString("utf8"), ok: run.status === 0, status: run.status };
}

// The page's reading of a file: an email through postal-mime into the core's
// model (the program reads it with GMime), anything else as text.
async function page(c, bytes, options) {
    if (c.looksLikeEmail(bytes.subarray(0, 4096))) {
        return c.explainMessage(await email.decode(bytes), options);
    }
    return c.explain(bytes, options);
}

core.load().then(async (c) => {
    let passed = 0;
    let failed = 0;
    const compare = (name, web, cli) => {
        if (web.report === cli.report && web.ok === cli.ok && cli.status !== 2) {
            ++passed;
            return;
        }
        ++failed;
        console.log(`FAILED ${name}: exit ${cli.status}, ok ${web.ok}`);
        console.log("--- program\n" + cli.report + "--- page\n" + web.report);
    };
    for (const [format, flags] of Object.entries(formats)) {
        for (const file of files) {
            const bytes = fs.readFileSync(path.join(toolDir, file));
            compare(`${file} (${format})`, await page(c, bytes, { format: format, source: file }),
                    native([...flags, "-f", file]));
        }
        for (const text of texts) {
            compare(`'${text}' (${format})`,
                    c.explain(text, { format: format, source: "argument" }),
                    native([...flags, "--", text]));
        }
        for (const word of words) {
            compare(`${word} (${format})`, c.explain(word, { format: format }),
                    native([...flags, "--", word]));
        }
        compare(`--command rcpt (${format})`,
                c.explain("552 too many\n", { format: format, command: "rcpt", source: "-" }),
                native([...flags, "--command", "rcpt", "-"], "552 too many\n"));
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
});
