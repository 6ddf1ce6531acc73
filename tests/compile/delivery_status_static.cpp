// Compile-time proof for <smtp/delivery_status.hpp>: parse_delivery_status,
// the recipients' groups and their fields, and read_diagnostic work in a
// constant expression, and all are noexcept. Compiling this file is the
// test.
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

// The views' ranges are forward ranges in C++20. (The header does not
// include <iterator>, so their iterators carry no C++17 iterator_category:
// they are for range-for, and for std::ranges where there is <ranges>.)
#if __cplusplus >= 202002L && defined(__has_include)
#if __has_include(<ranges>)
#include <ranges>
#if defined(__cpp_lib_ranges)
static_assert(std::ranges::forward_range<smtp::DsnRecipients>);
static_assert(std::ranges::forward_range<smtp::DsnFields>);
static_assert(std::ranges::forward_range<smtp::FoldedText::Lines>);
static_assert(std::ranges::forward_range<smtp::DiagnosticPieces>);
static_assert(std::ranges::forward_range<smtp::DsnProblems>);
#endif
#endif
#endif

namespace {

using smtp::DiagnosticFlag;
using smtp::DsnAction;
using smtp::DsnError;
using smtp::DsnFieldKind;
using smtp::DsnProblem;
using smtp::EnhancedStatusCode;
using namespace std::string_view_literals;

// The types.
static_assert(std::is_same_v<decltype(smtp::parse_delivery_status(""sv)), smtp::DeliveryStatus>);
static_assert(std::is_same_v<decltype(smtp::read_diagnostic(""sv)), smtp::DiagnosticReply>);
static_assert(std::is_same_v<decltype(smtp::DsnRecipient{}.status()),
                             std::optional<EnhancedStatusCode>>);
static_assert(std::is_same_v<decltype(smtp::DsnRecipient{}.final_recipient()),
                             std::optional<smtp::DsnTypedValue>>);
static_assert(std::is_same_v<decltype(smtp::DiagnosticReply{}.code()), std::optional<int>>);
static_assert(std::is_same_v<decltype(*smtp::DeliveryStatus{}.recipients().begin()),
                             smtp::DsnRecipient>);
static_assert(std::is_same_v<decltype(*smtp::DsnRecipient{}.fields().begin()), smtp::DsnField>);
static_assert(std::is_same_v<decltype(*smtp::FoldedText{}.lines().begin()), std::string_view>);
static_assert(std::is_same_v<decltype(*smtp::DiagnosticReply{}.pieces().begin()), std::string_view>);
static_assert(std::is_same_v<std::underlying_type_t<DsnError>, int>);
static_assert(static_cast<int>(DsnError::None) == 0);
// Views: cheap to copy, nothing to destroy.
static_assert(std::is_trivially_copyable_v<smtp::DeliveryStatus>);
static_assert(std::is_trivially_copyable_v<smtp::DsnRecipient>);
static_assert(std::is_trivially_copyable_v<smtp::DiagnosticReply>);
static_assert(std::is_trivially_destructible_v<smtp::DsnRecipients::iterator>);
// Every problem and flag fits the 32 bits of a FlagSet.
static_assert(static_cast<int>(DsnProblem::StatusHasText) < 32);
static_assert(static_cast<int>(DiagnosticFlag::EnhancedWithHash) < 32);

// noexcept.
static_assert(noexcept(smtp::parse_delivery_status(""sv)));
static_assert(noexcept(smtp::read_diagnostic(""sv)));
static_assert(noexcept(smtp::DeliveryStatus{}.recipients().begin()) &&
              noexcept(++smtp::DeliveryStatus{}.recipients().begin()) &&
              noexcept(smtp::DeliveryStatus{}.field(""sv)) &&
              noexcept(smtp::DeliveryStatus{}.reporting_mta()) &&
              noexcept(smtp::DeliveryStatus{}.fields().begin()));
static_assert(noexcept(smtp::DsnRecipient{}.status()) && noexcept(smtp::DsnRecipient{}.action()) &&
              noexcept(smtp::DsnRecipient{}.final_recipient()) &&
              noexcept(smtp::DsnRecipient{}.diagnostic()) &&
              noexcept(smtp::DsnRecipient{}.field(""sv)) &&
              noexcept(smtp::DsnRecipient{}.problems().begin()));
static_assert(noexcept(smtp::FoldedText{}.copy_unfolded(nullptr, nullptr)) &&
              noexcept(smtp::FoldedText{}.unfolded_size()) &&
              noexcept(++smtp::FoldedText{}.lines().begin()));
static_assert(noexcept(smtp::DiagnosticReply{}.pieces().begin()) &&
              noexcept(++smtp::DiagnosticReply{}.pieces().begin()));
static_assert(noexcept(smtp::name(DsnProblem{})) && noexcept(smtp::description(DsnProblem{})) &&
              noexcept(smtp::name(DiagnosticFlag{})) && noexcept(smtp::name(DsnAction{})) &&
              noexcept(smtp::name(DsnError{})) && noexcept(smtp::field_name(DsnFieldKind{})));

// A two-recipient DSN, parsed at compile time. The second group follows
// without a blank line and writes Action first (as Exim does).
constexpr std::string_view content =
    "Reporting-MTA: dns; mx.example.org (Postfix)\r\n"
    "X-Postfix-Queue-ID: 4F3C2\r\n"
    "\r\n"
    "Final-Recipient: rfc822; <a@example.com>\r\n"
    "Action: FAILED\r\n"
    "Status: 5.1.1 (user unknown)\r\n"
    "Diagnostic-Code: smtp; 550-5.1.1 No such user 550 5.1.1\r\n"
    "    see https://help.example\r\n"
    "Action: delayed\r\n"
    "Final-Recipient: b@example.com\r\n"
    "Status: 4.4.1\r\n";
constexpr smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
static_assert(dsn.ok() && dsn.error() == DsnError::None);
static_assert(dsn.problems().empty());
static_assert(dsn.recipient_count() == 2);
static_assert(dsn.reporting_mta()->is_type("DNS"));
static_assert(dsn.reporting_mta()->value().raw() == "mx.example.org");
static_assert(dsn.field("x-postfix-queue-id")->raw() == "4F3C2");
static_assert(!dsn.arrival_date());

constexpr smtp::DsnRecipient first = *dsn.recipients().begin();
static_assert(first.final_recipient()->value().raw() == "a@example.com");
static_assert(first.problems().size() == 1 && first.problems().contains(DsnProblem::AddressInBrackets));
static_assert(first.action() == DsnAction::Failed);
static_assert(first.status() == EnhancedStatusCode{5, 1, 1});
static_assert(first.diagnostic_code()->is_type("smtp"));
static_assert(first.diagnostic_code()->value().is_folded());
static_assert(first.diagnostic_code()->value().unfolded_size() ==
              first.diagnostic_code()->value().raw().size() - 2);

constexpr smtp::DiagnosticReply reply = first.diagnostic();
static_assert(reply.code() == 550);
static_assert(reply.status() == smtp::SmtpStatusCode::MailboxUnavailable);
static_assert(reply.enhanced() == EnhancedStatusCode{5, 1, 1});
static_assert(reply.flags().contains(DiagnosticFlag::JoinedLines));
static_assert(*reply.pieces().begin() == "No such user");
static_assert(*++reply.pieces().begin() == "see https://help.example");

constexpr smtp::DsnRecipient second = *++dsn.recipients().begin();
static_assert(second.action() == DsnAction::Delayed);
static_assert(second.status() == EnhancedStatusCode{4, 4, 1});
static_assert(second.problems().contains(DsnProblem::MissingSeparator));
static_assert(second.problems().contains(DsnProblem::MissingType));
static_assert(second.problems().size() == 2);
static_assert(++++dsn.recipients().begin() == dsn.recipients().end());

constexpr std::size_t count_fields(const smtp::DsnRecipient& group) {
    std::size_t n = 0;
    for (const smtp::DsnField field : group.fields()) {
        n += field.kind == DsnFieldKind::Unknown ? 0u : 1u;
    }
    return n;
}
static_assert(count_fields(first) == 4);
static_assert(count_fields(second) == 3);

// Copying an unfolded value into a buffer, in a constant expression.
constexpr std::size_t unfolded_length() {
    char buffer[64] = {};
    return first.diagnostic_code()->value().copy_unfolded(buffer, buffer + sizeof buffer);
}
static_assert(unfolded_length() == first.diagnostic_code()->value().unfolded_size());

// The errors, and the reader's other answers.
static_assert(smtp::parse_delivery_status("").error() == DsnError::Empty);
static_assert(smtp::parse_delivery_status("garbage\n").error() == DsnError::NoFields);
static_assert(smtp::parse_delivery_status("Reporting-MTA: dns; x\n").error() ==
              DsnError::NoRecipients);
static_assert(smtp::read_diagnostic("5.1.1 user unknown").enhanced() == EnhancedStatusCode{5, 1, 1});
static_assert(!smtp::read_diagnostic("5.1.1 user unknown").code());
static_assert(smtp::read_diagnostic("host x[192.0.2.1] said: 421 4.7.0 later").code() == 421);
static_assert(!smtp::read_diagnostic("DNS Error: no MX").found());
static_assert(smtp::read_diagnostic("550 4.1.1 x").flags().contains(DiagnosticFlag::EnhancedClassMismatch));
static_assert(smtp::name(DsnProblem::StatusNotEnhanced) == "StatusNotEnhanced");
static_assert(smtp::field_name(DsnFieldKind::ReportingMta) == "Reporting-MTA");

} // namespace
