// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/message.hpp"

#include "text.hpp"

#include <string>
#include <string_view>

namespace smtp_explain {

bool ContentType::is(std::string_view type_subtype) const noexcept {
    return iequals(type, type_subtype);
}

bool ContentType::is_media(std::string_view media) const noexcept {
    const std::string_view whole = type;
    const std::size_t slash = whole.find('/');
    return slash != std::string_view::npos && iequals(whole.substr(0, slash), media);
}

std::string_view ContentType::parameter(std::string_view name) const noexcept {
    for (const Parameter& parameter : parameters) {
        if (iequals(parameter.name, name)) {
            return parameter.value;
        }
    }
    return {};
}

const std::string* DecodedMessage::header(std::string_view name) const noexcept {
    for (const HeaderField& field : headers) {
        if (iequals(field.name, name)) {
            return &field.value;
        }
    }
    return nullptr;
}

bool is_original_type(const ContentType& type) noexcept {
    return type.is("message/rfc822") || type.is("message/global") ||
           type.is("text/rfc822-headers") || type.is("message/global-headers");
}

} // namespace smtp_explain
