// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// An email taken apart by postal-mime (postal-mime.js, vendored) into the
// core's model of it (src/extract/message.hpp), which smtp-explain.js hands
// to the core: the top-level header fields (RFC 2047 words decoded), the
// top-level content type, and the leaf parts in tree order, each with its
// content type, its text (transfer encoding and charset undone) and whether
// it lies inside the returned original message. The program builds the same
// model with GMime; everything after this walk is the core's.
//
// postal-mime's parse result joins the text parts and lists the others as
// attachments, which loses their order and their content types' parameters;
// the walk reads its parser's MIME tree instead (parser.root, the nodes its
// parse builds). That tree is postal-mime's, not a promise of its interface,
// so the version is pinned (package-lock.json) and vendored, and the
// browser tests take a bounce through this walk.
(function (root, factory) {
    if (typeof module === "object" && module.exports) {
        require("./postal-mime.js");
        module.exports = factory(globalThis.postalMime);
    } else {
        root.SmtpExplainEmail = factory(root.postalMime);
    }
})(typeof self !== "undefined" ? self : this, function (postalMime) {
    "use strict";

    // The returned original, or its header section (message.hpp's
    // is_original_type).
    const originalTypes = new Set([
        "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers",
    ]);
    const headerOnlyTypes = new Set(["text/rfc822-headers", "message/global-headers"]);
    // Parts whose content is text though their type is message/*.
    const textualMessages = new Set([
        "message/delivery-status", "message/global-delivery-status", "message/feedback-report",
        "message/disposition-notification", "message/global-disposition-notification",
    ]);

    function contentType(node) {
        const parsed = node.contentType.parsed;
        return {
            type: String(parsed.value || "text/plain").toLowerCase(),
            parameters: Object.keys(parsed.params || {}).map((name) => ({
                name: name.toLowerCase(),
                value: String(parsed.params[name]),
            })),
        };
    }

    function headers(node) {
        return node.headers.map((field) => ({
            name: field.originalKey || field.key,
            value: postalMime.decodeWords(field.value),
        }));
    }

    function isText(type) {
        return type.startsWith("text/") || textualMessages.has(type);
    }

    async function parse(bytes) {
        const parser = new postalMime.PostalMime({ forceRfc822Attachments: true });
        await parser.parse(bytes);
        return parser.root;
    }

    // Adds the leaves below `node` to `parts`, in tree order.
    async function walk(node, inOriginal, parts) {
        if (node.contentType.multipart) {
            for (const child of node.childNodes) {
                await walk(child, inOriginal, parts);
            }
            return;
        }
        const type = contentType(node);
        if (!originalTypes.has(type.type)) {
            parts.push({ type: type, text: isText(type.type) ? node.getTextContent() : "",
                         inOriginal: inOriginal });
            return;
        }
        if (headerOnlyTypes.has(type.type)) {
            parts.push({ type: type, text: node.getTextContent(), inOriginal: true });
            return;
        }
        // A returned message: a leaf holding its header section, one field
        // a line, then its own parts, all inside the original.
        const original = await parse(node.content || new Uint8Array(0));
        const section = headers(original).map((f) => f.name + ": " + f.value).join("\n");
        parts.push({ type: type, text: section ? section + "\n" : "", inOriginal: true });
        await walk(original, true, parts);
    }

    // The model of the email in `bytes` (an ArrayBuffer, a Uint8Array or a
    // string): { headers: [{name, value}], type: {type, parameters:
    // [{name, value}]}, parts: [{type, text, inOriginal}] }.
    async function decode(bytes) {
        const top = await parse(bytes);
        const parts = [];
        await walk(top, false, parts);
        return { headers: headers(top), type: contentType(top), parts: parts };
    }

    return { decode: decode };
});
