// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "mime/gmime_message.hpp"

#include "extract/message.hpp"
#include "text.hpp"

#include <gmime/gmime.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

namespace {

// GObject references and GLib strings, released when they go out of scope.
struct Unref {
    void operator()(gpointer object) const noexcept { g_object_unref(object); }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;

struct Free {
    void operator()(gpointer memory) const noexcept { g_free(memory); }
};
using GText = std::unique_ptr<char, Free>;

// g_mime_init() once per process, before the first email.
void init_gmime() {
    static const bool done = [] {
        g_mime_init();
        return true;
    }();
    static_cast<void>(done);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = ascii_lower(c);
    }
    return out;
}

// ISO-2022-JP's escape sequences into JIS X 0208 (ESC $ @, ESC $ B): text
// that has them is ISO-2022-JP whatever its label says (RFC 1468), since
// Japanese MTAs often send it labelled us-ascii, or not at all.
bool has_iso_2022_jp_escapes(std::string_view text) {
    return text.find("\x1b$B") != std::string_view::npos ||
           text.find("\x1b$@") != std::string_view::npos;
}

// What a memory stream holds.
std::string bytes_of(GMimeStream* memory) {
    const GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory));
    return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

bool has_8bit(std::string_view bytes) {
    for (const char c : bytes) {
        if ((static_cast<unsigned char>(c) & 0x80U) != 0) {
            return true;
        }
    }
    return false;
}

bool is_ascii_or_utf8_label(std::string_view charset) {
    return charset.empty() || iequals(charset, "utf-8") || iequals(charset, "utf8") ||
           iequals(charset, "us-ascii") || iequals(charset, "ascii");
}

// `bytes` converted from `charset` with GMime's charset filter, which skips
// what it cannot convert; false when iconv knows no such charset.
bool convert(std::string_view bytes, const char* charset, std::string& out) {
    Ref<GMimeFilter> filter(g_mime_filter_charset_new(charset, "UTF-8"));
    if (!filter) {
        return false;
    }
    Ref<GMimeStream> sink(g_mime_stream_mem_new());
    Ref<GMimeStream> filtered(g_mime_stream_filter_new(sink.get()));
    g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), filter.get());
    g_mime_stream_write(filtered.get(), bytes.data(), bytes.size());
    g_mime_stream_flush(filtered.get());
    out = bytes_of(sink.get());
    return true;
}

// Decoded bytes in `charset` (the Content-Type's, possibly empty) as UTF-8.
std::string to_utf8(std::string_view bytes, std::string_view charset) {
    std::string converted;
    if (is_ascii_or_utf8_label(charset) && has_iso_2022_jp_escapes(bytes) &&
        convert(bytes, "iso-2022-jp", converted)) {
        return converted;
    }
    if (is_ascii_or_utf8_label(charset) && is_utf8(bytes)) {
        return std::string(bytes);
    }
    // ISO-2022 charsets are 7-bit (RFC 1468): 8-bit bytes under such a label
    // were converted on the way and not relabelled. Valid UTF-8 is kept.
    if (istarts_with(charset, "iso-2022-") && has_8bit(bytes) && is_utf8(bytes)) {
        return std::string(bytes);
    }
    if (!is_ascii_or_utf8_label(charset)) {
        const std::string name(charset);
        if (convert(bytes, g_mime_charset_iconv_name(name.c_str()), converted) &&
            is_utf8(converted)) {
            return converted;
        }
    }
    // A wrong or missing label: GMime's guess (its fallback charsets, then
    // ISO-8859-1).
    const GText guessed(
        g_mime_utils_decode_8bit(nullptr, bytes.data(), static_cast<size_t>(bytes.size())));
    std::string out;
    append_utf8(out, guessed ? std::string_view(guessed.get()) : std::string_view());
    return out;
}

// The content of a leaf with its transfer encoding undone.
std::string decoded_content(GMimePart* part) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (content == nullptr) {
        return {};
    }
    Ref<GMimeStream> sink(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, sink.get());
    return bytes_of(sink.get());
}

ContentType content_type_of(GMimeObject* object) {
    ContentType out;
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (type == nullptr) {
        return out;
    }
    const char* media = g_mime_content_type_get_media_type(type);
    const char* subtype = g_mime_content_type_get_media_subtype(type);
    if (media != nullptr && subtype != nullptr) {
        out.type = lower(std::string(media) + "/" + subtype);
    }
    GMimeParamList* parameters = g_mime_content_type_get_parameters(type);
    const int count = parameters != nullptr ? g_mime_param_list_length(parameters) : 0;
    for (int i = 0; i < count; ++i) {
        GMimeParam* parameter = g_mime_param_list_get_parameter_at(parameters, i);
        const char* name = g_mime_param_get_name(parameter);
        const char* value = g_mime_param_get_value(parameter);
        std::string text;
        append_utf8(text, value != nullptr ? value : "");
        out.parameters.push_back({lower(name != nullptr ? name : ""), std::move(text)});
    }
    return out;
}

// Header values as GMime gives them: unfolded, RFC 2047 words decoded.
std::vector<HeaderField> header_fields(GMimeObject* object) {
    std::vector<HeaderField> out;
    GMimeHeaderList* list = g_mime_object_get_header_list(object);
    const int count = list != nullptr ? g_mime_header_list_get_count(list) : 0;
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(list, i);
        const char* name = g_mime_header_get_name(header);
        const char* value = g_mime_header_get_value(header);
        HeaderField field;
        append_utf8(field.name, name != nullptr ? name : "");
        append_utf8(field.value, trim(value != nullptr ? value : ""));
        out.push_back(std::move(field));
    }
    return out;
}

// Whether a leaf of this type holds text worth decoding.
bool holds_text(const ContentType& type) {
    return type.is_media("text") || type.is_media("message") || type.is("application/json") ||
           type.is("application/xml") || type.is("application/x-json");
}

void add_prologue(DecodedMessage& message, const char* text, bool in_original) {
    const std::string_view view = text != nullptr ? text : "";
    if (view.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return;
    }
    MessagePart part;
    part.text = to_utf8(view, {});
    part.in_original = in_original;
    part.preamble = true;
    message.parts.push_back(std::move(part));
}

void walk(GMimeObject* object, bool in_original, DecodedMessage& message, int depth);

void walk_message(GMimeMessage* embedded, bool in_original, DecodedMessage& message, int depth) {
    if (embedded == nullptr) {
        return;
    }
    GMimeObject* body = g_mime_message_get_mime_part(embedded);
    if (body != nullptr) {
        walk(body, in_original, message, depth + 1);
    }
}

// Depth first; the depth bound keeps a hostile nesting from exhausting the
// stack (GMime itself parses deeper).
void walk(GMimeObject* object, bool in_original, DecodedMessage& message, int depth) {
    constexpr int max_depth = 64;
    if (object == nullptr || depth > max_depth) {
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        auto* multipart = GMIME_MULTIPART(object);
        // Some MTAs write their notice before the first boundary.
        add_prologue(message, g_mime_multipart_get_prologue(multipart), in_original);
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i) {
            walk(g_mime_multipart_get_part(multipart, i), in_original, message, depth + 1);
        }
        return;
    }
    MessagePart part;
    part.content_type = content_type_of(object);
    part.in_original = in_original || is_original_type(part.content_type);
    if (GMIME_IS_MESSAGE_PART(object)) {
        // The returned original: its header section as text, then its parts.
        GMimeMessage* embedded = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (embedded != nullptr) {
            for (const HeaderField& field : header_fields(GMIME_OBJECT(embedded))) {
                part.text += field.name + ": " + field.value + "\n";
            }
        }
        const bool inside = part.in_original;
        message.parts.push_back(std::move(part));
        walk_message(embedded, inside, message, depth);
        return;
    }
    if (GMIME_IS_PART(object) && holds_text(part.content_type)) {
        part.text = to_utf8(decoded_content(GMIME_PART(object)), part.content_type.parameter("charset"));
    }
    message.parts.push_back(std::move(part));
}

} // namespace

DecodedMessage read_message(std::string_view bytes) {
    init_gmime();
    // An mbox "From " line before the header section (RFC 4155).
    if (starts_with(bytes, "From ")) {
        const std::size_t end = bytes.find('\n');
        bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    }
    DecodedMessage message;
    Ref<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(bytes.data(), static_cast<size_t>(bytes.size())));
    Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    Ref<GMimeMessage> parsed(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!parsed) {
        MessagePart part;
        part.text = to_utf8(bytes, {});
        message.parts.push_back(std::move(part));
        return message;
    }
    message.headers = header_fields(GMIME_OBJECT(parsed.get()));
    GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
    if (body != nullptr) {
        message.content_type = content_type_of(body);
    }
    walk_message(parsed.get(), false, message, 0);
    return message;
}

} // namespace smtp_explain
