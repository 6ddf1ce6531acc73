// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The page's interface to the core (smtp-explain-core.js, the C++ core in
// WebAssembly): text in, the report of `smtp-explain` out. It explains
// nothing itself. A classic script, so that the page works from file://;
// node loads it with require() for the tests.
(function (root, factory) {
    if (typeof module === "object" && module.exports) {
        module.exports = factory(require("./smtp-explain-core.js"));
    } else {
        root.SmtpExplain = factory(root.createSmtpExplainCore);
    }
})(typeof self !== "undefined" ? self : this, function (createCore) {
    "use strict";

    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    // A string as C reads it: ended by a NUL.
    const nul = (s) => s + "\0";

    // One core for the whole page: loading compiles the WebAssembly once.
    let loading = null;

    function load() {
        if (!loading) {
            loading = createCore().then(function (core) {
                return new Core(core);
            });
        }
        return loading;
    }

    function Core(core) {
        this.core = core;
    }

    // Copies a JavaScript string into the core's memory as UTF-8; the
    // caller frees it.
    Core.prototype.put = function (text) {
        const bytes = typeof text === "string" ? encoder.encode(text) : text;
        const address = this.core._malloc(Math.max(bytes.length, 1));
        this.core.HEAPU8.set(bytes, address);
        return { address: address, size: bytes.length };
    };

    Core.prototype.take = function (address) {
        if (address === 0) {
            return null;
        }
        const size = this.core._smtp_explain_report_size();
        return decoder.decode(this.core.HEAPU8.subarray(address, address + size));
    };

    // Calls `fn` with the strings copied in, and frees them afterwards.
    Core.prototype.call = function (strings, fn) {
        const copies = strings.map((s) => this.put(s));
        try {
            return fn(copies);
        } finally {
            copies.forEach((c) => this.core._free(c.address));
        }
    };

    // The answer of a call that returned the report at `address`, with the
    // options `o` it was given.
    Core.prototype.answer = function (address, o) {
        const report = this.take(address);
        if (report === null) {
            throw new Error("smtp-explain: unknown format '" + o.format +
                            "' or command '" + o.command + "'");
        }
        return { report: report, ok: this.core._smtp_explain_report_ok() === 1 };
    };

    // `text`: a string or UTF-8 bytes (Uint8Array). options: format
    // ("text", "brief", "json"), command (a --command value, or ""), source
    // (the input's name in the report). Returns { report, ok }.
    Core.prototype.explain = function (text, options) {
        const o = Object.assign({ format: "text", command: "", source: "pasted text" }, options);
        return this.call([text, nul(o.source), nul(o.format), nul(o.command)], (c) =>
            this.answer(this.core._smtp_explain_paste(c[0].address, c[0].size, c[1].address,
                                                      c[2].address, c[3].address), o));
    };

    // Whether `head` (a string or bytes: the start of an input) starts an
    // email, by the program's own test.
    Core.prototype.looksLikeEmail = function (head) {
        return this.call([head], (c) =>
            this.core._smtp_explain_looks_like_email(c[0].address, c[0].size) === 1);
    };

    // Explains an email that email.js decoded (`model`), with the options
    // of explain(); `source` names it in the report.
    Core.prototype.explainMessage = function (model, options) {
        const o = Object.assign({ format: "text", command: "", source: "email" }, options);
        const core = this.core;
        core._smtp_explain_message_begin();
        model.headers.forEach((field) => this.call([field.name, field.value], (c) =>
            core._smtp_explain_message_header(c[0].address, c[0].size, c[1].address, c[1].size)));
        const parameters = (type) => type.parameters.forEach((p) => this.call([p.name, p.value],
            (c) => core._smtp_explain_message_parameter(c[0].address, c[0].size,
                                                        c[1].address, c[1].size)));
        this.call([model.type.type], (c) => core._smtp_explain_message_type(c[0].address, c[0].size));
        parameters(model.type);
        model.parts.forEach((part) => {
            this.call([part.type.type, part.text], (c) => core._smtp_explain_message_part(
                c[0].address, c[0].size, c[1].address, c[1].size, part.inOriginal ? 1 : 0));
            parameters(part.type);
        });
        return this.call([nul(o.source), nul(o.format), nul(o.command)], (c) =>
            this.answer(core._smtp_explain_message(c[0].address, c[1].address, c[2].address), o));
    };

    // What `smtp-explain --version` prints, "text" or "json".
    Core.prototype.version = function (format) {
        return this.call([(format || "text") + "\0"], (c) =>
            this.take(this.core._smtp_explain_version(c[0].address)));
    };

    return { load: load };
});
