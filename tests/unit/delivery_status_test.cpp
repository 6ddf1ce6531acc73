// Tests for <smtp/delivery_status.hpp>. It is included first to prove that it
// compiles on its own.
#include <smtp/delivery_status.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using smtp::DiagnosticFlag;
using smtp::DsnAction;
using smtp::DsnError;
using smtp::DsnFieldKind;
using smtp::DsnProblem;
using smtp::EnhancedStatusCode;
using namespace std::string_view_literals;

using Enhanced = std::optional<EnhancedStatusCode>;
constexpr Enhanced no_enhanced = std::nullopt;
constexpr std::optional<int> no_code = std::nullopt;

// ---------------------------------------------------------------------------
// Helpers: copies of what the views give, for comparing with expectations.

std::string unfolded(const smtp::FoldedText& text) {
    std::string out;
    for (const std::string_view line : text.lines()) {
        out.append(line);
    }
    return out;
}

std::string unfolded(const std::optional<smtp::FoldedText>& text) {
    REQUIRE(text.has_value());
    return unfolded(*text);
}

std::string joined(const smtp::DiagnosticReply& reply) {
    std::string out;
    for (const std::string_view piece : reply.pieces()) {
        if (!out.empty()) {
            out += ' ';
        }
        out.append(piece);
    }
    return out;
}

// The ranges are for range-for (and C++20 ranges): without <iterator> in
// the header their iterators carry no C++17 iterator_category, so copy them
// by hand.
template <class Range>
auto collect(const Range& range) {
    std::vector<std::decay_t<decltype(*range.begin())>> out;
    for (const auto& element : range) {
        out.push_back(element);
    }
    return out;
}

std::vector<DsnProblem> listed(smtp::DsnProblems problems) { return collect(problems); }

smtp::DsnProblems set_of(std::initializer_list<DsnProblem> problems) {
    smtp::DsnProblems set;
    for (const DsnProblem problem : problems) {
        set.insert(problem);
    }
    return set;
}

smtp::DiagnosticFlags set_of(std::initializer_list<DiagnosticFlag> flags) {
    smtp::DiagnosticFlags set;
    for (const DiagnosticFlag flag : flags) {
        set.insert(flag);
    }
    return set;
}

std::vector<smtp::DsnRecipient> groups(const smtp::DeliveryStatus& dsn) {
    std::vector<smtp::DsnRecipient> out;
    for (const smtp::DsnRecipient& group : dsn.recipients()) {
        out.push_back(group);
    }
    return out;
}

std::string address(const std::optional<smtp::DsnTypedValue>& value) {
    REQUIRE(value.has_value());
    return unfolded(value->value());
}

// Every view the parse gives lies inside `input`.
bool inside(std::string_view input, std::string_view part) {
    if (part.data() == nullptr) {
        return part.empty();
    }
    return part.data() >= input.data() && part.data() + part.size() <= input.data() + input.size();
}

// Every field, value and piece of a parse, checked against the input.
void check_views(std::string_view input) {
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(input);
    std::size_t count = 0;
    for (const smtp::DsnField field : dsn.fields()) {
        CHECK(inside(input, field.name));
        CHECK(inside(input, field.value.raw()));
    }
    for (const smtp::DsnRecipient& group : dsn.recipients()) {
        ++count;
        CHECK(inside(input, group.raw()));
        for (const smtp::DsnField field : group.fields()) {
            CHECK(inside(input, field.name));
            CHECK(inside(input, field.value.raw()));
            CHECK(inside(group.raw(), field.value.raw()));
        }
        if (const auto recipient = group.final_recipient()) {
            CHECK(inside(input, recipient->type()));
            CHECK(inside(input, recipient->value().raw()));
        }
        const smtp::DiagnosticReply reply = group.diagnostic();
        CHECK(inside(input, reply.before()));
        CHECK(inside(input, reply.text()));
        for (const std::string_view piece : reply.pieces()) {
            CHECK(inside(reply.text(), piece));
        }
    }
    CHECK(count == dsn.recipient_count());
    CHECK(count * 2 <= input.size());
}

// ---------------------------------------------------------------------------
// RFC 3464 section 10: equivalents of its four examples (our own host names
// and addresses; the shapes, types and values are the RFC's).

TEST_CASE("parse_delivery_status: RFC 3464 10.1, a simple failure") {
    constexpr std::string_view content =
        "Reporting-MTA: dns; mail.example.edu\r\n"
        "\r\n"
        "Original-Recipient: rfc822;louise@host.example.org\r\n"
        "Final-Recipient: rfc822;louise@host.example.org\r\n"
        "Action: failed\r\n"
        "Status: 4.0.0\r\n"
        "Diagnostic-Code: smtp; 426 connection timed out\r\n"
        "Last-Attempt-Date: Thu, 7 Jul 1994 17:15:49 -0400\r\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.error() == DsnError::None);
    CHECK(dsn.problems().empty());
    REQUIRE(dsn.reporting_mta());
    CHECK(dsn.reporting_mta()->type() == "dns");
    CHECK(dsn.reporting_mta()->is_type("DNS"));
    CHECK(address(dsn.reporting_mta()) == "mail.example.edu");
    CHECK(!dsn.dsn_gateway());
    CHECK(!dsn.received_from_mta());
    CHECK(!dsn.arrival_date());
    CHECK(!dsn.original_envelope_id());
    CHECK(dsn.recipient_count() == 1);

    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    const smtp::DsnRecipient& group = list[0];
    CHECK(group.problems().empty());
    CHECK(address(group.original_recipient()) == "louise@host.example.org");
    CHECK(group.final_recipient()->is_type("rfc822"));
    CHECK(address(group.final_recipient()) == "louise@host.example.org");
    CHECK(group.action() == DsnAction::Failed);
    CHECK(group.status() == EnhancedStatusCode{4, 0, 0});
    CHECK(!group.remote_mta());
    REQUIRE(group.diagnostic_code());
    CHECK(group.diagnostic_code()->type() == "smtp");
    CHECK(unfolded(group.diagnostic_code()->value()) == "426 connection timed out");
    CHECK(group.diagnostic().code() == 426);
    CHECK(group.diagnostic().enhanced() == no_enhanced);
    CHECK(joined(group.diagnostic()) == "connection timed out");
    CHECK(unfolded(group.last_attempt_date()) == "Thu, 7 Jul 1994 17:15:49 -0400");
    CHECK(!group.final_log_id());
    CHECK(!group.will_retry_until());
    CHECK(group.raw().substr(0, 19) == "Original-Recipient:");
    CHECK(group.raw().back() == '\n');
}

TEST_CASE("parse_delivery_status: RFC 3464 10.2, three recipients") {
    // The second group has no Diagnostic-Code; the first one's is folded and
    // has two spaces after "smtp;"; the comments after the Status codes are
    // allowed (RFC 3464 section 2.3.4).
    constexpr std::string_view content =
        "Reporting-MTA: dns; mail.example.edu\n"
        "\n"
        "Original-Recipient: rfc822;ann@gw.example.com\n"
        "Final-Recipient: rfc822;ann@gw.example.com\n"
        "Action: failed\n"
        "Status: 5.0.0 (permanent failure)\n"
        "Diagnostic-Code: smtp;  550 'ann@gw.EXAMPLE.COM' is not a\n"
        "    registered gateway user\n"
        "Remote-MTA: dns; gw.example.com\n"
        "\n"
        "Original-Recipient: rfc822;john@host.example.net\n"
        "Final-Recipient: rfc822;john@host.example.net\n"
        "Action: delayed\n"
        "Status: 4.0.0 (host.example.net: host name lookup failure)\n"
        "\n"
        "Original-Recipient: rfc822;wes@lab.example.org\n"
        "Final-Recipient: rfc822;wes@lab.example.org\n"
        "Action: failed\n"
        "Status: 5.0.0\n"
        "Diagnostic-Code: smtp; 550 user unknown\n"
        "Remote-MTA: dns; lab.example.org\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.recipient_count() == 3);
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 3);
    for (const smtp::DsnRecipient& group : list) {
        CHECK(listed(group.problems()) == std::vector<DsnProblem>{});
    }

    CHECK(address(list[0].final_recipient()) == "ann@gw.example.com");
    CHECK(list[0].action() == DsnAction::Failed);
    CHECK(list[0].status() == EnhancedStatusCode{5, 0, 0});
    CHECK(address(list[0].remote_mta()) == "gw.example.com");
    const smtp::FoldedText diagnostic = list[0].diagnostic_code()->value();
    CHECK(diagnostic.is_folded());
    CHECK(diagnostic.raw() == "550 'ann@gw.EXAMPLE.COM' is not a\n    registered gateway user");
    CHECK(unfolded(diagnostic) == "550 'ann@gw.EXAMPLE.COM' is not a    registered gateway user");
    CHECK(diagnostic.unfolded_size() == unfolded(diagnostic).size());
    CHECK(list[0].diagnostic().code() == 550);
    CHECK(joined(list[0].diagnostic()) == "'ann@gw.EXAMPLE.COM' is not a registered gateway user");

    CHECK(address(list[1].final_recipient()) == "john@host.example.net");
    CHECK(list[1].action() == DsnAction::Delayed);
    CHECK(list[1].status() == EnhancedStatusCode{4, 0, 0});
    CHECK(!list[1].diagnostic_code());
    CHECK(!list[1].diagnostic().found());
    CHECK(unfolded(list[1].field("status")) == "4.0.0 (host.example.net: host name lookup failure)");

    CHECK(address(list[2].final_recipient()) == "wes@lab.example.org");
    CHECK(list[2].diagnostic().code() == 550);
    CHECK(joined(list[2].diagnostic()) == "user unknown");
}

TEST_CASE("parse_delivery_status: RFC 3464 10.3, from a gateway, Status before Action") {
    constexpr std::string_view content =
        "Reporting-MTA: mailbus; SYS30\r\n"
        "\r\n"
        "Final-Recipient: unknown; nair_s\r\n"
        "Status: 5.0.0 (unknown permanent failure)\r\n"
        "Action: failed\r\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.reporting_mta()->type() == "mailbus");
    CHECK(address(dsn.reporting_mta()) == "SYS30");
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(list[0].final_recipient()->is_type("unknown"));
    CHECK(address(list[0].final_recipient()) == "nair_s");
    CHECK(list[0].status() == EnhancedStatusCode{5, 0, 0});
    CHECK(list[0].action() == DsnAction::Failed);
}

TEST_CASE("parse_delivery_status: RFC 3464 10.4, a delayed message") {
    constexpr std::string_view content =
        "Reporting-MTA: dns; relay.example.ac.uk\n"
        "\n"
        "Final-Recipient: rfc822;thomas@example.ac.uk\n"
        "Status: 4.0.0 (unknown temporary failure)\n"
        "Action: delayed\n"
        "Will-Retry-Until: Fri, 8 Jul 1994 09:21:47 -0400\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(list[0].action() == DsnAction::Delayed);
    CHECK(list[0].status() == EnhancedStatusCode{4, 0, 0});
    CHECK(unfolded(list[0].will_retry_until()) == "Fri, 8 Jul 1994 09:21:47 -0400");
}

// ---------------------------------------------------------------------------
// The shapes real MTAs write.

TEST_CASE("parse_delivery_status: Postfix (Final-Recipient first, X- fields, folded diagnostic)") {
    constexpr std::string_view content =
        "Reporting-MTA: dns; mail.example.com\r\n"
        "X-Postfix-Queue-ID: 4F3C21234\r\n"
        "X-Postfix-Sender: rfc822; sender@example.com\r\n"
        "Arrival-Date: Mon, 15 Jan 2024 10:00:00 +0000 (UTC)\r\n"
        "\r\n"
        "Final-Recipient: rfc822; nobody@example.org\r\n"
        "Original-Recipient: rfc822;nobody@example.org\r\n"
        "Action: failed\r\n"
        "Status: 5.1.1\r\n"
        "Remote-MTA: dns; mx.example.org\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address\r\n"
        "    rejected: User unknown in virtual mailbox table\r\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.problems().empty());
    CHECK(unfolded(dsn.field("x-postfix-queue-id")) == "4F3C21234");
    CHECK(unfolded(dsn.field("X-Postfix-Sender")) == "rfc822; sender@example.com");
    CHECK(!dsn.field("X-Postfix-Nothing"));
    CHECK(unfolded(dsn.arrival_date()) == "Mon, 15 Jan 2024 10:00:00 +0000 (UTC)");

    std::vector<DsnFieldKind> kinds;
    std::vector<std::string_view> names;
    for (const smtp::DsnField field : dsn.fields()) {
        kinds.push_back(field.kind);
        names.push_back(field.name);
    }
    CHECK(kinds == std::vector<DsnFieldKind>{DsnFieldKind::ReportingMta, DsnFieldKind::Extension,
                                             DsnFieldKind::Extension, DsnFieldKind::ArrivalDate});
    CHECK(names == std::vector<std::string_view>{"Reporting-MTA", "X-Postfix-Queue-ID",
                                                 "X-Postfix-Sender", "Arrival-Date"});

    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    const smtp::DsnRecipient& group = list[0];
    CHECK(group.problems().empty());
    CHECK(address(group.final_recipient()) == "nobody@example.org");
    CHECK(address(group.original_recipient()) == "nobody@example.org");
    CHECK(group.status() == EnhancedStatusCode{5, 1, 1});
    const smtp::DiagnosticReply reply = group.diagnostic();
    CHECK(reply.code() == 550);
    CHECK(reply.status() == smtp::SmtpStatusCode::MailboxUnavailable);
    CHECK(reply.enhanced() == EnhancedStatusCode{5, 1, 1});
    CHECK(reply.flags().empty());
    CHECK(joined(reply) ==
          "<nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table");

    std::vector<DsnFieldKind> group_kinds;
    for (const smtp::DsnField field : group.fields()) {
        group_kinds.push_back(field.kind);
    }
    CHECK(group_kinds == std::vector<DsnFieldKind>{DsnFieldKind::FinalRecipient,
                                                   DsnFieldKind::OriginalRecipient,
                                                   DsnFieldKind::Action, DsnFieldKind::Status,
                                                   DsnFieldKind::RemoteMta,
                                                   DsnFieldKind::DiagnosticCode});
}

TEST_CASE("parse_delivery_status: Exim (Action first), Gmail's joined multiline reply") {
    constexpr std::string_view content =
        "Reporting-MTA: dns; mail.example.com\n"
        "\n"
        "Action: failed\n"
        "Final-Recipient: rfc822;nobody@gmail.example\n"
        "Status: 5.0.0\n"
        "Remote-MTA: dns; gmail-smtp-in.l.google.example\n"
        "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\n"
        " not exist. Please try 550-5.1.1 double-checking the recipient's email\n"
        " address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1\n"
        " https://support.google.example/mail/?p=NoSuchUser a1si2 - gsmtp\n"
        "\n"
        "Action: failed\n"
        "Final-Recipient: rfc822;other@gmail.example\n"
        "Status: 5.0.0\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 2);
    CHECK(list[0].problems().empty());
    CHECK(list[1].problems().empty());
    CHECK(address(list[1].final_recipient()) == "other@gmail.example");
    const smtp::DiagnosticReply reply = list[0].diagnostic();
    CHECK(reply.code() == 550);
    CHECK(reply.enhanced() == EnhancedStatusCode{5, 1, 1});
    CHECK(reply.flags() == set_of({DiagnosticFlag::JoinedLines}));
    CHECK(joined(reply) ==
          "The email account that you tried to reach does not exist. Please try "
          "double-checking the recipient's email address for typos or unnecessary spaces. "
          "Learn more at https://support.google.example/mail/?p=NoSuchUser a1si2 - gsmtp");
}

TEST_CASE("parse_delivery_status: Exchange-style values (no space after ';', X- fields)") {
    constexpr std::string_view content =
        "Reporting-MTA: dns;EX01.corp.example.com\r\n"
        "Received-From-MTA: dns;EX02.corp.example.com\r\n"
        "Arrival-Date: Tue, 16 Jan 2024 08:00:00 +0000\r\n"
        "Original-Envelope-Id: QQ314159\r\n"
        "DSN-Gateway: dns; gw.corp.example.com\r\n"
        "\r\n"
        "Final-Recipient: rfc822;gone@corp.example.com\r\n"
        "Action: failed\r\n"
        "Status: 5.1.10\r\n"
        "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n"
        "X-Display-Name: Gone Person\r\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.problems().empty());
    CHECK(address(dsn.reporting_mta()) == "EX01.corp.example.com");
    CHECK(address(dsn.received_from_mta()) == "EX02.corp.example.com");
    CHECK(address(dsn.dsn_gateway()) == "gw.corp.example.com");
    CHECK(unfolded(dsn.original_envelope_id()) == "QQ314159");
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(list[0].status() == EnhancedStatusCode{5, 1, 10});
    CHECK(list[0].diagnostic().code() == 550);
    CHECK(list[0].diagnostic().enhanced() == EnhancedStatusCode{5, 1, 10});
    CHECK(unfolded(list[0].field("x-display-name")) == "Gone Person");
}

// ---------------------------------------------------------------------------
// Line ends, folding, case, comments.

TEST_CASE("parse_delivery_status: CRLF, LF and mixed line ends read the same") {
    const std::string lf =
        "Reporting-MTA: dns; mx.example\n"
        "\n"
        "Final-Recipient: rfc822; a@example.org\n"
        "Action: failed\n"
        "Status: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 5.1.1 no such\n"
        "\tuser here\n";
    std::string crlf;
    std::string mixed;
    bool odd = false;
    for (const char c : lf) {
        if (c == '\n') {
            crlf += "\r\n";
            mixed += odd ? "\r\n" : "\n";
            odd = !odd;
        } else {
            crlf += c;
            mixed += c;
        }
    }
    for (const std::string& content : {lf, crlf, mixed}) {
        CAPTURE(content);
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        REQUIRE(dsn.ok());
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        CHECK(list[0].problems().empty());
        CHECK(address(list[0].final_recipient()) == "a@example.org");
        CHECK(unfolded(list[0].diagnostic_code()->value()) == "550 5.1.1 no such\tuser here");
        CHECK(joined(list[0].diagnostic()) == "no such user here");
        check_views(content);
    }
}

TEST_CASE("parse_delivery_status: folded values, in every field kind") {
    constexpr std::string_view content =
        "Reporting-MTA:\r\n"
        "  dns;\r\n"
        "  mx.example\r\n"
        "\r\n"
        "Final-Recipient: rfc822;\r\n"
        "\tvery.long.address@example.org\r\n"
        "Action:\r\n"
        " failed\r\n"
        "Status: 5.1.1\r\n"
        "  (user unknown)\r\n"
        "Final-Log-ID: 12345\r\n"
        " 67890\r\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.problems().empty());
    CHECK(address(dsn.reporting_mta()) == "mx.example");
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(address(list[0].final_recipient()) == "very.long.address@example.org");
    CHECK(list[0].action() == DsnAction::Failed);
    CHECK(list[0].status() == EnhancedStatusCode{5, 1, 1});
    CHECK(list[0].final_log_id()->raw() == "12345\r\n 67890");
    CHECK(unfolded(list[0].final_log_id()) == "12345 67890");
}

TEST_CASE("parse_delivery_status: field names, types and Action in any case") {
    constexpr std::string_view content =
        "reporting-mta: DNS; mx.example\n"
        "\n"
        "FINAL-RECIPIENT: RFC822; a@example.org\n"
        "action: FAILED\n"
        "sTaTuS: 5.1.1\n"
        "diagnostic-code: SMTP; 550 5.1.1 unknown\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(dsn.problems().empty());
    CHECK(dsn.reporting_mta()->is_type("dns"));
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(list[0].final_recipient()->type() == "RFC822");
    CHECK(list[0].final_recipient()->is_type("rfc822"));
    CHECK(!list[0].final_recipient()->is_type("rfc82"));
    CHECK(list[0].action() == DsnAction::Failed);
    CHECK(list[0].status() == EnhancedStatusCode{5, 1, 1});
    CHECK(list[0].diagnostic_code()->is_type("smtp"));
    CHECK(list[0].diagnostic().code() == 550);
}

TEST_CASE("parse_delivery_status: comments in addresses and MTA names") {
    struct Row {
        std::string_view field_value; // after "Final-Recipient: "
        std::string_view type;
        std::string_view value;
        std::vector<DsnProblem> problems;
    };
    const Row rows[] = {
        {"rfc822; a@example.org (Ann)",              "rfc822", "a@example.org", {}},
        {"(old) rfc822; a@example.org",              "rfc822", "a@example.org", {}},
        {"rfc822 (type) ; (lead) a@example.org",     "rfc822", "a@example.org", {}},
        {"rfc822; a@example.org (x (nested) y)",     "rfc822", "a@example.org", {}},
        {"rfc822; a@example.org (a \\) b)",          "rfc822", "a@example.org", {}},
        {"rfc822; \"a (not) b\"@example.org",        "rfc822", "\"a (not) b\"@example.org", {}},
        {"rfc822; a(inner)@example.org",             "rfc822", "a(inner)@example.org", {}},
        {"rfc822; <a@example.org> (Ann)",            "rfc822", "a@example.org", {DsnProblem::AddressInBrackets}},
        {"rfc822; a@example.org (unclosed",          "rfc822", "a@example.org", {DsnProblem::UnclosedComment}},
        {"rfc822; \"a@example.org",                  "rfc822", "\"a@example.org", {DsnProblem::UnclosedComment}},
        {"rfc822; (only a comment)",                 "rfc822", "", {DsnProblem::EmptyValue}},
        {"a@example.org (no type)",                  "", "a@example.org", {DsnProblem::MissingType}},
        {"utf-8; user@example.org",                  "utf-8", "user@example.org", {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.field_value);
        const std::string content = "Reporting-MTA: dns; mx.example (Postfix)\n\nFinal-Recipient: " +
                                    std::string(row.field_value) +
                                    "\nAction: failed\nStatus: 5.1.1\n";
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        REQUIRE(dsn.ok());
        CHECK(address(dsn.reporting_mta()) == "mx.example");
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        REQUIRE(list[0].final_recipient());
        CHECK(list[0].final_recipient()->type() == row.type);
        CHECK(list[0].final_recipient()->has_type() == !row.type.empty());
        CHECK(unfolded(list[0].final_recipient()->value()) == row.value);
        CHECK(listed(list[0].problems()) == row.problems);
    }
}

TEST_CASE("parse_delivery_status: Diagnostic-Code is free text, its parentheses stay") {
    constexpr std::string_view content =
        "Reporting-MTA: dns; mx.example\n\n"
        "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: X-Postfix; host mx.example.org[192.0.2.1] said: 550 5.1.1\n"
        "    <a@example.org>: user unknown (in reply to RCPT TO command)\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(list[0].diagnostic_code()->is_type("x-postfix"));
    const smtp::DiagnosticReply reply = list[0].diagnostic();
    CHECK(reply.before() == "host mx.example.org[192.0.2.1] said:");
    CHECK(reply.code() == 550);
    CHECK(reply.enhanced() == EnhancedStatusCode{5, 1, 1});
    CHECK(joined(reply) == "<a@example.org>: user unknown (in reply to RCPT TO command)");
}

TEST_CASE("parse_delivery_status: an X-Unix exit status is no reply") {
    // Sendmail's failed delivery to a program: the status is sysexits.h's
    // or the program's own (255), in a reply code's form.
    const auto diagnostic_of = [](std::string_view code_field) {
        const std::string content = "Reporting-MTA: dns; mx.example\n\n"
                                    "Final-Recipient: rfc822; a@example.org\nAction: failed\n"
                                    "Status: 5.0.0\nDiagnostic-Code: " +
                                    std::string(code_field) + "\n";
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        return std::make_pair(list[0].diagnostic_code()->is_exit_status(),
                              list[0].diagnostic().code());
    };
    CHECK(diagnostic_of("X-Unix; 255") == std::make_pair(true, std::optional<int>{}));
    CHECK(diagnostic_of("x-unix;  67 ") == std::make_pair(true, std::optional<int>{}));
    // Words, another type, or none: a reply as ever.
    CHECK(diagnostic_of("X-Unix; 550 5.1.1 unknown") ==
          std::make_pair(false, std::optional<int>{550}));
    CHECK(diagnostic_of("smtp; 255") == std::make_pair(false, std::optional<int>{255}));
    CHECK(diagnostic_of("X-Unix;") == std::make_pair(false, std::optional<int>{}));
    static_assert(!smtp::DsnTypedValue{}.is_exit_status());
}

// ---------------------------------------------------------------------------
// Groups without blank lines between them.

TEST_CASE("parse_delivery_status: missing blank lines") {
    SUBCASE("between the per-message fields and the first group") {
        constexpr std::string_view content =
            "Reporting-MTA: smtp; relay.example.net\n"
            "Original-Recipient: rfc822; bounce@relay.example.net\n"
            "Action: failed\n"
            "Status: 5.1.1\n"
            "Diagnostic-Code: SMTP; 550 No such recipient\n";
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        REQUIRE(dsn.ok());
        CHECK(dsn.problems().empty());
        CHECK(address(dsn.reporting_mta()) == "relay.example.net");
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        CHECK(listed(list[0].problems()) ==
              std::vector<DsnProblem>{DsnProblem::MissingSeparator, DsnProblem::MissingFinalRecipient});
        CHECK(address(list[0].original_recipient()) == "bounce@relay.example.net");
        CHECK(!list[0].final_recipient());
        CHECK(list[0].diagnostic().code() == 550);
    }
    SUBCASE("between groups, in RFC order, Postfix order and Exim order") {
        for (const std::string_view content : {
                 "Reporting-MTA: dns; mx.example\n\n"
                 "Original-Recipient: rfc822;a@x\nFinal-Recipient: rfc822;a@x\nAction: failed\nStatus: 5.1.1\n"
                 "Original-Recipient: rfc822;b@x\nFinal-Recipient: rfc822;b@x\nAction: delayed\nStatus: 4.4.1\n"sv,
                 "Reporting-MTA: dns; mx.example\n\n"
                 "Final-Recipient: rfc822;a@x\nOriginal-Recipient: rfc822;a@x\nAction: failed\nStatus: 5.1.1\n"
                 "Final-Recipient: rfc822;b@x\nOriginal-Recipient: rfc822;b@x\nAction: delayed\nStatus: 4.4.1\n"sv,
                 "Reporting-MTA: dns; mx.example\n\n"
                 "Action: failed\nFinal-Recipient: rfc822;a@x\nStatus: 5.1.1\n"
                 "Action: delayed\nFinal-Recipient: rfc822;b@x\nStatus: 4.4.1\n"sv,
             }) {
            CAPTURE(content);
            const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
            REQUIRE(dsn.ok());
            const std::vector<smtp::DsnRecipient> list = groups(dsn);
            REQUIRE(list.size() == 2);
            CHECK(list[0].problems().empty());
            CHECK(listed(list[1].problems()) == std::vector<DsnProblem>{DsnProblem::MissingSeparator});
            CHECK(address(list[0].final_recipient()) == "a@x");
            CHECK(list[0].action() == DsnAction::Failed);
            CHECK(address(list[1].final_recipient()) == "b@x");
            CHECK(list[1].action() == DsnAction::Delayed);
            CHECK(list[1].status() == EnhancedStatusCode{4, 4, 1});
        }
    }
    SUBCASE("no per-message fields at all") {
        constexpr std::string_view content =
            "\r\n\r\nFinal-Recipient: rfc822;a@x\r\nAction: failed\r\nStatus: 5.1.1\r\n";
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        REQUIRE(dsn.ok());
        CHECK(listed(dsn.problems()) == std::vector<DsnProblem>{DsnProblem::MissingReportingMta});
        CHECK(dsn.fields().empty());
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        CHECK(list[0].problems().empty());
    }
}

TEST_CASE("parse_delivery_status: white space lines, many blank lines, trailing garbage") {
    constexpr std::string_view content =
        "\n\n  \nReporting-MTA: dns; mx.example   \n"
        " \t \n"
        "\n"
        "Final-Recipient: rfc822; a@x   \n"
        "Action: failed \n"
        "Status: 5.1.1\t\n"
        "\r\n   \r\n"
        "-- \n"
        "this is not a field\n";
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
    REQUIRE(dsn.ok());
    CHECK(listed(dsn.problems()) == std::vector<DsnProblem>{DsnProblem::MalformedLine});
    CHECK(address(dsn.reporting_mta()) == "mx.example");
    const std::vector<smtp::DsnRecipient> list = groups(dsn);
    REQUIRE(list.size() == 1);
    CHECK(list[0].problems().empty());
    CHECK(address(list[0].final_recipient()) == "a@x");
    CHECK(list[0].action() == DsnAction::Failed);
    CHECK(list[0].status() == EnhancedStatusCode{5, 1, 1});
}

// ---------------------------------------------------------------------------
// Every problem, in a recipient's group.

struct ProblemRow {
    std::string_view group;
    std::vector<DsnProblem> problems; // in enumerator order
};

TEST_CASE("DsnRecipient::problems: every per-recipient problem") {
    // Each group follows "Reporting-MTA: dns; mx.example" and a blank line.
    const ProblemRow rows[] = {
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\n", {}},
        {"Final-Recipient: rfc822; a@x\nthis line is no field\nAction: failed\nStatus: 5.1.1\n",
         {DsnProblem::MalformedLine}},
        {"Final-Recipient: rfc822; a@x\n  continuation\nAction: failed\nStatus: 5.1.1\n", {}},
        {"Final-Recipient: rfc822; a@x\n: no name\nAction: failed\nStatus: 5.1.1\n",
         {DsnProblem::MalformedLine}},
        {"Final-Recipient : rfc822; a@x\nAction: failed\nStatus: 5.1.1\n",
         {DsnProblem::SpaceBeforeColon}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nReporting-MTA: dns; other\n",
         {DsnProblem::MisplacedField}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nSubject: hello\n",
         {DsnProblem::UnknownField}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nX-Anything: kept\n", {}},
        {"Final-Recipient: a@x\nAction: failed\nStatus: 5.1.1\n", {DsnProblem::MissingType}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: 550 5.1.1 no\n",
         {DsnProblem::MissingType}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nRemote-MTA: mx.example.org\n",
         {DsnProblem::MissingType}},
        {"Final-Recipient: rfc822;\nAction: failed\nStatus: 5.1.1\n", {DsnProblem::EmptyValue}},
        {"Final-Recipient: rfc822; a@x\nAction:\nStatus: 5.1.1\n", {DsnProblem::EmptyValue}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus:   \n", {DsnProblem::EmptyValue}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nLast-Attempt-Date:\n",
         {DsnProblem::EmptyValue}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp;\n",
         {DsnProblem::EmptyValue}},
        {"Final-Recipient: rfc822; a@x\nAction: failed (no reason\nStatus: 5.1.1\n",
         {DsnProblem::UnclosedComment}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1 (user unknown\n",
         {DsnProblem::UnclosedComment}},
        {"Final-Recipient: rfc822; <a@x>\nAction: failed\nStatus: 5.1.1\n",
         {DsnProblem::AddressInBrackets}},
        {"Original-Recipient: rfc822; <a@x>\nFinal-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\n",
         {DsnProblem::AddressInBrackets}},
        {"Action: failed\nStatus: 5.1.1\n", {DsnProblem::MissingFinalRecipient}},
        {"Final-Recipient: rfc822; a@x\nStatus: 5.1.1\n", {DsnProblem::MissingAction}},
        {"Final-Recipient: rfc822; a@x\nAction: failure\nStatus: 5.1.1\n", {DsnProblem::UnknownAction}},
        {"Final-Recipient: rfc822; a@x\nAction: failed;\nStatus: 5.1.1\n", {DsnProblem::UnknownAction}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\n", {DsnProblem::MissingStatus}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 550\n", {DsnProblem::StatusNotEnhanced}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 6.0.0\n", {DsnProblem::StatusNotEnhanced}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1 user unknown\n",
         {DsnProblem::StatusHasText}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1 (user unknown) really\n",
         {DsnProblem::StatusHasText}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1 (user unknown)\n", {}},
        {"Final-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1(user unknown)\n", {}},
        {"", {}}, // no group at all: checked below
        {"X-Only: 1\n",
         {DsnProblem::MissingFinalRecipient, DsnProblem::MissingAction, DsnProblem::MissingStatus}},
        {"final-recipient:a@x\naction: Bounced\nstatus: failed (550)\n",
         {DsnProblem::MissingType, DsnProblem::UnknownAction, DsnProblem::StatusNotEnhanced}},
    };
    for (const ProblemRow& row : rows) {
        CAPTURE(row.group);
        const std::string content = "Reporting-MTA: dns; mx.example\n\n" + std::string(row.group);
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        CHECK(dsn.problems().empty());
        if (row.group.empty()) {
            CHECK(dsn.error() == DsnError::NoRecipients);
            CHECK(dsn.recipients().empty());
            continue;
        }
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        CHECK(listed(list[0].problems()) == row.problems);
        check_views(content);
    }
}

TEST_CASE("DeliveryStatus::problems: every per-message problem") {
    const ProblemRow rows[] = {
        {"Reporting-MTA: dns; mx.example\n", {}},
        {"Reporting-MTA: dns; mx.example\nnot a field\n", {DsnProblem::MalformedLine}},
        {"Reporting-MTA  : dns; mx.example\n", {DsnProblem::SpaceBeforeColon}},
        {"Reporting-MTA: dns; mx.example\nReporting-MTA: dns; other.example\n",
         {DsnProblem::DuplicateField}},
        {"Reporting-MTA: dns; mx.example\nContent-Type: message/delivery-status\n",
         {DsnProblem::UnknownField}},
        {"Reporting-MTA: mx.example\n", {DsnProblem::MissingType}},
        {"Reporting-MTA: dns;\n", {DsnProblem::EmptyValue}},
        {"Reporting-MTA: dns; mx.example\nArrival-Date:\n", {DsnProblem::EmptyValue}},
        {"Reporting-MTA: dns; mx.example (unclosed\n", {DsnProblem::UnclosedComment}},
        {"X-Mailer: something\n", {DsnProblem::MissingReportingMta}},
        {"Received-From-MTA: dns; in.example\n", {DsnProblem::MissingReportingMta}},
        {"not a field\n\nReporting-MTA: dns; mx.example\n", {DsnProblem::MalformedLine}},
    };
    for (const ProblemRow& row : rows) {
        CAPTURE(row.group);
        const std::string content =
            std::string(row.group) + "\nFinal-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\n";
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        REQUIRE(dsn.ok());
        CHECK(listed(dsn.problems()) == row.problems);
        const std::vector<smtp::DsnRecipient> list = groups(dsn);
        REQUIRE(list.size() == 1);
        CHECK(list[0].problems().empty());
        check_views(content);
    }
}

TEST_CASE("DsnRecipient::status: what is clear is taken") {
    struct Row {
        std::string_view value;
        Enhanced status;
    };
    const Row rows[] = {
        {"5.1.1", EnhancedStatusCode{5, 1, 1}},
        {"  4.4.7  ", EnhancedStatusCode{4, 4, 7}},
        {"2.0.0 (delivered)", EnhancedStatusCode{2, 0, 0}},
        {"(lead) 5.7.1", EnhancedStatusCode{5, 7, 1}},
        {"5.1.1 user unknown", EnhancedStatusCode{5, 1, 1}},
        {"5.123.456", EnhancedStatusCode{5, 123, 456}},
        {"550 5.1.1 user unknown", EnhancedStatusCode{5, 1, 1}},
        {"550 4.1.1 wrong class", no_enhanced},
        {"550", no_enhanced},
        {"5.1", no_enhanced},
        {"5.1.1.1", no_enhanced},
        {"3.1.1", no_enhanced},
        {"failed", no_enhanced},
        {"", no_enhanced},
    };
    for (const Row& row : rows) {
        CAPTURE(row.value);
        const std::string content = "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@x\n"
                                    "Action: failed\nStatus: " +
                                    std::string(row.value) + "\n";
        const std::vector<smtp::DsnRecipient> list = groups(smtp::parse_delivery_status(content));
        REQUIRE(list.size() == 1);
        CHECK(list[0].status() == row.status);
    }
}

TEST_CASE("DsnRecipient::action: the five values, any case, comments") {
    struct Row {
        std::string_view value;
        DsnAction action;
    };
    const Row rows[] = {
        {"failed", DsnAction::Failed},         {"Delayed", DsnAction::Delayed},
        {"DELIVERED", DsnAction::Delivered},   {"relayed", DsnAction::Relayed},
        {"expanded", DsnAction::Expanded},     {"failed (bad address)", DsnAction::Failed},
        {"(c) delayed", DsnAction::Delayed},   {"fail", DsnAction::Unknown},
        {"failed failed", DsnAction::Unknown}, {"", DsnAction::Unknown},
    };
    for (const Row& row : rows) {
        CAPTURE(row.value);
        const std::string content = "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@x\n"
                                    "Action: " +
                                    std::string(row.value) + "\nStatus: 5.1.1\n";
        const std::vector<smtp::DsnRecipient> list = groups(smtp::parse_delivery_status(content));
        REQUIRE(list.size() == 1);
        CHECK(list[0].action() == row.action);
    }
    const std::vector<smtp::DsnRecipient> none = groups(smtp::parse_delivery_status(
        "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@x\nStatus: 5.1.1\n"));
    REQUIRE(none.size() == 1);
    CHECK(none[0].action() == DsnAction::Unknown);
}

// ---------------------------------------------------------------------------
// Errors, garbage, prefixes.

TEST_CASE("parse_delivery_status: errors") {
    struct Row {
        std::string_view content;
        DsnError error;
    };
    const Row rows[] = {
        {"", DsnError::Empty},
        {"\n", DsnError::Empty},
        {"\r\n \r\n\t\r\n", DsnError::Empty},
        {"hello world\n", DsnError::NoFields},
        {"GIF89a\x01\x02\x03\n\n\xff\xfe", DsnError::NoFields},
        {"\0\0\0"sv, DsnError::NoFields},
        {"  indented: not a field\n", DsnError::NoFields},
        {":\n", DsnError::NoFields},
        {"Reporting-MTA: dns; mx.example\n", DsnError::NoRecipients},
        {"Reporting-MTA: dns; mx.example\n\n", DsnError::NoRecipients},
        {"Reporting-MTA: dns; mx.example\n\nnot a field\n", DsnError::NoRecipients},
        {"Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@x", DsnError::None},
        {"Final-Recipient: rfc822; a@x", DsnError::None},
        {"a:", DsnError::NoRecipients},
        {"a:\n\nb:", DsnError::None},
    };
    for (const Row& row : rows) {
        CAPTURE(row.content);
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(row.content);
        CHECK(dsn.error() == row.error);
        CHECK(dsn.ok() == (row.error == DsnError::None));
        CHECK((dsn.recipient_count() != 0) == dsn.ok());
        CHECK(dsn.recipients().empty() == !dsn.ok());
        check_views(row.content);
    }
    const smtp::DeliveryStatus none{};
    CHECK(none.error() == DsnError::Empty);
    CHECK(none.recipients().empty());
    CHECK(none.fields().empty());
    CHECK(!none.reporting_mta());
    CHECK(!none.field("Reporting-MTA"));
}

const std::string_view full_sample =
    "Reporting-MTA: dns; mail.example.com\r\n"
    "X-Postfix-Queue-ID: 4F3C21234\r\n"
    "Arrival-Date: Mon, 15 Jan 2024 10:00:00 +0000 (UTC)\r\n"
    "\r\n"
    "Final-Recipient: rfc822; nobody@example.org\r\n"
    "Original-Recipient: rfc822;nobody@example.org\r\n"
    "Action: failed\r\n"
    "Status: 5.1.1\r\n"
    "Remote-MTA: dns; mx.example.org\r\n"
    "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\r\n"
    "    not exist. 550 5.1.1 https://support.example/?p=NoSuchUser - gsmtp\r\n"
    "\r\n"
    "Final-Recipient: rfc822; later@example.org\r\n"
    "Action: delayed\r\n"
    "Status: 4.4.1 (connection timed out)\r\n"
    "Will-Retry-Until: Tue, 16 Jan 2024 10:00:00 +0000\r\n"
    "Final-Recipient: rfc822; third@example.org\r\n"
    "Action: delivered\r\n"
    "Status: 2.0.0\r\n";

TEST_CASE("parse_delivery_status: every prefix of a valid input") {
    const smtp::DeliveryStatus whole = smtp::parse_delivery_status(full_sample);
    REQUIRE(whole.ok());
    REQUIRE(whole.recipient_count() == 3);
    std::size_t previous = 0;
    for (std::size_t n = 0; n <= full_sample.size(); ++n) {
        // An exact-size copy, so a read past the end shows under ASan.
        const std::vector<char> bytes(full_sample.begin(), full_sample.begin() + static_cast<std::ptrdiff_t>(n));
        const std::string_view prefix(bytes.data(), bytes.size());
        CAPTURE(n);
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(prefix);
        // Appending bytes never takes a recipient away, and never adds more
        // than the whole has.
        CHECK(dsn.recipient_count() >= previous);
        CHECK(dsn.recipient_count() <= whole.recipient_count());
        previous = dsn.recipient_count();
        CHECK((dsn.error() == DsnError::Empty) == (n == 0));
        check_views(prefix);
    }
    CHECK(previous == 3);
}

TEST_CASE("parse_delivery_status: every prefix, then the groups read like the whole") {
    // Once a group's last line is complete, its fields read as in the whole.
    const std::vector<smtp::DsnRecipient> whole = groups(smtp::parse_delivery_status(full_sample));
    REQUIRE(whole.size() == 3);
    const std::size_t groups_start = full_sample.find("\r\n\r\nFinal-Recipient") + 4;
    const std::size_t end_of_first = full_sample.find("\r\n\r\nFinal-Recipient", groups_start) + 2;
    for (std::size_t n = end_of_first; n <= full_sample.size(); ++n) {
        const std::vector<smtp::DsnRecipient> list =
            groups(smtp::parse_delivery_status(full_sample.substr(0, n)));
        REQUIRE(!list.empty());
        CHECK(list[0].raw() == whole[0].raw());
        CHECK(list[0].diagnostic().code() == 550);
    }
}

// ---------------------------------------------------------------------------
// read_diagnostic

struct DiagnosticRow {
    std::string_view text;
    std::optional<int> code;
    Enhanced enhanced;
    std::string_view before;
    std::string_view joined;
    std::vector<DiagnosticFlag> flags;
};

TEST_CASE("read_diagnostic: table") {
    using F = DiagnosticFlag;
    const DiagnosticRow rows[] = {
        // The reply at the start, with and without an enhanced code.
        {"550 5.1.1 <a@b>: Recipient address rejected", 550, EnhancedStatusCode{5, 1, 1}, "",
         "<a@b>: Recipient address rejected", {}},
        {"550 Requested action not taken: mailbox unavailable", 550, no_enhanced, "",
         "Requested action not taken: mailbox unavailable", {}},
        {"  421 4.4.2 Connection dropped  ", 421, EnhancedStatusCode{4, 4, 2}, "",
         "Connection dropped", {}},
        {"550", 550, no_enhanced, "", "", {}},
        {"550 5.1.1", 550, EnhancedStatusCode{5, 1, 1}, "", "", {}},
        {"571 5.7.1 Relaying denied", 571, EnhancedStatusCode{5, 7, 1}, "", "Relaying denied", {}},
        {"250 2.0.0 Ok: queued as 4F3C2", 250, EnhancedStatusCode{2, 0, 0}, "", "Ok: queued as 4F3C2", {}},
        {"550  5.1.1  two spaces", 550, EnhancedStatusCode{5, 1, 1}, "", "two spaces", {}},
        {"550\t5.1.1\ttabs", 550, EnhancedStatusCode{5, 1, 1}, "", "tabs", {}},
        {"#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", 550, EnhancedStatusCode{5, 1, 1},
         "#", "RESOLVER.ADR.RecipNotFound; not found ##", {}},
        // Where the enhanced code is not the reply's.
        {"550 4.1.1 class differs", 550, no_enhanced, "", "4.1.1 class differs",
         {F::EnhancedClassMismatch}},
        {"550 5.1.1: colon after", 550, no_enhanced, "", "5.1.1: colon after", {}},
        {"550 [#5.1.1] bracketed", 550, no_enhanced, "", "[#5.1.1] bracketed", {}},
        {"550 #5.1.0 Address rejected", 550, EnhancedStatusCode{5, 1, 0}, "", "Address rejected",
         {F::EnhancedWithHash}},
        {"451 4.16.55.1 vendor", 451, no_enhanced, "", "4.16.55.1 vendor", {}},
        // The reply after a prefix.
        {"host mx.example[192.0.2.1] said: 550 5.1.1 unknown user (in reply to RCPT TO command)",
         550, EnhancedStatusCode{5, 1, 1}, "host mx.example[192.0.2.1] said:",
         "unknown user (in reply to RCPT TO command)", {}},
        {"SMTP error from remote mail server after RCPT TO:<a@b>:\n    550 5.1.1 no such user",
         550, EnhancedStatusCode{5, 1, 1}, "SMTP error from remote mail server after RCPT TO:<a@b>:",
         "no such user", {}},
        {"192.0.2.1 does not like recipient.\nRemote host said: 554 delivery error\nGiving up.",
         554, no_enhanced, "192.0.2.1 does not like recipient.\nRemote host said:",
         "delivery error Giving up.", {}},
        {"conversation with mx.example[192.0.2.1] ended: 421 4.7.0 try again later", 421,
         EnhancedStatusCode{4, 7, 0}, "conversation with mx.example[192.0.2.1] ended:",
         "try again later", {}},
        {"mailbox full 552 5.2.2 over quota", 552, EnhancedStatusCode{5, 2, 2}, "mailbox full",
         "over quota", {}},
        // Numbers that are no replies.
        {"Message size 500 bytes exceeds the limit", no_code, no_enhanced,
         "Message size 500 bytes exceeds the limit", "", {}},
        {"connect to mx.example[192.0.2.1]:25: Connection refused", no_code, no_enhanced,
         "connect to mx.example[192.0.2.1]:25: Connection refused", "", {}},
        {"delivery temporarily suspended: 2024-01-15 10:00:00", no_code, no_enhanced,
         "delivery temporarily suspended: 2024-01-15 10:00:00", "", {}},
        {"5500 too many digits", no_code, no_enhanced, "5500 too many digits", "", {}},
        {"650 not a reply code", no_code, no_enhanced, "650 not a reply code", "", {}},
        // Enhanced codes alone.
        {"5.1.1 user unknown", no_code, EnhancedStatusCode{5, 1, 1}, "", "user unknown", {}},
        {"4.4.1 (connection timed out)", no_code, EnhancedStatusCode{4, 4, 1}, "",
         "(connection timed out)", {}},
        {"Remote host said: 5.7.1 denied", no_code, EnhancedStatusCode{5, 7, 1}, "Remote host said:",
         "denied", {}},
        {"#5.1.0 Address rejected", no_code, EnhancedStatusCode{5, 1, 0}, "", "Address rejected",
         {F::EnhancedWithHash}},
        {"user unknown 5.1.1", no_code, no_enhanced, "user unknown 5.1.1", "", {}},
        // No reply at all: not an error.
        {"DNS Error: DNS type 'mx' lookup of example.com responded with code NXDOMAIN", no_code,
         no_enhanced, "DNS Error: DNS type 'mx' lookup of example.com responded with code NXDOMAIN",
         "", {}},
        {"", no_code, no_enhanced, "", "", {}},
        {" \r\n\t ", no_code, no_enhanced, "", "", {}},
        // The first reply wins; a quoted one is its text.
        {"421 4.4.2 mx.example: timeout; earlier: 554 5.7.1 rejected", 421,
         EnhancedStatusCode{4, 4, 2}, "", "mx.example: timeout; earlier: 554 5.7.1 rejected", {}},
        {"5.1.0 - Unknown address error 550-'5.1.1 <a@b>: rejected'", no_code,
         EnhancedStatusCode{5, 1, 0}, "", "- Unknown address error 550-'5.1.1 <a@b>: rejected'", {}},
        // Multiline replies: joined into one line, or on lines of their own.
        {"550-5.1.1 The email account that you tried to reach does not exist. Please try "
         "550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 "
         "unnecessary spaces. Learn more at 550 5.1.1 https://support.example/?p=NoSuchUser x - gsmtp",
         550, EnhancedStatusCode{5, 1, 1}, "",
         "The email account that you tried to reach does not exist. Please try double-checking "
         "the recipient's email address for typos or unnecessary spaces. Learn more at "
         "https://support.example/?p=NoSuchUser x - gsmtp",
         {F::JoinedLines}},
        {"550-5.7.1 first line\n  550-5.7.1 second line\n  550 5.7.1 last line", 550,
         EnhancedStatusCode{5, 7, 1}, "", "first line second line last line", {}},
        {"550-first\r\n550 last 550 stays", 550, no_enhanced, "", "first last 550 stays", {}},
        {"452-4.2.2 The email account is over quota. 452 4.2.2 Please direct", 452,
         EnhancedStatusCode{4, 2, 2}, "", "The email account is over quota. Please direct",
         {F::JoinedLines}},
        {"550-5.1.1 cut short 550-5.1.1 here", 550, EnhancedStatusCode{5, 1, 1}, "",
         "cut short here", {F::JoinedLines, F::MissingLastLine}},
        {"550-5.1.1 only one line", 550, EnhancedStatusCode{5, 1, 1}, "", "only one line",
         {F::MissingLastLine}},
        {"550-5.1.1 a 551 5.1.1 b", 550, EnhancedStatusCode{5, 1, 1}, "", "a 551 5.1.1 b",
         {F::MissingLastLine}},
        {"550-5.1.1 a 550", 550, EnhancedStatusCode{5, 1, 1}, "", "a", {F::JoinedLines}},
        {"said: 550-5.1.1 a\n550 5.1.1 b", 550, EnhancedStatusCode{5, 1, 1}, "said:", "a b", {}},
    };
    for (const DiagnosticRow& row : rows) {
        CAPTURE(row.text);
        const smtp::DiagnosticReply reply = smtp::read_diagnostic(row.text);
        CHECK(reply.code() == row.code);
        CHECK(reply.enhanced() == row.enhanced);
        CHECK(reply.found() == (row.code.has_value() || row.enhanced.has_value()));
        CHECK(reply.before() == row.before);
        CHECK(joined(reply) == row.joined);
        CHECK(collect(reply.flags()) == row.flags);
        CHECK(inside(row.text, reply.before()));
        CHECK(inside(row.text, reply.text()));
        if (reply.code() && reply.enhanced()) {
            CHECK(*reply.code() / 100 == reply.enhanced()->status_class);
        }
    }
}

TEST_CASE("read_diagnostic: a reply after each byte that may open it, not after a letter") {
    for (const char opener : std::string_view("#\"'([<:=")) {
        CAPTURE(opener);
        const std::string at_start = std::string(1, opener) + "550 5.1.1 user unknown";
        const smtp::DiagnosticReply first = smtp::read_diagnostic(at_start);
        CHECK(first.code() == 550);
        CHECK(first.before() == std::string(1, opener));
        CHECK(first.text() == "user unknown");
        const std::string inside = std::string("host said ") + opener + "550 5.1.1 user unknown";
        const smtp::DiagnosticReply later = smtp::read_diagnostic(inside);
        CHECK(later.code() == 550);
        CHECK(later.before() == "host said " + std::string(1, opener));
    }
    CHECK(!smtp::read_diagnostic("x550 5.1.1 user unknown").found());
    CHECK(!smtp::read_diagnostic("host said x550 5.1.1 user unknown").found());
}

TEST_CASE("parse_delivery_status: tabs are white space around values and types") {
    const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(
        "Reporting-MTA:\tdns;\tmx.example\n\n"
        "Final-Recipient:\trfc822;\t<a@b.example>\nAction:\tfailed\nStatus:\t5.1.1\t\n");
    REQUIRE(dsn.ok());
    REQUIRE(dsn.reporting_mta().has_value());
    CHECK(dsn.reporting_mta()->type() == "dns");
    CHECK(dsn.reporting_mta()->value().raw() == "mx.example");
    const std::vector<smtp::DsnRecipient> groups = collect(dsn.recipients());
    REQUIRE(groups.size() == 1);
    const smtp::DsnRecipient& group = groups[0];
    REQUIRE(group.final_recipient().has_value());
    CHECK(group.final_recipient()->type() == "rfc822");
    CHECK(group.final_recipient()->value().raw() == "a@b.example");
    CHECK(group.action() == DsnAction::Failed);
    CHECK(group.status() == EnhancedStatusCode{5, 1, 1});
    CHECK(listed(group.problems()) == std::vector<DsnProblem>{DsnProblem::AddressInBrackets});
}

TEST_CASE("read_diagnostic: text() keeps the raw bytes, pieces() drops markers and breaks") {
    constexpr std::string_view text = "550-5.1.1 one\r\n 550 5.1.1 two ";
    const smtp::DiagnosticReply reply = smtp::read_diagnostic(text);
    CHECK(reply.text() == "one\r\n 550 5.1.1 two");
    const std::vector<std::string_view> pieces = collect(reply.pieces());
    CHECK(pieces == std::vector<std::string_view>{"one", "two"});
    CHECK(!reply.pieces().empty());
    CHECK(smtp::read_diagnostic("550").pieces().empty());
    CHECK(smtp::read_diagnostic("").pieces().empty());
    const smtp::DiagnosticReply none{};
    CHECK(!none.found());
    CHECK(!none.code());
    CHECK(!none.status());
    CHECK(none.pieces().empty());
    CHECK(smtp::read_diagnostic("571 x").status() == std::nullopt);
    CHECK(smtp::read_diagnostic("450 x").status() == smtp::SmtpStatusCode::MailboxBusy);
}

TEST_CASE("read_diagnostic: every prefix and suffix stays in bounds") {
    for (const DiagnosticRow& row : {DiagnosticRow{
             "host mx[192.0.2.1] said: 550-5.1.1 one\n 550-5.1.1 two 550 #5.1.1 three", 550,
             EnhancedStatusCode{5, 1, 1}, "", "", {}}}) {
        for (std::size_t n = 0; n <= row.text.size(); ++n) {
            for (const std::string_view part : {row.text.substr(0, n), row.text.substr(n)}) {
                const std::vector<char> bytes(part.begin(), part.end());
                const std::string_view copy(bytes.data(), bytes.size());
                const smtp::DiagnosticReply reply = smtp::read_diagnostic(copy);
                CHECK(inside(copy, reply.before()));
                CHECK(inside(copy, reply.text()));
                for (const std::string_view piece : reply.pieces()) {
                    CHECK(inside(reply.text(), piece));
                    CHECK(!piece.empty());
                }
                if (reply.code() && reply.enhanced()) {
                    CHECK(*reply.code() / 100 == reply.enhanced()->status_class);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The small types.

TEST_CASE("FoldedText: lines, unfolded size, copy into a short buffer") {
    const smtp::FoldedText text("abc\r\n def\n\tg");
    const std::vector<std::string_view> lines = collect(text.lines());
    CHECK(lines == std::vector<std::string_view>{"abc", " def", "\tg"});
    CHECK(text.is_folded());
    CHECK(text.unfolded_size() == 9);
    char buffer[16] = {};
    CHECK(text.copy_unfolded(buffer, buffer + sizeof buffer) == 9);
    CHECK(std::string_view(buffer, 9) == "abc def\tg");
    char small[4] = {'x', 'x', 'x', 'x'};
    CHECK(text.copy_unfolded(small, small + 3) == 9);
    CHECK(std::string_view(small, 4) == "abcx"); // three written, the fourth untouched
    CHECK(text.copy_unfolded(nullptr, nullptr) == 9);
    CHECK(text.copy_unfolded(small + 2, small) == 9); // last < first: nothing written
    CHECK(std::string_view(small, 4) == "abcx");

    const smtp::FoldedText plain("plain");
    CHECK(!plain.is_folded());
    CHECK(plain.unfolded_size() == 5);
    const smtp::FoldedText empty{};
    CHECK(empty.empty());
    CHECK(empty.lines().empty());
    CHECK(empty.lines().begin() == empty.lines().end());
    CHECK(empty.unfolded_size() == 0);
    const smtp::FoldedText lone_cr("a\rb\r");
    CHECK(unfolded(lone_cr) == "a\rb\r");
}

TEST_CASE("FlagSet: insert, contains, size, iteration order") {
    smtp::DsnProblems set;
    CHECK(set.empty());
    CHECK(set.size() == 0);
    CHECK(set.begin() == set.end());
    set.insert(DsnProblem::StatusHasText);
    set.insert(DsnProblem::MalformedLine);
    set.insert(DsnProblem::MissingType);
    set.insert(DsnProblem::MissingType);
    CHECK(set.size() == 3);
    CHECK(set.contains(DsnProblem::MissingType));
    CHECK(!set.contains(DsnProblem::EmptyValue));
    CHECK(listed(set) == std::vector<DsnProblem>{DsnProblem::MalformedLine, DsnProblem::MissingType,
                                                 DsnProblem::StatusHasText});
    CHECK(set.bits() == ((1u << 0) | (1u << 6) | (1u << 16)));
    smtp::DsnProblems other;
    other.insert(DsnProblem::EmptyValue);
    other |= set;
    CHECK(other.size() == 4);
    CHECK(other != set);
    CHECK(set_of({DsnProblem::MissingType, DsnProblem::MalformedLine, DsnProblem::StatusHasText}) == set);
    auto it = set.begin();
    CHECK(*it++ == DsnProblem::MalformedLine);
    CHECK(*it == DsnProblem::MissingType);

    // Values that are no enumerator: those outside the 32 bits are never
    // held; one inside them (31, the last bit) is held and iterated like any.
    smtp::DsnProblems odd;
    odd.insert(static_cast<DsnProblem>(32));
    odd.insert(static_cast<DsnProblem>(-1));
    CHECK(odd.empty());
    CHECK(!odd.contains(static_cast<DsnProblem>(32)));
    CHECK(!odd.contains(static_cast<DsnProblem>(-1)));
    odd.insert(static_cast<DsnProblem>(31));
    CHECK(odd.bits() == 1u << 31);
    CHECK(listed(odd) == std::vector<DsnProblem>{static_cast<DsnProblem>(31)});
}

template <class Enum>
void check_names(Enum last, bool with_description) {
    std::vector<std::string_view> seen;
    for (int v = 0; v <= static_cast<int>(last); ++v) {
        const auto value = static_cast<Enum>(v);
        const std::string_view spelling = smtp::name(value);
        CAPTURE(v);
        CHECK(!spelling.empty());
        for (const std::string_view other : seen) {
            CHECK(other != spelling);
        }
        seen.push_back(spelling);
        if constexpr (std::is_same_v<Enum, DsnProblem> || std::is_same_v<Enum, DiagnosticFlag>) {
            CHECK(with_description);
            CHECK(!smtp::description(value).empty());
        }
    }
    CHECK(smtp::name(static_cast<Enum>(static_cast<int>(last) + 1)).empty());
    CHECK(smtp::name(static_cast<Enum>(-1)).empty());
}

TEST_CASE("name, description, field_name: every enumerator") {
    check_names(DsnProblem::StatusHasText, true);
    check_names(DiagnosticFlag::EnhancedWithHash, true);
    check_names(DsnAction::Unknown, false);
    check_names(DsnError::NoRecipients, false);
    check_names(DsnFieldKind::Unknown, false);
    CHECK(smtp::description(static_cast<DsnProblem>(99)).empty());
    CHECK(smtp::description(static_cast<DiagnosticFlag>(99)).empty());
    CHECK(smtp::name(DsnProblem::MissingType) == "MissingType");
    CHECK(smtp::name(DsnAction::Failed) == "Failed");

    // The RFC's spellings, and each one found back in any case.
    const std::pair<DsnFieldKind, std::string_view> spellings[] = {
        {DsnFieldKind::OriginalEnvelopeId, "Original-Envelope-Id"},
        {DsnFieldKind::ReportingMta, "Reporting-MTA"},
        {DsnFieldKind::DsnGateway, "DSN-Gateway"},
        {DsnFieldKind::ReceivedFromMta, "Received-From-MTA"},
        {DsnFieldKind::ArrivalDate, "Arrival-Date"},
        {DsnFieldKind::OriginalRecipient, "Original-Recipient"},
        {DsnFieldKind::FinalRecipient, "Final-Recipient"},
        {DsnFieldKind::Action, "Action"},
        {DsnFieldKind::Status, "Status"},
        {DsnFieldKind::RemoteMta, "Remote-MTA"},
        {DsnFieldKind::DiagnosticCode, "Diagnostic-Code"},
        {DsnFieldKind::LastAttemptDate, "Last-Attempt-Date"},
        {DsnFieldKind::FinalLogId, "Final-Log-ID"},
        {DsnFieldKind::WillRetryUntil, "Will-Retry-Until"},
    };
    for (const auto& row : spellings) {
        const DsnFieldKind kind = row.first;
        const std::string_view spelling = row.second;
        CAPTURE(spelling);
        CHECK(smtp::field_name(kind) == spelling);
        std::string lower(spelling);
        for (char& c : lower) {
            c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        const std::string content = lower + ": x\n";
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        std::vector<DsnFieldKind> kinds;
        for (const smtp::DsnField field : dsn.fields()) {
            kinds.push_back(field.kind);
        }
        for (const smtp::DsnRecipient& group : dsn.recipients()) {
            for (const smtp::DsnField field : group.fields()) {
                kinds.push_back(field.kind);
            }
        }
        CHECK(kinds == std::vector<DsnFieldKind>{kind});
    }
    CHECK(smtp::field_name(DsnFieldKind::Extension).empty());
    CHECK(smtp::field_name(DsnFieldKind::Unknown).empty());
    CHECK(smtp::field_name(static_cast<DsnFieldKind>(99)).empty());
}

} // namespace

TEST_CASE("DsnRecipient: a quoted Action with an escaped quote; no Status") {
    const smtp::DeliveryStatus dsn =
        smtp::parse_delivery_status("Reporting-MTA: dns; a.example\n\n"
                                    "Final-Recipient: rfc822; b@example.org\n"
                                    "Action: \"fa\\\"iled\"\n");
    REQUIRE(dsn.ok());
    for (const smtp::DsnRecipient& group : dsn.recipients()) {
        CHECK(group.action() == DsnAction::Unknown);
        CHECK_FALSE(group.status().has_value());
    }
    CHECK(smtp::field_name(smtp::DsnFieldKind::Unknown).empty());
    CHECK(smtp::field_name(smtp::DsnFieldKind::Extension).empty());
}
