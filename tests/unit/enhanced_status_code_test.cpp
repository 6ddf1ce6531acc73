// Tests for <smtp/enhanced_status_code.hpp>. It is included first to prove
// that it compiles on its own.
#include <smtp/enhanced_status_code.hpp>

#include <doctest/doctest.h>

#include "../support/test_values.hpp"

#include <algorithm>
#include <climits>
#include <optional>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp::BasicCodeScope;
using smtp::EnhancedStatusCode;
using smtp::ReplyClass;

// ---------------------------------------------------------------------------
// The registry, written out again in the registry's own text form (its
// "Code", "Sample Text", "Associated basic status code" and "Reference"
// columns), independently of the header's table; the helpers below turn the
// text into numbers. Ascending, as the registry lists them.
struct RegistryRow {
    std::string_view code;      // "X.1.1"
    std::string_view title;     // the registry's sample text
    std::string_view basic;     // as the registry words it
    std::string_view reference; // "[RFC3463]", "[RFC7505]; [RFC7504]", ...
};

constexpr RegistryRow registry_rows[] = {
    {"X.0.0", "Other undefined Status", "Any", "[RFC3463]"},
    {"X.1.0", "Other address status", "Not given", "[RFC3463]"},
    {"X.1.1", "Bad destination mailbox address", "451, 550", "[RFC3463]"},
    {"X.1.2", "Bad destination system address", "Not given", "[RFC3463]"},
    {"X.1.3", "Bad destination mailbox address syntax", "501", "[RFC3463]"},
    {"X.1.4", "Destination mailbox address ambiguous", "Not given", "[RFC3463]"},
    {"X.1.5", "Destination address valid", "250", "[RFC3463]"},
    {"X.1.6", "Destination mailbox has moved, No forwarding address", "Not given", "[RFC3463]"},
    {"X.1.7", "Bad sender's mailbox address syntax", "Not given", "[RFC3463]"},
    {"X.1.8", "Bad sender's system address", "451, 501", "[RFC3463]"},
    {"X.1.9", "Message relayed to non-compliant mailer", "Not given", "[RFC3886]"},
    {"X.1.10", "Recipient address has null MX", "556", "[RFC7505]; [RFC7504]"},
    {"X.2.0", "Other or undefined mailbox status", "Not given", "[RFC3463]"},
    {"X.2.1", "Mailbox disabled, not accepting messages", "Not given", "[RFC3463]"},
    {"X.2.2", "Mailbox full", "552", "[RFC3463]"},
    {"X.2.3", "Message length exceeds administrative limit", "552", "[RFC3463]"},
    {"X.2.4", "Mailing list expansion problem", "450, 452", "[RFC3463]"},
    {"X.3.0", "Other or undefined mail system status", "221, 250, 421, 451, 550, 554", "[RFC3463]"},
    {"X.3.1", "Mail system full", "452", "[RFC3463]"},
    {"X.3.2", "System not accepting network messages", "453, 521", "[RFC3463]; [RFC7504]"},
    {"X.3.3", "System not capable of selected features", "Not given", "[RFC3463]"},
    {"X.3.4", "Message too big for system", "552, 554", "[RFC3463]"},
    {"X.3.5", "System incorrectly configured", "Not given", "[RFC3463]"},
    {"X.3.6", "Requested priority was changed", "250 or 251", "[RFC6710]"},
    {"X.4.0", "Other or undefined network or routing status", "Not given", "[RFC3463]"},
    {"X.4.1", "No answer from host", "451", "[RFC3463]"},
    {"X.4.2", "Bad connection", "421", "[RFC3463]"},
    {"X.4.3", "Directory server failure", "451, 550", "[RFC3463]"},
    {"X.4.4", "Unable to route", "Not given", "[RFC3463]"},
    {"X.4.5", "Mail system congestion", "451", "[RFC3463]"},
    {"X.4.6", "Routing loop detected", "Not given", "[RFC3463]"},
    {"X.4.7", "Delivery time expired", "Not given", "[RFC3463]"},
    {"X.5.0", "Other or undefined protocol status",
     "220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554", "[RFC3463]"},
    {"X.5.1", "Invalid command", "430, 500, 501, 503, 530, 550, 554, 555", "[RFC3463]"},
    {"X.5.2", "Syntax error", "500, 501, 502, 550, 555", "[RFC3463]"},
    {"X.5.3", "Too many recipients", "451", "[RFC3463]"},
    {"X.5.4", "Invalid command arguments", "451, 501, 502, 503, 504, 550, 555", "[RFC3463]"},
    {"X.5.5", "Wrong protocol version", "Not given", "[RFC3463]"},
    {"X.5.6", "Authentication Exchange line is too long", "500", "[RFC4954]"},
    {"X.6.0", "Other or undefined media error", "Not given", "[RFC3463]"},
    {"X.6.1", "Media not supported", "Not given", "[RFC3463]"},
    {"X.6.2", "Conversion required and prohibited", "Not given", "[RFC3463]"},
    {"X.6.3", "Conversion required but not supported", "554", "[RFC3463]"},
    {"X.6.4", "Conversion with loss performed", "250", "[RFC3463]"},
    {"X.6.5", "Conversion Failed", "Not given", "[RFC3463]"},
    {"X.6.6", "Message content not available", "554", "[RFC4468]"},
    {"X.6.7", "Non-ASCII addresses not permitted for that sender/recipient", "553, 550", "[RFC6531]"},
    {"X.6.8", "UTF-8 string reply is required, but not permitted by the SMTP client",
     "252, 553, 550", "[RFC6531]"},
    {"X.6.9",
     "UTF-8 header message cannot be transferred to one or more recipients, so the message "
     "must be rejected",
     "550", "[RFC6531]"},
    {"X.6.10", "", "", "[RFC6531]"}, // "This is a duplicate of X.6.8 and is thus deprecated."
    {"X.7.0", "Other or undefined security status",
     "220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550", "[RFC3463]"},
    {"X.7.1", "Delivery not authorized, message refused", "451, 454, 502, 503, 533, 550, 551",
     "[RFC3463]"},
    {"X.7.2", "Mailing list expansion prohibited", "550", "[RFC3463]"},
    {"X.7.3", "Security conversion required but not possible", "Not given", "[RFC3463]"},
    {"X.7.4", "Security features not supported", "504", "[RFC3463]"},
    {"X.7.5", "Cryptographic failure", "Not given", "[RFC3463]"},
    {"X.7.6", "Cryptographic algorithm not supported", "Not given", "[RFC3463]"},
    {"X.7.7", "Message integrity failure", "Not given", "[RFC3463]"},
    {"X.7.8", "Authentication credentials invalid", "535, 554", "[RFC4954]"},
    {"X.7.9", "Authentication mechanism is too weak", "534", "[RFC4954]"},
    {"X.7.10", "Encryption Needed", "523", "[RFC5248]"},
    {"X.7.11", "Encryption required for requested authentication mechanism", "524, 538",
     "[RFC4954]"},
    {"X.7.12", "A password transition is needed", "422, 432", "[RFC4954]"},
    {"X.7.13", "User Account Disabled", "525", "[RFC5248]"},
    {"X.7.14", "Trust relationship required", "535, 554", "[RFC5248]"},
    {"X.7.15", "Priority Level is too low", "450, 550 (other 4XX or 5XX codes are allowed)",
     "[RFC6710]"},
    {"X.7.16", "Message is too big for the specified priority",
     "552 (other 4XX or 5XX codes are allowed)", "[RFC6710]"},
    {"X.7.17", "Mailbox owner has changed", "5XX", "[RFC7293]"},
    {"X.7.18", "Domain owner has changed", "5XX", "[RFC7293]"},
    {"X.7.19", "RRVS test cannot be completed", "5XX", "[RFC7293]"},
    {"X.7.20", "No passing DKIM signature found", "550", "[RFC7372]; [RFC6376]"},
    {"X.7.21", "No acceptable DKIM signature found", "550", "[RFC7372]; [RFC6376]"},
    {"X.7.22", "No valid author-matched DKIM signature found", "550", "[RFC7372]; [RFC6376]"},
    {"X.7.23", "SPF validation failed", "550", "[RFC7372]; [RFC7208]"},
    {"X.7.24", "SPF validation error", "451, 550", "[RFC7372]; [RFC7208]"},
    {"X.7.25", "Reverse DNS validation failed", "550", "[RFC7372]; [RFC7601]"},
    {"X.7.26", "Multiple authentication checks failed", "550", "[RFC7372]"},
    {"X.7.27", "Sender address has null MX", "550", "[RFC7505]"},
    // The registry's basic-code column holds a sentence here, not codes.
    {"X.7.28", "Mail flood detected", "", "[draft-levine-mailbomb-header]"},
    {"X.7.29", "ARC validation failure", "550", "[RFC8617]"},
    {"X.7.30", "REQUIRETLS support required", "550", "[RFC8689]"},
};

// "X.s.d" -> (s, d), by hand, without the library's parser.
std::pair<int, int> subject_detail(std::string_view code) {
    REQUIRE(code.substr(0, 2) == "X.");
    const std::string rest(code.substr(2));
    const std::size_t dot = rest.find('.');
    REQUIRE(dot != std::string::npos);
    return {std::stoi(rest.substr(0, dot)), std::stoi(rest.substr(dot + 1))};
}

struct ExpectedBasic {
    std::vector<int> codes; // ascending
    BasicCodeScope scope;
};

ExpectedBasic parse_basic(std::string_view text) {
    ExpectedBasic out{{}, BasicCodeScope::Listed};
    std::string s(text);
    const std::string others = " (other 4XX or 5XX codes are allowed)";
    if (s == "Any") {
        return {{}, BasicCodeScope::Any};
    }
    if (s == "5XX") {
        return {{}, BasicCodeScope::Any5yz};
    }
    if (s == "Not given" || s.empty()) {
        return out;
    }
    if (s.size() > others.size() && s.compare(s.size() - others.size(), others.size(), others) == 0) {
        out.scope = BasicCodeScope::ListedOrAny4yz5yz;
        s.erase(s.size() - others.size());
    }
    std::string number;
    for (const char c : s + ",") {
        if (c >= '0' && c <= '9') {
            number += c;
        } else if (!number.empty()) { // ", " and " or " separate codes
            out.codes.push_back(std::stoi(number));
            number.clear();
        }
    }
    std::sort(out.codes.begin(), out.codes.end());
    return out;
}

struct ExpectedReference {
    int rfc = 0;
    int also_rfc = 0;
    std::string draft;
};

ExpectedReference parse_reference(std::string_view text) {
    ExpectedReference out;
    std::string s(text);
    if (s.rfind("[draft-", 0) == 0) {
        out.draft = s.substr(1, s.size() - 2);
        return out;
    }
    std::vector<int> rfcs;
    std::size_t at = 0;
    while ((at = s.find("[RFC", at)) != std::string::npos) {
        rfcs.push_back(std::stoi(s.substr(at + 4)));
        at += 4;
    }
    REQUIRE(!rfcs.empty());
    REQUIRE(rfcs.size() <= 2);
    out.rfc = rfcs[0];
    out.also_rfc = rfcs.size() == 2 ? rfcs[1] : 0;
    return out;
}

std::vector<int> listed(const smtp::AssociatedBasicCodes& codes) {
    return std::vector<int>(codes.begin(), codes.end());
}

constexpr int classes[] = {2, 4, 5};

} // namespace

TEST_CASE("enhanced_status_code_registry") {
    SUBCASE("has every entry of the registry, in order, and nothing else") {
        REQUIRE(std::size(registry_rows) == 81);
        REQUIRE(smtp::enhanced_status_code_registry.size() == std::size(registry_rows));
        for (std::size_t i = 0; i < std::size(registry_rows); ++i) {
            const auto [subject, detail] = subject_detail(registry_rows[i].code);
            CAPTURE(registry_rows[i].code);
            CHECK(smtp::enhanced_status_code_registry[i].subject == subject);
            CHECK(smtp::enhanced_status_code_registry[i].detail == detail);
        }
    }
    SUBCASE("runs from X.0.0 to X.7.30") {
        CHECK(smtp::enhanced_status_code_registry.front().code(5) == EnhancedStatusCode{5, 0, 0});
        CHECK(smtp::enhanced_status_code_registry.back().code(4) == EnhancedStatusCode{4, 7, 30});
    }
    SUBCASE("names its snapshot date") {
        CHECK(smtp::enhanced_status_code_registry_updated == "2024-12-06");
    }
}

TEST_CASE("title") {
    SUBCASE("every registry entry, in every class") {
        for (const RegistryRow& row : registry_rows) {
            const auto [subject, detail] = subject_detail(row.code);
            for (const int c : classes) {
                CAPTURE(row.code);
                CAPTURE(c);
                CHECK(smtp::title({c, subject, detail}) == row.title);
            }
        }
    }
    SUBCASE("5.1.1 and 4.1.1 share the X.1.1 title") {
        CHECK(smtp::title({5, 1, 1}) == "Bad destination mailbox address");
        CHECK(smtp::title({4, 1, 1}) == smtp::title({5, 1, 1}));
        CHECK(smtp::title({2, 1, 1}) == smtp::title({5, 1, 1}));
    }
    SUBCASE("empty for codes the registry does not list") {
        const EnhancedStatusCode unlisted[] = {
            {5, 0, 1},  {5, 1, 11}, {5, 2, 5},  {5, 3, 7},   {5, 4, 8},  {5, 5, 7},
            {5, 6, 11}, {5, 7, 31}, {5, 8, 0},  {5, 7, 500}, {4, 7, 32}, {5, 7, 40},
            {4, 16, 1}, {3, 1, 1},  {1, 1, 1},  {6, 1, 1},   {0, 0, 0},  {5, -1, 1},
            {5, 1, -1}, {-5, 1, 1}, {INT_MIN, INT_MIN, INT_MIN}, {INT_MAX, INT_MAX, INT_MAX},
            {5, 999, 999}, {5, 7, 255}, {5, 255, 7}, {5, 7, INT_MAX}, {5, INT_MAX, 1},
        };
        for (const EnhancedStatusCode& code : unlisted) {
            CAPTURE(test_values::enhanced_text(code));
            CHECK(smtp::title(code).empty());
        }
    }
    SUBCASE("X.6.10 is registered but the registry gives it no title") {
        CHECK(smtp::is_registered({5, 6, 10}));
        CHECK(smtp::title({5, 6, 10}).empty());
    }
}

TEST_CASE("is_registered") {
    SUBCASE("true for every registry entry in classes 2, 4 and 5, false in others") {
        for (const RegistryRow& row : registry_rows) {
            const auto [subject, detail] = subject_detail(row.code);
            CAPTURE(row.code);
            for (const int c : classes) {
                CHECK(smtp::is_registered({c, subject, detail}));
            }
            for (const int c : {0, 1, 3, 6, 9, -2, INT_MIN, INT_MAX}) {
                CHECK_FALSE(smtp::is_registered({c, subject, detail}));
            }
        }
    }
    SUBCASE("matches the independent table over a grid of numbers") {
        std::set<std::pair<int, int>> registered;
        for (const RegistryRow& row : registry_rows) {
            registered.insert(subject_detail(row.code));
        }
        for (int subject = -2; subject <= 12; ++subject) {
            for (int detail = -2; detail <= 40; ++detail) {
                const bool expected = registered.count({subject, detail}) != 0;
                CAPTURE(subject);
                CAPTURE(detail);
                CHECK(smtp::is_registered({5, subject, detail}) == expected);
                CHECK((smtp::registry_entry({4, subject, detail}) != nullptr) == expected);
            }
        }
    }
    SUBCASE("vendor-only codes are not registered") {
        for (int detail = 500; detail <= 699; ++detail) {
            CHECK_FALSE(smtp::is_registered({4, 7, detail})); // Microsoft
        }
        CHECK_FALSE(smtp::is_registered({5, 7, 515})); // Microsoft
        CHECK_FALSE(smtp::is_registered({5, 7, 705})); // Microsoft
        CHECK_FALSE(smtp::is_registered({4, 7, 32}));  // Google
        CHECK_FALSE(smtp::is_registered({5, 7, 40}));
    }
    SUBCASE("vendor clashes are registered numbers: only the text tells them apart") {
        CHECK(smtp::title({5, 1, 10}) == "Recipient address has null MX");           // Microsoft
        CHECK(smtp::title({5, 7, 3}) == "Security conversion required but not possible"); // O365
        CHECK(smtp::title({5, 7, 9}) == "Authentication mechanism is too weak");     // Yahoo
    }
}

TEST_CASE("vendor_note") {
    struct VendorRow {
        smtp::EnhancedStatusCode code;
        std::string_view vendor; // empty: no note
        bool registered;
    };
    // Written from the vendors' documentation, apart from the header's table.
    const VendorRow rows[] = {
        {{4, 7, 500}, "Microsoft", false}, {{4, 7, 699}, "Microsoft", false},
        {{4, 7, 499}, "", false},          {{4, 7, 700}, "", false},
        {{5, 7, 500}, "Microsoft", false}, {{5, 7, 515}, "Microsoft", false},
        {{5, 7, 599}, "Microsoft", false}, {{5, 7, 700}, "Microsoft", false},
        {{5, 7, 750}, "Microsoft", false}, {{5, 7, 751}, "", false},
        {{4, 7, 32}, "Google", false},     {{5, 7, 32}, "", false},
        {{5, 1, 10}, "Microsoft", true},   {{4, 1, 10}, "", true},
        {{5, 7, 3}, "Microsoft", true},    {{5, 7, 9}, "Yahoo", true},
        {{4, 7, 9}, "", true},             {{5, 1, 1}, "", true},
        {{2, 0, 0}, "", true},             {{5, 7, 40}, "", false},
    };
    for (const VendorRow& row : rows) {
        CAPTURE(std::string(smtp::to_text(row.code).view()));
        const std::optional<smtp::VendorNote> note = smtp::vendor_note(row.code);
        CHECK(note.has_value() == !row.vendor.empty());
        if (note) {
            CHECK(note->vendor == row.vendor);
            CHECK(note->covers(row.code));
            CHECK(!note->text.empty());
        }
        CHECK(smtp::is_registered(row.code) == row.registered);
    }
    SUBCASE("answers for any ints") {
        for (const int v : {INT_MIN, -1, 0, 1000, INT_MAX}) {
            CHECK_FALSE(smtp::vendor_note({v, v, v}).has_value());
            CHECK_FALSE(smtp::vendor_note({5, 7, v}).has_value());
        }
    }
}

TEST_CASE("registry_entry") {
    SUBCASE("every entry: associated codes, references and flags") {
        for (const RegistryRow& row : registry_rows) {
            const auto [subject, detail] = subject_detail(row.code);
            const ExpectedBasic basic = parse_basic(row.basic);
            const ExpectedReference reference = parse_reference(row.reference);
            for (const int c : classes) {
                CAPTURE(row.code);
                CAPTURE(c);
                const smtp::EnhancedStatusCodeEntry* e = smtp::registry_entry({c, subject, detail});
                REQUIRE(e != nullptr);
                CHECK(e->subject == subject);
                CHECK(e->detail == detail);
                CHECK(e->title == row.title);
                CHECK(listed(e->basic_codes) == basic.codes);
                CHECK(e->basic_codes.scope == basic.scope);
                CHECK(e->rfc == reference.rfc);
                CHECK(e->also_rfc == reference.also_rfc);
                CHECK(e->draft == reference.draft);
                CHECK(e->deprecated == (row.code == "X.6.10"));
                CHECK(e->code(c) == EnhancedStatusCode{c, subject, detail});
            }
        }
    }
    SUBCASE("points into the registry array") {
        const smtp::EnhancedStatusCodeEntry* e = smtp::registry_entry({5, 7, 1});
        REQUIRE(e != nullptr);
        CHECK(e >= smtp::enhanced_status_code_registry.data());
        CHECK(e < smtp::enhanced_status_code_registry.data() +
                      smtp::enhanced_status_code_registry.size());
    }
    SUBCASE("nullptr for unregistered codes") {
        CHECK(smtp::registry_entry({5, 7, 31}) == nullptr);
        CHECK(smtp::registry_entry({3, 7, 1}) == nullptr);
        CHECK(smtp::registry_entry({5, INT_MIN, 0}) == nullptr);
    }
}

TEST_CASE("associated_basic_codes") {
    SUBCASE("every entry, as the registry words it") {
        for (const RegistryRow& row : registry_rows) {
            const auto [subject, detail] = subject_detail(row.code);
            const ExpectedBasic basic = parse_basic(row.basic);
            CAPTURE(row.code);
            const smtp::AssociatedBasicCodes codes = smtp::associated_basic_codes({5, subject, detail});
            CHECK(listed(codes) == basic.codes);
            CHECK(codes.size() == basic.codes.size());
            CHECK(codes.empty() == basic.codes.empty());
            CHECK(codes.scope == basic.scope);
            for (std::size_t i = 0; i < basic.codes.size(); ++i) {
                CHECK(codes[i] == basic.codes[i]);
            }
            CHECK(codes[basic.codes.size()] == 0);
        }
    }
    SUBCASE("contains: exactly the listed codes") {
        const smtp::AssociatedBasicCodes x11 = smtp::associated_basic_codes({5, 1, 1});
        CHECK(x11.contains(550));
        CHECK(x11.contains(451));
        CHECK_FALSE(x11.contains(552));
        CHECK_FALSE(x11.contains(0));
        CHECK_FALSE(smtp::associated_basic_codes({5, 0, 0}).contains(550)); // "Any" lists none
    }
    SUBCASE("permits: the listed codes and the scope") {
        for (int basic = 0; basic <= 700; ++basic) {
            const bool reply = basic >= 200 && basic <= 599;
            const bool r45 = basic >= 400 && basic <= 599;
            const bool r5 = basic >= 500 && basic <= 599;
            CAPTURE(basic);
            CHECK(smtp::associated_basic_codes({5, 0, 0}).permits(basic) == reply);  // Any
            CHECK(smtp::associated_basic_codes({5, 7, 17}).permits(basic) == r5);    // 5XX
            CHECK(smtp::associated_basic_codes({4, 7, 15}).permits(basic) == r45);   // 450, 550 + 4XX/5XX
            CHECK(smtp::associated_basic_codes({5, 1, 1}).permits(basic) ==
                  (basic == 451 || basic == 550));
            CHECK_FALSE(smtp::associated_basic_codes({5, 1, 0}).permits(basic)); // Not given
            CHECK_FALSE(smtp::associated_basic_codes({5, 7, 31}).permits(basic)); // unregistered
        }
    }
    SUBCASE("empty for unregistered codes") {
        const smtp::AssociatedBasicCodes none = smtp::associated_basic_codes({5, 9, 9});
        CHECK(none.empty());
        CHECK(none.begin() == none.end());
        CHECK(none.scope == BasicCodeScope::Listed);
    }
    SUBCASE("permits a listed code, or one of its scope") {
        // X.7.15 lists 450 and 550, and any other 4yz or 5yz code.
        const smtp::AssociatedBasicCodes x_7_15 = smtp::associated_basic_codes({5, 7, 15});
        CHECK(x_7_15.permits(450));
        CHECK(x_7_15.permits(471));
        CHECK_FALSE(x_7_15.permits(250));
        CHECK_FALSE(x_7_15.permits(600));
        // Built by hand: a listed code outside the scope still counts.
        const smtp::AssociatedBasicCodes any5yz{{250}, 1, BasicCodeScope::Any5yz};
        CHECK(any5yz.permits(250));
        CHECK(any5yz.permits(571));
        CHECK_FALSE(any5yz.permits(450));
        const smtp::AssociatedBasicCodes unknown_scope{{250}, 1, static_cast<BasicCodeScope>(9)};
        CHECK_FALSE(unknown_scope.permits(250));
        CHECK(unknown_scope.contains(250));
    }
    SUBCASE("usable in a range-for") {
        std::vector<int> seen;
        for (const int basic : smtp::associated_basic_codes({5, 7, 12})) {
            seen.push_back(basic);
        }
        CHECK(seen == std::vector<int>{422, 432});
    }
}

TEST_CASE("is_deprecated") {
    for (const RegistryRow& row : registry_rows) {
        const auto [subject, detail] = subject_detail(row.code);
        CAPTURE(row.code);
        CHECK(smtp::is_deprecated({5, subject, detail}) == (row.code == "X.6.10"));
    }
    CHECK_FALSE(smtp::is_deprecated({5, 6, 11}));
}

TEST_CASE("defining_rfc") {
    CHECK(smtp::defining_rfc({5, 1, 1}) == 3463);
    CHECK(smtp::defining_rfc({5, 1, 10}) == 7505);
    CHECK(smtp::defining_rfc({5, 7, 29}) == 8617);
    CHECK(smtp::defining_rfc({5, 7, 28}) == 0); // an Internet-Draft
    CHECK(smtp::defining_rfc({5, 7, 31}) == 0);
    for (const RegistryRow& row : registry_rows) {
        const auto [subject, detail] = subject_detail(row.code);
        CAPTURE(row.code);
        CHECK(smtp::defining_rfc({2, subject, detail}) == parse_reference(row.reference).rfc);
    }
}

TEST_CASE("subject_title") {
    // RFC 3463 section 2, as the registry's "Subject Sub-Codes" table names them.
    constexpr std::string_view expected[] = {
        "Other or Undefined Status",     "Addressing Status",
        "Mailbox Status",                "Mail System Status",
        "Network and Routing Status",    "Mail Delivery Protocol Status",
        "Message Content or Media Status", "Security or Policy Status",
    };
    SUBCASE("subjects 0 to 7") {
        for (int s = 0; s < 8; ++s) {
            CHECK(smtp::subject_title(s) == expected[s]);
            CHECK(smtp::subject_title(EnhancedStatusCode{5, s, 999}) == expected[s]);
        }
        CHECK(smtp::subject_title({5, 1, 1}) == "Addressing Status");
    }
    SUBCASE("empty beyond") {
        for (const int s : {-1, 8, 9, 16, 999, INT_MIN, INT_MAX}) {
            CHECK(smtp::subject_title(s).empty());
        }
    }
}

TEST_CASE("class_title") {
    CHECK(smtp::class_title(2) == "Success");
    CHECK(smtp::class_title(4) == "Persistent Transient Failure");
    CHECK(smtp::class_title(5) == "Permanent Failure");
    CHECK(smtp::class_title(EnhancedStatusCode{4, 7, 1}) == "Persistent Transient Failure");
    for (const int c : {0, 1, 3, 6, 9, -5, INT_MIN, INT_MAX}) {
        CHECK(smtp::class_title(c).empty());
    }
}

// ---------------------------------------------------------------------------
// Parsing.

namespace {

struct ParseRow {
    std::string_view text;
    bool valid;
    EnhancedStatusCode code;
};

using namespace std::string_view_literals;

const ParseRow parse_rows[] = {
    // valid
    {"2.0.0", true, {2, 0, 0}},
    {"5.1.1", true, {5, 1, 1}},
    // leading zeros: senders must not write them (RFC 3463 section 2), but
    // the grammar's 1*3digit reads them as the number
    {"5.01.1", true, {5, 1, 1}},
    {"5.1.01", true, {5, 1, 1}},
    {"5.00.1", true, {5, 0, 1}},
    {"5.000.0", true, {5, 0, 0}},
    {"4.007.010", true, {4, 7, 10}},
    {"4.1.1", true, {4, 1, 1}},
    {"4.7.30", true, {4, 7, 30}},
    {"5.7.500", true, {5, 7, 500}}, // a vendor code: valid, not registered
    {"4.16.1", true, {4, 16, 1}},   // Yahoo's pseudo-code: valid shape
    {"5.999.999", true, {5, 999, 999}},
    {"5.0.10", true, {5, 0, 10}},
    {"5.100.0", true, {5, 100, 0}},
    {"2.1.5", true, {2, 1, 5}},
    // wrong number of parts
    {"", false, {}},
    {"5", false, {}},
    {"5.", false, {}},
    {"5.1", false, {}},
    {"511", false, {}},
    {"5.1.", false, {}},
    {"5..1", false, {}},
    {"5.1..1", false, {}},
    {".5.1.1", false, {}},
    {"5.1.1.", false, {}},
    {"5.1.1.1", false, {}},
    {"4.16.55.1", false, {}},
    {"5,1,1", false, {}},
    // class
    {"0.1.1", false, {}},
    {"1.1.1", false, {}},
    {"3.1.1", false, {}},
    {"6.1.1", false, {}},
    {"9.1.1", false, {}},
    {"55.1.1", false, {}},
    {"05.1.1", false, {}},
    {"X.1.1", false, {}},
    // too many digits
    {"5.1000.1", false, {}},
    {"5.1.1000", false, {}},
    {"5.0001.1", false, {}},
    // signs, spaces, other characters
    {"+5.1.1", false, {}},
    {"-5.1.1", false, {}},
    {"5.+1.1", false, {}},
    {"5.-1.1", false, {}},
    {" 5.1.1", false, {}},
    {"5.1.1 ", false, {}},
    {"5 .1.1", false, {}},
    {"5. 1.1", false, {}},
    {"5.1.1\n", false, {}},
    {"5.1.1\r\n", false, {}},
    {"\t5.1.1", false, {}},
    {"5.a.1", false, {}},
    {"5.1.a", false, {}},
    {"5.1.1a", false, {}},
    {"5.0x1.1", false, {}},
    {"[#4.16.1]", false, {}},
    // non-ASCII: fullwidth and Arabic-Indic digits, a lone high byte
    {"\xEF\xBC\x95.1.1", false, {}},
    {"5.\xD9\xA1.1", false, {}},
    {"5.1.1\xFF", false, {}},
    {"\xB5.1.1", false, {}},
    // embedded NUL
    {"5.1.1\0"sv, false, {}},
    {"5.1\0.1"sv, false, {}},
    {"\0" "5.1.1"sv, false, {}},
    {"5\0.1.1"sv, false, {}},
};

} // namespace

TEST_CASE("parse_enhanced_status_code") {
    SUBCASE("the parse table") {
        for (const ParseRow& row : parse_rows) {
            CAPTURE(std::string(row.text));
            const auto parsed = smtp::parse_enhanced_status_code(row.text);
            REQUIRE(parsed.has_value() == row.valid);
            if (row.valid) {
                CHECK(*parsed == row.code);
            }
        }
    }
    SUBCASE("every bad input the issue lists") {
        for (const std::string_view bad :
             {"5.1"sv, "511"sv, "5.1.1.1"sv, "6.1.1"sv, "5.1000.1"sv, "+5.1.1"sv, " 5.1.1"sv,
              "5.1.1 "sv, "5..1"sv, "5.1."sv, "5.\xC3\xA9.1"sv, "5.1.1\0"sv, "5.123"sv,
              "5.1234"sv, "5.12345"sv, "5.100.1000"sv, "5.123.123.1"sv}) {
            CAPTURE(std::string(bad));
            CHECK_FALSE(smtp::parse_enhanced_status_code(bad).has_value());
        }
    }
    SUBCASE("reads only the bytes of the view") {
        const char buffer[] = "5.1.12345";
        CHECK(smtp::parse_enhanced_status_code(std::string_view(buffer, 5)) ==
              EnhancedStatusCode{5, 1, 1});
        CHECK(smtp::parse_enhanced_status_code(std::string_view(buffer, 4)) == std::nullopt);
        const char dotted[] = "4.7.1.1";
        CHECK(smtp::parse_enhanced_status_code(std::string_view(dotted, 5)) ==
              EnhancedStatusCode{4, 7, 1});
        CHECK(smtp::parse_enhanced_status_code(std::string_view()) == std::nullopt);
        CHECK(smtp::parse_enhanced_status_code(std::string_view(nullptr, 0)) == std::nullopt);
    }
    SUBCASE("every code with subject and detail 0..999 and no other") {
        // All 3 * 1000 * 1000 would be slow in Debug; every subject with a
        // spread of details covers every length and digit.
        for (const int c : classes) {
            for (int subject = 0; subject <= 999; ++subject) {
                for (const int detail : {0, 1, 9, 10, 30, 99, 100, 500, 999}) {
                    const EnhancedStatusCode code{c, subject, detail};
                    const std::string text = test_values::enhanced_text(code);
                    const auto parsed = smtp::parse_enhanced_status_code(text);
                    REQUIRE(parsed.has_value());
                    CHECK(*parsed == code);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Comparisons and classification.

TEST_CASE("operator==") {
    CHECK(EnhancedStatusCode{5, 1, 1} == EnhancedStatusCode{5, 1, 1});
    CHECK_FALSE(EnhancedStatusCode{5, 1, 1} == EnhancedStatusCode{4, 1, 1});
    CHECK_FALSE(EnhancedStatusCode{5, 1, 1} == EnhancedStatusCode{5, 2, 1});
    CHECK_FALSE(EnhancedStatusCode{5, 1, 1} == EnhancedStatusCode{5, 1, 2});
    CHECK(EnhancedStatusCode{5, 1, 1} != EnhancedStatusCode{5, 1, 2});
    CHECK_FALSE(EnhancedStatusCode{5, 1, 1} != EnhancedStatusCode{5, 1, 1});
}

TEST_CASE("operator<") {
    SUBCASE("orders by class, then subject, then detail") {
        // Written in the expected order.
        const EnhancedStatusCode ordered[] = {
            {INT_MIN, 0, 0}, {2, 0, 0}, {2, 0, 1}, {2, 1, 0}, {4, 0, 0}, {4, 7, 1},
            {4, 7, 30},      {5, 0, 0}, {5, 1, 1}, {5, 1, 10}, {5, 2, 0}, {5, 10, 0},
            {5, 999, 999},   {INT_MAX, INT_MIN, INT_MIN},
        };
        for (std::size_t i = 0; i < std::size(ordered); ++i) {
            for (std::size_t j = 0; j < std::size(ordered); ++j) {
                CAPTURE(i);
                CAPTURE(j);
                const EnhancedStatusCode& a = ordered[i];
                const EnhancedStatusCode& b = ordered[j];
                CHECK((a < b) == (i < j));
                CHECK((a > b) == (i > j));
                CHECK((a <= b) == (i <= j));
                CHECK((a >= b) == (i >= j));
                CHECK((a == b) == (i == j));
                CHECK((a != b) == (i != j));
            }
        }
    }
    SUBCASE("numeric, not textual: 5.1.10 after 5.1.9") {
        CHECK(EnhancedStatusCode{5, 1, 9} < EnhancedStatusCode{5, 1, 10});
    }
}

TEST_CASE("reply_class") {
    CHECK(smtp::reply_class(EnhancedStatusCode{2, 0, 0}) == ReplyClass::PositiveCompletion);
    CHECK(smtp::reply_class(EnhancedStatusCode{4, 7, 1}) == ReplyClass::TransientNegative);
    CHECK(smtp::reply_class(EnhancedStatusCode{5, 1, 1}) == ReplyClass::PermanentNegative);
    for (const int c : {0, 1, 3, 6, -4, INT_MIN, INT_MAX}) {
        CHECK(smtp::reply_class(EnhancedStatusCode{c, 1, 1}) == ReplyClass::None);
        CHECK_FALSE(smtp::is_success(EnhancedStatusCode{c, 1, 1}));
        CHECK_FALSE(smtp::is_transient(EnhancedStatusCode{c, 1, 1}));
        CHECK_FALSE(smtp::is_permanent(EnhancedStatusCode{c, 1, 1}));
    }
    CHECK(smtp::is_success(EnhancedStatusCode{2, 6, 4}));
    CHECK(smtp::is_transient(EnhancedStatusCode{4, 2, 2}));
    CHECK(smtp::is_permanent(EnhancedStatusCode{5, 7, 1}));
}

TEST_CASE("is_valid") {
    CHECK(smtp::is_valid({5, 1, 1}));
    CHECK(smtp::is_valid({2, 0, 0}));
    CHECK(smtp::is_valid({4, 999, 999}));
    CHECK_FALSE(smtp::is_valid({3, 1, 1}));
    CHECK_FALSE(smtp::is_valid({5, 1000, 1}));
    CHECK_FALSE(smtp::is_valid({5, 1, -1}));
    // Each bound on its own.
    CHECK_FALSE(smtp::is_valid({5, -1, 1}));
    CHECK_FALSE(smtp::is_valid({5, 1, 1000}));
    CHECK(smtp::is_valid({5, 999, 0}));
    CHECK(smtp::is_valid({5, 0, 999}));
}

// ---------------------------------------------------------------------------
// Text output.

TEST_CASE("to_chars") {
    SUBCASE("writes class.subject.detail") {
        char buffer[smtp::enhanced_status_code_max_chars];
        const auto result = smtp::to_chars(std::begin(buffer), std::end(buffer), {5, 1, 1});
        REQUIRE(result.ec == std::errc());
        CHECK(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)) == "5.1.1");
    }
    SUBCASE("any int, INT_MIN included, fits the documented maximum") {
        const EnhancedStatusCode worst{INT_MIN, INT_MIN, INT_MIN};
        char buffer[smtp::enhanced_status_code_max_chars];
        const auto result = smtp::to_chars(std::begin(buffer), std::end(buffer), worst);
        REQUIRE(result.ec == std::errc());
        CHECK(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)) ==
              "-2147483648.-2147483648.-2147483648");
        CHECK(result.ptr == std::end(buffer));
    }
    SUBCASE("too small a buffer: value_too_large, ptr is last, nothing written") {
        const EnhancedStatusCode codes[] = {{5, 1, 1},   {4, 7, 30},  {5, 999, 999},
                                            {-1, 0, 12}, {INT_MIN, INT_MAX, 0}};
        for (const EnhancedStatusCode& code : codes) {
            const std::string expected = test_values::enhanced_text(code);
            for (std::size_t size = 0; size <= expected.size() + 1; ++size) {
                CAPTURE(expected);
                CAPTURE(size);
                std::vector<char> buffer(size + 8, '#'); // 8 guard bytes after the range
                char* const first = buffer.data();
                char* const last = first + size;
                const auto result = smtp::to_chars(first, last, code);
                if (size < expected.size()) {
                    CHECK(result.ec == std::errc::value_too_large);
                    CHECK(result.ptr == last);
                    CHECK(std::all_of(buffer.begin(), buffer.end(), [](char c) { return c == '#'; }));
                } else {
                    REQUIRE(result.ec == std::errc());
                    CHECK(std::string_view(first, static_cast<std::size_t>(result.ptr - first)) ==
                          expected);
                    CHECK(std::all_of(buffer.begin() + static_cast<std::ptrdiff_t>(expected.size()),
                                      buffer.end(), [](char c) { return c == '#'; }));
                }
            }
        }
    }
    SUBCASE("null or reversed ranges are too small, not undefined") {
        CHECK(smtp::to_chars(nullptr, nullptr, {5, 1, 1}).ec == std::errc::value_too_large);
        char buffer[8] = {};
        CHECK(smtp::to_chars(buffer + 4, buffer, {5, 1, 1}).ec == std::errc::value_too_large);
        CHECK(smtp::to_chars(buffer, nullptr, {5, 1, 1}).ec == std::errc::value_too_large);
        CHECK(smtp::to_chars(nullptr, buffer + 8, {5, 1, 1}).ec == std::errc::value_too_large);
        CHECK(std::all_of(std::begin(buffer), std::end(buffer), [](char c) { return c == 0; }));
    }
}

TEST_CASE("to_text") {
    CHECK(smtp::to_text({5, 1, 1}).view() == "5.1.1");
    CHECK(smtp::to_text({4, 7, 30}).view() == "4.7.30");
    CHECK(smtp::to_text({INT_MAX, -1, 0}).view() == "2147483647.-1.0");
}

TEST_CASE("round trip") {
    SUBCASE("every registry entry in every class: print, parse, same code and text") {
        for (const smtp::EnhancedStatusCodeEntry& entry : smtp::enhanced_status_code_registry) {
            for (const int c : classes) {
                const EnhancedStatusCode code = entry.code(c);
                const auto text = smtp::to_text(code);
                CAPTURE(std::string(text.view()));
                CHECK(text.view() == test_values::enhanced_text(code));
                const auto parsed = smtp::parse_enhanced_status_code(text.view());
                REQUIRE(parsed.has_value());
                CHECK(*parsed == code);
                CHECK(smtp::title(*parsed) == entry.title);
            }
        }
    }
    SUBCASE("every valid row of the parse table prints back as its text, "
            "less any leading zeros") {
        for (const ParseRow& row : parse_rows) {
            if (row.valid) {
                CAPTURE(row.text);
                const auto text = smtp::to_text(row.code); // the view below points into it
                const std::string_view printed = text.view();
                // Dropping leading zeros is the only change printing makes.
                CHECK(printed.size() <= row.text.size());
                CHECK((printed == row.text) == (printed.size() == row.text.size()));
                CHECK(smtp::parse_enhanced_status_code(smtp::to_text(row.code).view()) == row.code);
            }
        }
    }
}

TEST_CASE("name of BasicCodeScope") {
    CHECK(smtp::name(BasicCodeScope::Listed) == "Listed");
    CHECK(smtp::name(BasicCodeScope::ListedOrAny4yz5yz) == "ListedOrAny4yz5yz");
    CHECK(smtp::name(BasicCodeScope::Any5yz) == "Any5yz");
    CHECK(smtp::name(BasicCodeScope::Any) == "Any");
    for (const int v : {-1, 4, 5, 100}) {
        CAPTURE(v);
        CHECK(smtp::name(static_cast<BasicCodeScope>(v)).empty());
    }
}
