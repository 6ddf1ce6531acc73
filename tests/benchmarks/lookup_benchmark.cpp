// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// The lookups of <smtp/status_code.hpp> against what a project would
// otherwise write, on the same random inputs in one run:
//
//   name, description   by SmtpStatusCode
//   from_value          by int
//   from_name           by string
//
// impls: smtp (this library), switch (a switch with a default), dense_array
// (an array indexed by the code: the practical limit), sorted_array (binary
// search), unordered_map (std::unordered_map<int, std::string>, or <int,
// SmtpStatusCode> for from_value), and for from_name perfect_hash (one slot
// per name, one comparison), branch_free (version 0.1's perfect hash without
// a branch on the text), unordered_map (std::unordered_map<std::string_view,
// SmtpStatusCode>) and linear_scan.
// "loop" only reads the inputs. Each baseline is written the plain way; all
// are checked against the library on every input before anything runs.
//
// Inputs, fixed by a seeded generator (see make_codes and make_names):
// codes: 50 % enumerators, 35 % other codes in 200..599, 15 % any int;
// names: 50 % enumerator names, 50 % near misses and other strings.
#include <smtp/status_code.hpp>

#include "harness.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using smtp::SmtpStatusCode;
using smtp_bench::Random;

// Every enumerator, for the switch baselines (a switch can only be written
// out). check_baselines() proves the list matches all_status_codes.
#define SMTP_BENCH_ENUMERATORS(X)                                                          \
    X(GeneralFailure) X(NotDefined) X(SystemStatus) X(HelpMessage) X(ServiceReady)         \
    X(ServiceClosingTransmissionChannel) X(AuthenticationSucceeded) X(Ok)                  \
    X(UserNotLocalWillForward) X(CannotVerifyUserWillAttemptDelivery) X(Base64Response)    \
    X(StartMailInput) X(ServiceNotAvailable) X(PasswordTransitionNeeded) X(MailboxBusy)    \
    X(LocalErrorInProcessing) X(InsufficientStorage) X(ClientNotPermitted)                 \
    X(ServerUnableToAccommodateParameters) X(CommandUnrecognized) X(SyntaxError)           \
    X(CommandNotImplemented) X(CommandNotPermitted) X(UnrecognizedAuthenticationType)      \
    X(HostDoesNotAcceptMail) X(AuthenticationRequired) X(AuthenticationMechanismIsToWeak)  \
    X(CredentialsInvalid) X(EncryptionRequiredRequestedMechanism) X(MailboxUnavailable)    \
    X(UserNotLocalTryAlternatePath) X(ExceededStorageAllocation) X(MailboxNameNotAllowed)  \
    X(TransactionFailed) X(ParametersNotRecognizedOrNotImplemented) X(DomainDoesNotAcceptMail)

// ---- inputs ---------------------------------------------------------------

std::vector<int> make_codes() {
    Random random(0x5eed0001);
    std::vector<int> others; // codes in 200..599 that no enumerator has
    for (int v = 200; v <= 599; ++v) {
        if (!smtp::from_value(v)) {
            others.push_back(v);
        }
    }
    std::vector<int> codes;
    for (std::size_t i = 0; i < smtp_bench::input_count; ++i) {
        const std::size_t pick = random.below(100);
        if (pick < 50) {
            codes.push_back(smtp::value(
                smtp::all_status_codes[random.below(smtp::all_status_codes.size())]));
        } else if (pick < 85) {
            codes.push_back(others[random.below(others.size())]);
        } else {
            codes.push_back(static_cast<int>(random.next())); // any int, mostly huge
        }
    }
    return codes;
}

std::vector<std::string> make_names() {
    Random random(0x5eed0002);
    const std::string_view other_words[] = {
        "", "None", "OK", "ok", "250", "PositiveCompletion", "MailboxFull",
        "AuthenticationMechanismIsTooWeak", "SmtpStatusCode::Ok", "ServiceReady\r\n"};
    std::vector<std::string> names;
    for (std::size_t i = 0; i < smtp_bench::input_count; ++i) {
        std::string name(smtp::name(
            smtp::all_status_codes[random.below(smtp::all_status_codes.size())]));
        switch (random.below(16)) {
        case 0: // lower case
            std::transform(name.begin(), name.end(), name.begin(), [](char c) {
                return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            });
            break;
        case 1: // last character changed
            name.back() = static_cast<char>(name.back() ^ 1);
            break;
        case 2: // one character shorter
            name.pop_back();
            break;
        case 3: // one character longer
            name += 's';
            break;
        case 4: // surrounded by a space
            name = " " + name;
            break;
        case 5: // another word
            name = std::string(other_words[random.below(std::size(other_words))]);
            break;
        case 6: { // random printable bytes
            name.assign(1 + random.below(40), ' ');
            for (char& c : name) {
                c = static_cast<char>(' ' + random.below(95));
            }
            break;
        }
        case 7: // a character in the middle changed
            name[name.size() / 2] = static_cast<char>(name[name.size() / 2] ^ 2);
            break;
        default: // half of all: the name itself
            break;
        }
        names.push_back(std::move(name));
    }
    return names;
}

const std::vector<int> codes = make_codes();
const smtp_bench::TextPool name_pool(make_names());
const std::vector<std::string_view>& names = name_pool.views();

// ---- baselines --------------------------------------------------------------

// A switch with a default, as one writes it by hand. The texts are
// compile-time constants, exactly as string literals in the cases would be.
std::string_view switch_name(SmtpStatusCode code) {
#define SMTP_BENCH_CASE(E)                                                   \
    case SmtpStatusCode::E: {                                                \
        constexpr std::string_view text = smtp::name(SmtpStatusCode::E);     \
        return text;                                                         \
    }
    switch (code) {
        SMTP_BENCH_ENUMERATORS(SMTP_BENCH_CASE)
    default:
        return {};
    }
#undef SMTP_BENCH_CASE
}

std::string_view switch_description(SmtpStatusCode code) {
#define SMTP_BENCH_CASE(E)                                                       \
    case SmtpStatusCode::E: {                                                    \
        constexpr std::string_view text = smtp::description(SmtpStatusCode::E); \
        return text;                                                             \
    }
    switch (code) {
        SMTP_BENCH_ENUMERATORS(SMTP_BENCH_CASE)
    default:
        return {};
    }
#undef SMTP_BENCH_CASE
}

std::optional<SmtpStatusCode> switch_from_value(int v) {
#define SMTP_BENCH_CASE(E)                                                   \
    case static_cast<int>(SmtpStatusCode::E):                                \
        return SmtpStatusCode::E;
    switch (v) {
        SMTP_BENCH_ENUMERATORS(SMTP_BENCH_CASE)
    default:
        return std::nullopt;
    }
#undef SMTP_BENCH_CASE
}

// An array with one element per value from -1 to 599.
struct DenseArray {
    static constexpr int lowest = -1;
    static constexpr std::size_t size = 601;
    std::array<std::string_view, size> names{};
    std::array<std::string_view, size> descriptions{};
    std::array<std::optional<SmtpStatusCode>, size> codes{};

    DenseArray() {
        for (SmtpStatusCode code : smtp::all_status_codes) {
            const auto at = static_cast<std::size_t>(smtp::value(code) - lowest);
            names[at] = smtp::name(code);
            descriptions[at] = smtp::description(code);
            codes[at] = code;
        }
    }
    static std::size_t index(int v) {
        return static_cast<unsigned>(v) - static_cast<unsigned>(lowest);
    }
    std::string_view name(SmtpStatusCode code) const {
        const std::size_t at = index(smtp::value(code));
        return at < size ? names[at] : std::string_view{};
    }
    std::string_view description(SmtpStatusCode code) const {
        const std::size_t at = index(smtp::value(code));
        return at < size ? descriptions[at] : std::string_view{};
    }
    std::optional<SmtpStatusCode> from_value(int v) const {
        const std::size_t at = index(v);
        return at < size ? codes[at] : std::nullopt;
    }
};

// The codes ascending by value; std::lower_bound finds one.
struct SortedArray {
    struct Entry {
        int value;
        std::string_view name;
        std::string_view description;
    };
    std::array<Entry, smtp::all_status_codes.size()> entries{};

    SortedArray() {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const SmtpStatusCode code = smtp::all_status_codes[i];
            entries[i] = {smtp::value(code), smtp::name(code), smtp::description(code)};
        }
        std::sort(entries.begin(), entries.end(),
                  [](const Entry& a, const Entry& b) { return a.value < b.value; });
    }
    const Entry* find(int v) const {
        const auto it = std::lower_bound(entries.begin(), entries.end(), v,
                                         [](const Entry& e, int x) { return e.value < x; });
        return it != entries.end() && it->value == v ? &*it : nullptr;
    }
    std::string_view name(SmtpStatusCode code) const {
        const Entry* e = find(smtp::value(code));
        return e != nullptr ? e->name : std::string_view{};
    }
    std::string_view description(SmtpStatusCode code) const {
        const Entry* e = find(smtp::value(code));
        return e != nullptr ? e->description : std::string_view{};
    }
    std::optional<SmtpStatusCode> from_value(int v) const {
        const Entry* e = find(v);
        return e != nullptr ? std::optional<SmtpStatusCode>(static_cast<SmtpStatusCode>(v))
                            : std::nullopt;
    }
};

// What projects write by hand: maps filled at start-up.
struct UnorderedMaps {
    std::unordered_map<int, std::string> names;
    std::unordered_map<int, std::string> descriptions;
    std::unordered_map<int, SmtpStatusCode> codes;
    std::unordered_map<std::string_view, SmtpStatusCode> by_name;

    UnorderedMaps() {
        for (SmtpStatusCode code : smtp::all_status_codes) {
            names.emplace(smtp::value(code), std::string(smtp::name(code)));
            descriptions.emplace(smtp::value(code), std::string(smtp::description(code)));
            codes.emplace(smtp::value(code), code);
            by_name.emplace(smtp::name(code), code);
        }
    }
    std::string_view name(SmtpStatusCode code) const {
        const auto it = names.find(smtp::value(code));
        return it != names.end() ? std::string_view(it->second) : std::string_view{};
    }
    std::string_view description(SmtpStatusCode code) const {
        const auto it = descriptions.find(smtp::value(code));
        return it != descriptions.end() ? std::string_view(it->second) : std::string_view{};
    }
    std::optional<SmtpStatusCode> from_value(int v) const {
        const auto it = codes.find(v);
        return it != codes.end() ? std::optional<SmtpStatusCode>(it->second) : std::nullopt;
    }
    std::optional<SmtpStatusCode> from_name(std::string_view text) const {
        const auto it = by_name.find(text);
        return it != by_name.end() ? std::optional<SmtpStatusCode>(it->second) : std::nullopt;
    }
};

// from_name by comparing with every name in turn.
struct LinearScan {
    struct Entry {
        std::string_view name;
        SmtpStatusCode code;
    };
    std::array<Entry, smtp::all_status_codes.size()> entries{};

    LinearScan() {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            entries[i] = {smtp::name(smtp::all_status_codes[i]), smtp::all_status_codes[i]};
        }
    }
    std::optional<SmtpStatusCode> from_name(std::string_view text) const {
        for (const Entry& e : entries) {
            if (e.name == text) {
                return e.code;
            }
        }
        return std::nullopt;
    }
};

// The slots of both perfect hashes below: the length and two characters of
// a name, packed and multiplied, pick one of 256 slots, each holding the row
// (plus one) of all_status_codes whose name hashes there, 0 if none. The
// multiplier is searched for when the table is built, until no two names
// share a slot.
class NameSlots {
public:
    NameSlots() {
        for (multiplier_ = 2654435761u;; multiplier_ += 2) {
            slot_row_.fill(0);
            bool collision = false;
            for (std::size_t row = 0; row < smtp::all_status_codes.size() && !collision; ++row) {
                const std::string_view n = smtp::name(smtp::all_status_codes[row]);
                std::uint8_t& slot = slot_row_[hash(n.data(), n.size())];
                collision = slot != 0;
                slot = static_cast<std::uint8_t>(row + 1);
            }
            if (!collision) {
                break;
            }
        }
    }

    // The row plus one whose name may be the n bytes at s, or 0; s[0] is
    // read even when n is 0 (give "" then).
    std::size_t row_of(const char* s, std::size_t n) const { return slot_row_[hash(s, n)]; }

private:
    std::size_t hash(const char* s, std::size_t n) const {
        const std::uint32_t key = static_cast<std::uint32_t>(n) ^
                                  (std::uint32_t{static_cast<unsigned char>(s[0])} << 8) ^
                                  (std::uint32_t{static_cast<unsigned char>(s[n / 2])} << 16);
        return (key * multiplier_) >> 24;
    }

    std::uint32_t multiplier_ = 0;
    std::array<std::uint8_t, 256> slot_row_{};
};

// from_name by a perfect hash, written the plain way: NameSlots picks the
// slot, and the text is compared with that slot's name. The library's
// from_name must stay within 1.5 x of it (BENCHMARKS.md).
class PerfectHash {
public:
    std::optional<SmtpStatusCode> from_name(std::string_view text) const {
        if (text.empty()) {
            return std::nullopt;
        }
        const std::size_t row = slots_.row_of(text.data(), text.size());
        if (row == 0) {
            return std::nullopt;
        }
        const SmtpStatusCode code = smtp::all_status_codes[row - 1];
        if (smtp::name(code) != text) {
            return std::nullopt;
        }
        return code;
    }

private:
    NameSlots slots_;
};

// Version 0.1's from_name: the same perfect hash made branch-free, because
// random input mispredicts every branch on the text. The text is compared
// with the slot's name in overlapping 8-byte words, an empty slot compares
// with a name that cannot match (so hits and misses take the same path),
// and the answer is copied from a table of optionals chosen by a mask. The
// fastest we know with g++; its speed rests on the compiler keeping the
// selects free of branches. For reference only: the library gave it up
// (BENCHMARKS.md, from_name).
class BranchFree {
public:
    BranchFree() {
        for (std::size_t row = 0; row < smtp::all_status_codes.size(); ++row) {
            const SmtpStatusCode code = smtp::all_status_codes[row];
            names_[row + 1] = smtp::name(code);
            answers_[row + 1] = code;
        }
        names_[0] = names_[1]; // an empty slot compares with a name that cannot match
    }

    std::optional<SmtpStatusCode> from_name(std::string_view text) const {
        const std::size_t size = text.size();
        const char* const bytes = size != 0 ? text.data() : "";
        const std::size_t slot = slots_.row_of(bytes, size);
        const std::string_view name = names_[slot];
        const std::size_t common = size < name.size() ? size : name.size();
        const std::uint64_t difference =
            (size ^ name.size()) | byte_difference(name.data(), bytes, common);
        const std::size_t found = slot & (std::size_t{0} - std::size_t{difference == 0});
        return answers_[found];
    }

private:
    static std::uint64_t load8(const char* p) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        return word;
    }
    // Zero if and only if the first n bytes (n <= 40) of a and b are equal;
    // from eight bytes on, five overlapping words cover them, whatever n is.
    static std::uint64_t byte_difference(const char* a, const char* b, std::size_t n) {
        std::uint64_t diff = 0;
        if (n < 8) {
            for (std::size_t i = 0; i < n; ++i) {
                diff |= static_cast<unsigned char>(a[i] ^ b[i]);
            }
            return diff;
        }
        const std::size_t last = n - 8;
        diff = load8(a + last) ^ load8(b + last);
        for (std::size_t at = 0; at < 32; at += 8) {
            const std::size_t word = at < last ? at : last;
            diff |= load8(a + word) ^ load8(b + word);
        }
        return diff;
    }

    NameSlots slots_;
    std::array<std::string_view, smtp::all_status_codes.size() + 1> names_{};
    std::array<std::optional<SmtpStatusCode>, smtp::all_status_codes.size() + 1> answers_{};
};

const DenseArray dense;
const SortedArray sorted;
const UnorderedMaps maps;
const LinearScan scan;
const PerfectHash perfect;
const BranchFree branch_free;

// ---- checks: every baseline gives the library's answer on every input --------

void check_baselines() {
    std::size_t listed = 0;
#define SMTP_BENCH_COUNT(E)                                                       \
    ++listed;                                                                    \
    if (!smtp::is_defined(SmtpStatusCode::E))                                    \
        smtp_bench::fail("switch baseline lists a value that is no enumerator");
    SMTP_BENCH_ENUMERATORS(SMTP_BENCH_COUNT)
#undef SMTP_BENCH_COUNT
    if (listed != smtp::all_status_codes.size()) {
        smtp_bench::fail("the switch baselines do not list every enumerator");
    }
    std::size_t valid = 0;
    for (int v : codes) {
        const auto code = static_cast<SmtpStatusCode>(v);
        const std::string_view n = smtp::name(code);
        const std::string_view d = smtp::description(code);
        const std::optional<SmtpStatusCode> found = smtp::from_value(v);
        valid += found.has_value();
        if (switch_name(code) != n || dense.name(code) != n || sorted.name(code) != n ||
            maps.name(code) != n) {
            smtp_bench::fail("name of " + std::to_string(v));
        }
        if (switch_description(code) != d || dense.description(code) != d ||
            sorted.description(code) != d || maps.description(code) != d) {
            smtp_bench::fail("description of " + std::to_string(v));
        }
        if (switch_from_value(v) != found || dense.from_value(v) != found ||
            sorted.from_value(v) != found || maps.from_value(v) != found) {
            smtp_bench::fail("from_value of " + std::to_string(v));
        }
    }
    if (valid < codes.size() / 3 || valid > codes.size() * 2 / 3) {
        smtp_bench::fail("codes are not a mix of valid and invalid");
    }
    valid = 0;
    for (std::string_view text : names) {
        const std::optional<SmtpStatusCode> found = smtp::from_name(text);
        valid += found.has_value();
        if (maps.from_name(text) != found || scan.from_name(text) != found ||
            perfect.from_name(text) != found || branch_free.from_name(text) != found) {
            smtp_bench::fail("from_name of \"" + std::string(text) + "\"");
        }
    }
    if (valid < names.size() / 3 || valid > names.size() * 2 / 3) {
        smtp_bench::fail("names are not a mix of valid and invalid");
    }
}

// ---- kernels ------------------------------------------------------------------

const bool registered = [] {
    check_baselines();
    using smtp_bench::add_kernel;
    using smtp_bench::each;
    const auto as_code = [](int v) { return static_cast<SmtpStatusCode>(v); };

    add_kernel("name", "loop", [] { return each(codes, [](int v) { return v; }); });
    add_kernel("name", "smtp", [=] {
        return each(codes, [=](int v) { return smtp::name(as_code(v)); });
    });
    add_kernel("name", "switch", [=] {
        return each(codes, [=](int v) { return switch_name(as_code(v)); });
    });
    add_kernel("name", "dense_array", [=] {
        return each(codes, [=](int v) { return dense.name(as_code(v)); });
    });
    add_kernel("name", "sorted_array", [=] {
        return each(codes, [=](int v) { return sorted.name(as_code(v)); });
    });
    add_kernel("name", "unordered_map", [=] {
        return each(codes, [=](int v) { return maps.name(as_code(v)); });
    });

    add_kernel("description", "loop", [] { return each(codes, [](int v) { return v; }); });
    add_kernel("description", "smtp", [=] {
        return each(codes, [=](int v) { return smtp::description(as_code(v)); });
    });
    add_kernel("description", "switch", [=] {
        return each(codes, [=](int v) { return switch_description(as_code(v)); });
    });
    add_kernel("description", "dense_array", [=] {
        return each(codes, [=](int v) { return dense.description(as_code(v)); });
    });
    add_kernel("description", "sorted_array", [=] {
        return each(codes, [=](int v) { return sorted.description(as_code(v)); });
    });
    add_kernel("description", "unordered_map", [=] {
        return each(codes, [=](int v) { return maps.description(as_code(v)); });
    });

    add_kernel("from_value", "loop", [] { return each(codes, [](int v) { return v; }); });
    add_kernel("from_value", "smtp",
               [] { return each(codes, [](int v) { return smtp::from_value(v); }); });
    add_kernel("from_value", "switch",
               [] { return each(codes, [](int v) { return switch_from_value(v); }); });
    add_kernel("from_value", "dense_array",
               [] { return each(codes, [](int v) { return dense.from_value(v); }); });
    add_kernel("from_value", "sorted_array",
               [] { return each(codes, [](int v) { return sorted.from_value(v); }); });
    add_kernel("from_value", "unordered_map",
               [] { return each(codes, [](int v) { return maps.from_value(v); }); });

    add_kernel("from_name", "loop",
               [] { return each(names, [](std::string_view s) { return s; }); });
    add_kernel("from_name", "smtp",
               [] { return each(names, [](std::string_view s) { return smtp::from_name(s); }); });
    add_kernel("from_name", "perfect_hash",
               [] { return each(names, [](std::string_view s) { return perfect.from_name(s); }); });
    add_kernel("from_name", "branch_free", [] {
        return each(names, [](std::string_view s) { return branch_free.from_name(s); });
    });
    add_kernel("from_name", "unordered_map",
               [] { return each(names, [](std::string_view s) { return maps.from_name(s); }); });
    add_kernel("from_name", "linear_scan",
               [] { return each(names, [](std::string_view s) { return scan.from_name(s); }); });
    return true;
}();

} // namespace
