// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The page: what is pasted or dropped goes to the core (smtp-explain.js),
// and its reports are shown. The words are the core's: each item is a block
// of the text report `smtp-explain` prints, with the JSON report's item
// beside it for the verdict's colour and for the list of problems, each
// linked to its line of the input. Nothing here explains anything.
(function () {
    "use strict";

    const $ = (id) => document.getElementById(id);
    const text = $("text");
    const command = $("command");
    const summary = $("summary");
    const items = $("items");
    const problems = $("problems");
    const json = $("json");
    const report = $("report");

    let core = null;
    // What is explained: the text area's text, a dropped file's bytes, or a
    // dropped email decoded; `source` names it in the report.
    let input = { kind: "text", text: "", source: "pasted text", lines: true };
    let reports = 0;
    let pending = null;

    function verdict(item) {
        if (/^invalid_|^no_/.test(item.kind)) {
            return "error";
        }
        return item.next_action ? item.next_action.toLowerCase() : "";
    }

    function badge(item) {
        const v = verdict(item);
        if (!v) {
            return null;
        }
        const span = document.createElement("span");
        span.className = "verdict";
        let words = v === "error" ? "not understood" : item.next_action;
        if (item.kind === "bounce" && typeof item.hard === "boolean") {
            words += item.hard ? ", hard" : ", soft";
        }
        span.textContent = words;
        return span;
    }

    // The item's problems worth a look: what was not understood, warnings,
    // and a reply the input cuts off.
    function problemsOf(item) {
        const out = [];
        if (item.kind === "invalid_reply") {
            out.push({ severity: "error", text: item.error + ": " + item.message });
        } else if (item.kind === "no_reply" || item.kind === "invalid_argument") {
            out.push({ severity: "error", text: item.message });
        }
        (item.findings || []).forEach((f) => {
            if (f.severity !== "note" || f.kind === "cut_off") {
                out.push({ severity: f.severity, text: f.message });
            }
        });
        return out;
    }

    // Selects line `number` (from 1) of the text area and shows it.
    function showLine(number) {
        const value = text.value;
        let start = 0;
        for (let n = 1; n < number && start !== -1; ++n) {
            start = value.indexOf("\n", start);
            start = start === -1 ? -1 : start + 1;
        }
        if (start === -1) {
            return;
        }
        let end = value.indexOf("\n", start);
        end = end === -1 ? value.length : end;
        text.focus();
        text.setSelectionRange(start, end);
        const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 18;
        text.scrollTop = Math.max(0, (number - 3) * lineHeight);
    }

    function renderProblems(list) {
        const ul = problems.querySelector("ul");
        ul.replaceChildren();
        const fragment = document.createDocumentFragment();
        list.forEach((p) => {
            const li = document.createElement("li");
            if (p.line && input.lines) {
                const go = document.createElement("button");
                go.type = "button";
                go.textContent = "Line " + p.line;
                go.setAttribute("aria-label", "Show line " + p.line + " of the input");
                go.addEventListener("click", () => showLine(p.line));
                li.append(go);
            } else if (p.line) {
                li.append("Line " + p.line + ": ");
            }
            const words = document.createElement("span");
            words.className = "severity-" + p.severity;
            words.textContent = p.text;
            li.append(words);
            fragment.append(li);
        });
        ul.append(fragment);
        problems.hidden = list.length === 0;
    }

    function render(textReport, jsonText) {
        const parsed = JSON.parse(jsonText);
        // The text report: one block per item, a blank line between, then
        // the summary line.
        const blocks = textReport.replace(/\n+$/, "").split("\n\n");
        const summaryLine = blocks.pop() || "";
        const fragment = document.createDocumentFragment();
        const found = [];
        if (blocks.length === parsed.items.length) {
            parsed.items.forEach((item, i) => {
                const block = blocks[i];
                const newline = block.indexOf("\n");
                const article = document.createElement("article");
                article.className = "verdict-" + (verdict(item) || "none");
                const heading = document.createElement("h3");
                heading.textContent = newline === -1 ? block : block.slice(0, newline);
                const b = badge(item);
                if (b) {
                    heading.append(b);
                }
                article.append(heading);
                if (newline !== -1) {
                    const body = document.createElement("pre");
                    body.textContent = block.slice(newline + 1);
                    article.append(body);
                }
                fragment.append(article);
                problemsOf(item).forEach((p) => {
                    p.line = item.line;
                    found.push(p);
                });
            });
        } else {
            // Not expected: the whole text report as it is.
            const pre = document.createElement("pre");
            pre.textContent = blocks.join("\n\n");
            fragment.append(pre);
        }
        items.replaceChildren(fragment);
        renderProblems(found);
        summary.textContent = summaryLine;
        summary.className = parsed.ok ? "" : "severity-error";
        json.textContent = jsonText;
    }

    function clear(message) {
        items.replaceChildren();
        renderProblems([]);
        json.textContent = "";
        summary.textContent = message;
        summary.className = "";
    }

    async function update() {
        pending = null;
        if (!core) {
            return;
        }
        if (input.kind === "text" && input.text.trim() === "") {
            clear("Paste or drop something to explain.");
            return;
        }
        const started = performance.now();
        const options = { command: command.value, source: input.source };
        let explain = (format) =>
            core.explain(input.kind === "bytes" ? input.bytes : input.text,
                         Object.assign({ format: format }, options));
        if (input.kind === "email" || (input.kind === "text" &&
                                       core.looksLikeEmail(input.text.slice(0, 4096)))) {
            const model = input.model || (await SmtpExplainEmail.decode(input.text));
            explain = (format) => core.explainMessage(model, Object.assign({ format: format },
                                                                           options));
        }
        let textReport;
        let jsonReport;
        try {
            textReport = explain("text").report;
            jsonReport = explain("json").report;
        } catch (error) {
            clear("Could not explain this: " + error.message);
            return;
        }
        const explained = performance.now();
        render(textReport, jsonReport);
        const rendered = performance.now();
        reports += 1;
        report.dataset.reports = String(reports);
        report.dataset.explainMs = (explained - started).toFixed(1);
        report.dataset.renderMs = (rendered - explained).toFixed(1);
        if (reports === 1) {
            performance.mark("smtp-explain:first-report");
        }
    }

    // Explains after a pause in typing; a long input waits a little longer.
    function schedule() {
        clearTimeout(pending);
        pending = setTimeout(update, input.text.length > 100000 ? 400 : 150);
    }

    text.addEventListener("input", () => {
        input = { kind: "text", text: text.value, source: "pasted text", lines: true };
        schedule();
    });
    command.addEventListener("change", () => update());
    $("input").addEventListener("submit", (event) => {
        event.preventDefault();
        clearTimeout(pending);
        update().then(() => report.focus());
    });

    async function openFile(file) {
        if (!core) {
            return;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (core.looksLikeEmail(bytes.subarray(0, 4096))) {
            summary.textContent = "Reading the email " + file.name + "…";
            const model = await SmtpExplainEmail.decode(bytes);
            // Its lines are those of its decoded parts: not the text area's,
            // which is emptied so as not to show another input beside it.
            text.value = "";
            input = { kind: "email", model: model, text: "", source: file.name, lines: false };
        } else {
            text.value = new TextDecoder().decode(bytes);
            input = { kind: "bytes", bytes: bytes, text: text.value, source: file.name,
                      lines: true };
        }
        await update();
    }

    $("file").addEventListener("change", (event) => {
        if (event.target.files.length > 0) {
            openFile(event.target.files[0]);
        }
    });
    const drop = $("drop");
    ["dragenter", "dragover"].forEach((name) => drop.addEventListener(name, (event) => {
        event.preventDefault();
        drop.classList.add("over");
    }));
    ["dragleave", "drop"].forEach((name) => drop.addEventListener(name, () => {
        drop.classList.remove("over");
    }));
    drop.addEventListener("drop", (event) => {
        event.preventDefault();
        if (event.dataTransfer.files.length > 0) {
            openFile(event.dataTransfer.files[0]);
        }
    });

    $("json-toggle").addEventListener("click", (event) => {
        const show = json.hidden;
        json.hidden = !show;
        event.target.setAttribute("aria-expanded", String(show));
        event.target.textContent = show ? "Hide the JSON report" : "Show the JSON report";
    });

    SmtpExplain.load().then((loaded) => {
        core = loaded;
        $("version").textContent = core.version("text").trim() +
            ". The same explanations as the smtp-explain program.";
        performance.mark("smtp-explain:ready");
        if (text.value !== "") {
            input = { kind: "text", text: text.value, source: "pasted text", lines: true };
        }
        return update();
    }).catch((error) => {
        summary.textContent = "The explainer could not start: " + error;
    });
})();
