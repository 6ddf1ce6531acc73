// Fuzz target for <smtp/delivery_status.hpp>. For any bytes, checked under
// AddressSanitizer and UndefinedBehaviorSanitizer:
// - no read past the input (libFuzzer's buffer, and each prefix, is an
//   exact-size heap copy);
// - every view the parse gives (field names and values, typed values, the
//   groups' bytes, the diagnostic's text and pieces) lies inside the input;
// - recipient_count() is the number of groups iterated, at most half the
//   input's size, and non-zero exactly when error() is None;
// - field(name) finds the first field of that name that fields() gives;
// - an unfolded value is its raw bytes less the line ends, and
//   copy_unfolded writes exactly the pieces lines() gives;
// - the problems agree with the accessors (MissingAction means Unknown,
//   MissingStatus means no status, ...);
// - read_diagnostic, on every Diagnostic-Code and on the raw input: a code
//   is 200 to 599, an enhanced code is valid and has the code's class, the
//   pieces are non-empty, lie inside text() and hold no line break;
// - a prefix parses without harm and never has more recipients than the
//   whole.
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "delivery_status_fuzz: %s\n", what);
    std::abort();
}

void expect(bool holds, const char* what) {
    if (!holds) {
        fail(what);
    }
}

bool inside(std::string_view outer, std::string_view part) {
    if (part.empty()) {
        return true; // an empty view may point anywhere, even nowhere
    }
    return part.data() >= outer.data() && part.data() + part.size() <= outer.data() + outer.size();
}

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

void check_text(std::string_view input, const smtp::FoldedText& text) {
    expect(inside(input, text.raw()), "value outside the input");
    std::string joined;
    std::size_t line_ends = 0;
    for (const std::string_view line : text.lines()) {
        expect(inside(text.raw(), line), "line outside its value");
        expect(line.find('\n') == std::string_view::npos, "line with a line break");
        joined.append(line);
    }
    for (std::size_t i = 0; i < text.raw().size(); ++i) {
        if (text.raw()[i] == '\n') {
            line_ends += i != 0 && text.raw()[i - 1] == '\r' ? 2u : 1u;
        }
    }
    expect(text.unfolded_size() == joined.size(), "unfolded_size differs from the lines");
    expect(text.raw().size() - line_ends == joined.size(), "unfolding drops more than line ends");
    expect(text.is_folded() == (line_ends != 0), "is_folded wrong");
    std::vector<char> buffer(joined.size() + 1, '\x7f');
    expect(text.copy_unfolded(buffer.data(), buffer.data() + joined.size()) == joined.size(),
           "copy_unfolded size");
    expect(std::string_view(buffer.data(), joined.size()) == joined, "copy_unfolded bytes");
    expect(buffer[joined.size()] == '\x7f', "copy_unfolded wrote past its range");
    if (!joined.empty()) {
        char one = '\0';
        expect(text.copy_unfolded(&one, &one + 1) == joined.size(), "short copy size");
        expect(one == joined[0], "short copy byte");
    }
}

void check_typed(std::string_view input, const std::optional<smtp::DsnTypedValue>& value) {
    if (!value) {
        return;
    }
    expect(inside(input, value->type()), "type outside the input");
    expect(value->has_type() == !value->type().empty(), "has_type and type disagree");
    if (value->has_type()) {
        expect(value->is_type(value->type()), "is_type of its own type");
    }
    check_text(input, value->value());
}

void check_diagnostic(std::string_view outer, const smtp::DiagnosticReply& reply) {
    expect(inside(outer, reply.before()), "before() outside the text");
    expect(inside(outer, reply.text()), "text() outside the text");
    if (const std::optional<int> code = reply.code()) {
        expect(*code >= 200 && *code <= 599, "code out of range");
    }
    if (const std::optional<smtp::EnhancedStatusCode> enhanced = reply.enhanced()) {
        expect(smtp::is_valid(*enhanced), "invalid enhanced code");
        if (const std::optional<int> code = reply.code()) {
            expect(enhanced->status_class == *code / 100, "enhanced class differs from the code's");
        }
    }
    expect(reply.found() == (reply.code().has_value() || reply.enhanced().has_value()), "found()");
    if (!reply.found()) {
        expect(reply.text().empty() && reply.flags().empty(), "text or flags without a reply");
    }
    for (const std::string_view piece : reply.pieces()) {
        expect(!piece.empty(), "empty piece");
        expect(inside(reply.text(), piece), "piece outside text()");
        expect(piece.find('\n') == std::string_view::npos, "piece with a line break");
    }
    for (const smtp::DiagnosticFlag flag : reply.flags()) {
        expect(!smtp::name(flag).empty(), "flag without a name");
    }
}

template <class Block>
void check_fields(std::string_view input, const Block& block) {
    for (const smtp::DsnField field : block.fields()) {
        expect(inside(input, field.name), "name outside the input");
        expect(!field.name.empty(), "empty field name");
        check_text(input, field.value);
        // field(name) gives the first field of that name.
        std::string_view first{};
        for (const smtp::DsnField other : block.fields()) {
            if (same_name(other.name, field.name)) {
                first = other.value.raw();
                break;
            }
        }
        const std::optional<smtp::FoldedText> found = block.field(field.name);
        expect(found.has_value() && found->raw().data() == first.data() &&
                   found->raw().size() == first.size(),
               "field(name) is not the first field of that name");
    }
    for (const smtp::DsnProblem problem : block.problems()) {
        expect(!smtp::name(problem).empty(), "problem without a name");
    }
}

std::size_t check_content(std::string_view input) {
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(input);
    check_fields(input, dsn);
    check_typed(input, dsn.reporting_mta());
    check_typed(input, dsn.dsn_gateway());
    check_typed(input, dsn.received_from_mta());
    if (dsn.arrival_date()) {
        check_text(input, *dsn.arrival_date());
    }
    if (dsn.original_envelope_id()) {
        check_text(input, *dsn.original_envelope_id());
    }
    if (dsn.error() == smtp::DsnError::Empty) {
        expect(dsn.problems().empty() && dsn.fields().empty(), "problems or fields of nothing");
    } else {
        expect(dsn.reporting_mta().has_value() !=
                   dsn.problems().contains(smtp::DsnProblem::MissingReportingMta),
               "MissingReportingMta disagrees");
    }

    std::size_t count = 0;
    for (const smtp::DsnRecipient& group : dsn.recipients()) {
        ++count;
        expect(count <= input.size(), "more groups than bytes");
        expect(inside(input, group.raw()), "group outside the input");
        expect(!group.fields().empty(), "a group without fields");
        check_fields(input, group);
        check_typed(input, group.original_recipient());
        check_typed(input, group.final_recipient());
        check_typed(input, group.remote_mta());
        check_typed(input, group.diagnostic_code());
        for (const auto& text : {group.last_attempt_date(), group.final_log_id(), group.will_retry_until()}) {
            if (text) {
                check_text(input, *text);
            }
        }
        const smtp::DsnProblems problems = group.problems();
        expect(group.final_recipient().has_value() !=
                   problems.contains(smtp::DsnProblem::MissingFinalRecipient),
               "MissingFinalRecipient disagrees");
        if (problems.contains(smtp::DsnProblem::MissingAction) ||
            problems.contains(smtp::DsnProblem::UnknownAction)) {
            expect(group.action() == smtp::DsnAction::Unknown, "action despite its problem");
        }
        if (problems.contains(smtp::DsnProblem::MissingStatus)) {
            expect(!group.status(), "status despite MissingStatus");
        }
        if (const std::optional<smtp::EnhancedStatusCode> status = group.status()) {
            expect(smtp::is_valid(*status), "invalid status");
        }
        const smtp::DiagnosticReply reply = group.diagnostic();
        if (const auto code = group.diagnostic_code()) {
            check_diagnostic(code->value().raw(), reply);
        } else {
            expect(!reply.found(), "a reply without a Diagnostic-Code");
        }
    }
    expect(count == dsn.recipient_count(), "recipient_count differs from the groups");
    expect(count * 2 <= input.size(), "more groups than two bytes each");
    expect(dsn.ok() == (count != 0), "ok() disagrees with the count");
    expect(dsn.recipients().empty() == (count == 0), "empty() disagrees with the count");
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t count = check_content(input);
    check_diagnostic(input, smtp::read_diagnostic(input));

    // Prefixes, as exact-size copies: a truncated part never crashes and
    // never has more recipients than the whole.
    for (const std::size_t cut : {size / 2, size == 0 ? std::size_t{0} : size - 1}) {
        const std::vector<char> bytes(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(cut));
        const std::string_view prefix(bytes.data(), bytes.size());
        expect(check_content(prefix) <= count, "a prefix has more recipients than the whole");
        check_diagnostic(prefix, smtp::read_diagnostic(prefix));
    }
    return 0;
}
