// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// For the core's unit tests: decoded emails built from literal parts, as
// the MIME reader (or a web page) hands them to the core, and the bounce
// recipients an extractor reports written down as short strings:
//
//   a@b dsn failed status=5.1.1 code=550 reply=5.1.1 cmd=Rcpt mta=mx.example
#ifndef SMTP_EXPLAIN_TESTS_MESSAGES_HPP
#define SMTP_EXPLAIN_TESTS_MESSAGES_HPP

#include "analyse/bounce_verdict.hpp"
#include "explain.hpp"
#include "extract/events.hpp"
#include "extract/message.hpp"
#include "report/output.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain::testing {

/// A leaf of `type` ("text/plain; charset=x" is not parsed: give the bare
/// type and `parameters`).
inline MessagePart part(std::string type, std::string text, bool in_original = false,
                        std::vector<Parameter> parameters = {}) {
    MessagePart out;
    out.content_type.type = std::move(type);
    out.content_type.parameters = std::move(parameters);
    out.text = std::move(text);
    out.in_original = in_original;
    return out;
}

/// An email of `parts` with the top-level `headers` and content type.
inline DecodedMessage email(std::vector<HeaderField> headers, std::vector<MessagePart> parts,
                            std::string type = "multipart/report",
                            std::vector<Parameter> parameters = {}) {
    DecodedMessage out;
    out.headers = std::move(headers);
    out.content_type.type = std::move(type);
    out.content_type.parameters = std::move(parameters);
    out.parts = std::move(parts);
    return out;
}

inline std::string describe(const BounceRecipient& r) {
    std::string out = r.recipient.empty() ? std::string("-") : r.recipient;
    out += " ";
    out += r.format;
    if (const std::string_view action = action_word(r.action); !action.empty()) {
        out += " ";
        out += action;
    }
    if (r.status) {
        out += " status=" + std::string(smtp::to_text(*r.status).view());
    }
    if (r.code != 0) {
        out += " code=" + std::to_string(r.code);
    }
    if (r.reply_status) {
        out += " reply=" + std::string(smtp::to_text(*r.reply_status).view());
    }
    if (r.command) {
        out += " cmd=" + std::string(smtp::name(*r.command));
    }
    if (!r.remote_mta.empty()) {
        out += " mta=" + r.remote_mta;
    }
    if (r.reason) {
        out += " reason=" + std::string(smtp::name(*r.reason));
    }
    return out;
}

/// A BounceSink that keeps every recipient.
class Collect final : public BounceSink {
public:
    void add(BounceRecipient&& recipient) override { recipients.push_back(std::move(recipient)); }
    /// Each recipient described.
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        for (const BounceRecipient& r : recipients) {
            out.push_back(describe(r));
        }
        return out;
    }
    std::vector<BounceRecipient> recipients;
};

/// The report of one email, in `format`, and whether it was understood.
inline Explained explain_email(const DecodedMessage& message, Format format,
                               std::string_view source = "bounce.eml") {
    StringSink sink;
    bool ok = false;
    {
        Output output(sink);
        Options options;
        options.format = format;
        Explanation explanation(options, output);
        explanation.message(source, message);
        ok = explanation.finish();
    }
    return Explained{sink.text(), ok};
}

/// A Postfix bounce: the notice and the DSN of one unknown user.
inline DecodedMessage postfix_bounce() {
    return email({{"From", "MAILER-DAEMON@relay.example.org (Mail Delivery System)"}},
                 {part("text/plain", "<nobody@example.net>: host mx.example.net[192.0.2.25] "
                                     "said: 550-5.1.1 The\n    mailbox does not exist. 550 5.1.1 "
                                     "Bye (in reply to RCPT TO\n    command)\n"),
                  part("message/delivery-status",
                       "Reporting-MTA: dns; relay.example.org\n\nFinal-Recipient: rfc822; "
                       "nobody@example.net\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; "
                       "mx.example.net\nDiagnostic-Code: smtp; 550-5.1.1 The mailbox does not\n"
                       "    exist. 550 5.1.1 Bye\n")},
                 "multipart/report", {{"report-type", "delivery-status"}});
}

} // namespace smtp_explain::testing

#endif // SMTP_EXPLAIN_TESTS_MESSAGES_HPP
