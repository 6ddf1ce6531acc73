// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Raw replies: server lines, one after another, gathered into replies
// (RFC 5321 section 4.2: a reply's lines share its code, '-' after the code
// on all but the last). What is held is bounded: one reply, at most
// ReplyLimits::max_lines lines of at most max_line_length bytes.
#ifndef SMTP_EXPLAIN_EXTRACT_REPLY_LINES_HPP
#define SMTP_EXPLAIN_EXTRACT_REPLY_LINES_HPP

#include "extract/events.hpp"
#include "text.hpp"

#include <smtp/reply.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace smtp_explain {

/// Whether `line` has the shape of a reply line: three digits, the first 2
/// to 5, then a space, '-', a tab (a bad separator worth reporting) or the
/// end. Lines such as "2024-05-01 ..." are not.
constexpr bool looks_like_reply_line(std::string_view line) noexcept {
    return line.size() >= 3 && line[0] >= '2' && line[0] <= '5' && is_digit(line[1]) &&
           is_digit(line[2]) &&
           (line.size() == 3 || line[3] == ' ' || line[3] == '-' || line[3] == '\t');
}

/// Gathers server lines into replies and parses them.
class ReplyGatherer {
public:
    /// Where the gathered replies go, in input order.
    class Handler {
    public:
        /// `cut_off`: the input ended inside the reply (finish()).
        virtual void reply(const smtp::Reply& reply, const Location& where, bool cut_off) = 0;
        virtual void invalid(const InvalidReplyEvent& event) = 0;

    protected:
        Handler() = default;
        Handler(const Handler&) = default;
        Handler& operator=(const Handler&) = default;
        ~Handler() = default;
    };

    ReplyGatherer(Handler& handler, std::string_view source, const smtp::ReplyLimits& limits)
        : handler_(handler), source_(source), limits_(limits) {}

    /// Adds one server line (`text` without the line ending, taken from
    /// input line `number`). A line that ends the reply (no '-' after the
    /// code), or one over the limits, hands the reply on at once.
    void add(std::string_view text, std::uint64_t number, bool truncated, Origin origin);

    /// Hands on what has been gathered: the replies in it (several when the
    /// lines hold more than one), and an invalid reply where parsing stops.
    void flush() { hand_on(false); }

    /// Hands on what has been gathered at the end of the input. Where the
    /// lines end inside a reply (the last one given says more follow), that
    /// reply is handed on with the lines there are, marked cut off, rather
    /// than as Incomplete: a line of a multiline reply pasted alone
    /// ("421-4.7.28 ... unusual rate") is still worth explaining. Before
    /// that end (the client speaks, another family's event), flush() keeps
    /// such lines Incomplete.
    void finish() { hand_on(true); }

private:
    void hand_on(bool at_end);

    Handler& handler_;
    std::string_view source_;
    smtp::ReplyLimits limits_;
    std::string pending_;
    std::size_t pending_lines_ = 0;
    std::uint64_t first_line_ = 0;
    Origin origin_ = Origin::Transcript;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_REPLY_LINES_HPP
