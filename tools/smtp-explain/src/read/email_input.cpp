// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "read/email_input.hpp"

#include "text.hpp"

#include <cstddef>
#include <string_view>

namespace smtp_explain {

namespace {

// Fields that open emails as MTAs and mail stores write them (RFC 5321
// section 4.4 trace fields first, then RFC 5322 and MIME fields, then those
// of a list's message gated to and from netnews, RFC 5536 section 3.1).
constexpr std::string_view opening_fields[] = {
    "received",    "return-path",  "delivered-to", "envelope-to",  "from",
    "to",          "cc",           "subject",      "date",         "message-id",
    "mime-version", "content-type", "reply-to",    "sender",       "dkim-signature",
    "arc-seal",    "authentication-results",       "received-spf", "auto-submitted",
    "precedence",  "in-reply-to",  "references",   "user-agent",   "thread-topic",
    "thread-index", "importance",  "newsgroups",   "path"};

bool is_field_name_char(char c) noexcept {
    return c > ' ' && c < 127 && c != ':';
}

} // namespace

bool looks_like_email(std::string_view head) noexcept {
    if (starts_with(head, "\xef\xbb\xbf")) {
        head.remove_prefix(3);
    }
    if (starts_with(head, "From ")) {
        return true;
    }
    std::size_t colon = 0;
    while (colon < head.size() && is_field_name_char(head[colon])) {
        ++colon;
    }
    if (colon == 0 || colon >= head.size() || head[colon] != ':') {
        return false;
    }
    const std::string_view name = head.substr(0, colon);
    if (name.size() > 2 && (name[0] == 'X' || name[0] == 'x') && name[1] == '-') {
        return true;
    }
    for (const std::string_view field : opening_fields) {
        if (iequals(name, field)) {
            return true;
        }
    }
    return false;
}

} // namespace smtp_explain
