// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// smtp_probe: the client of the real-server integration test. It holds one
// SMTP session with a server on 127.0.0.1, reads every reply with
// smtp::parse_reply, and checks that each one parses and classifies as the
// server meant it. mta_fixture.sh starts the server and runs this program.
//
//   smtp_probe --server postfix|aiosmtpd --port N [--source 127.0.0.2]
//              [--read-timeout-ms 10000] [--total-timeout-ms 60000]
//   smtp_probe --free-port    prints a TCP port free on 127.0.0.1 just now
//
// Exit status: 0 every step as expected, 1 a step was not, 2 bad usage,
// 77 the environment cannot run the session (the source address cannot be
// bound), which ctest reports as skipped.
#include <smtp/reply.hpp>

#include <smtp/command.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include "../support/reply_reference.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr int exit_failed = 1;
constexpr int exit_usage = 2;
constexpr int exit_skip = 77;

enum class Server { Postfix, Aiosmtpd };

// What one step expects of the reply. `enhanced`: "" none may be there, "*"
// one must be there (its class matching the code), "x.y.z" exactly that one.
// `outside_rfc_tables`: the server is known to answer with a code the RFCs
// do not list for the command, so is_expected_reply must say false.
struct Expect {
    std::vector<int> codes;
    std::string_view enhanced;
    bool outside_rfc_tables = false;
};

// The command that the bytes sent carry, as smtp::next_action and
// smtp::is_expected_reply know it: nothing sent is the greeting, a message
// ending in <CRLF>.<CRLF> is the end of the data.
smtp::Command command_of(std::string_view bytes) {
    if (bytes.empty()) {
        return smtp::Command::Greeting;
    }
    const std::string_view end = "\r\n.\r\n";
    if (bytes.size() >= end.size() && bytes.substr(bytes.size() - end.size()) == end) {
        return smtp::Command::DataEnd;
    }
    return smtp::parse_command(bytes);
}

// The reply judged in the context of its command (<smtp/semantics.hpp>):
// listed for it by the RFCs unless the server is known not to be, a next
// action that follows the class, and 221 and 421 closing the connection.
void check_semantics(const smtp::Reply& reply, smtp::Command command, const Expect& expect,
                     std::vector<std::string>& problems) {
    const int code = reply.code();
    const bool listed = smtp::is_expected_reply(command, code);
    if (listed == expect.outside_rfc_tables) {
        problems.push_back(std::to_string(code) + " answering " +
                           std::string(smtp::name(command)) +
                           (listed ? " is in the RFC tables, though marked outside them"
                                   : " is not in the RFC tables for that command"));
    }
    const smtp::Action action = smtp::next_action(code, command, reply.enhanced());
    const bool retry_rcpt_552 = code == 552 && command == smtp::Command::Rcpt;
    const smtp::Action by_class = code / 100 == 2   ? smtp::Action::Proceed
                                  : code / 100 == 3 ? smtp::Action::Continue
                                  : code / 100 == 4 ? smtp::Action::Retry
                                                    : smtp::Action::Fail;
    if (!retry_rcpt_552 && action != by_class) {
        problems.push_back("next_action is " + std::string(smtp::name(action)));
    }
    if (smtp::closes_connection(code) != (code == 221 || code == 421)) {
        problems.push_back("closes_connection is wrong");
    }
}

// What the server sent for one step, kept after the receive buffer moves on.
struct Record {
    std::string step;
    std::string sent;
    std::string raw;
    int code = 0;
    std::size_t line_count = 0;
    std::vector<std::string> lines; // the text of each line, from lines()
    std::string enhanced;
    std::vector<std::string> problems;
};

std::string printable(std::string_view text, std::size_t limit) {
    std::string out;
    for (char c : text) {
        if (out.size() >= limit) {
            out += "...";
            break;
        }
        if (c == '\r') {
            out += "\\r";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string enhanced_text(std::optional<smtp::EnhancedStatusCode> code) {
    return code ? std::string(smtp::to_text(*code).view()) : "-";
}

// Every check that does not depend on what the step expects. `received` is
// the receive buffer parse_reply was given (any pipelined replies after
// this one included) and `reply` its answer. reply_reference::check holds
// that answer to the plain reference parser of tests/support (code, lines,
// enhanced code, status(), consumed) and to every property of parse_reply:
// each proper prefix Incomplete (RFC 5321 gives no guarantee how TCP splits
// a reply), appended bytes changing nothing. parse_reply is a pure function
// of its bytes, so the answer it checks is `reply`.
void check_consistency(std::string_view received, const smtp::Reply& reply,
                       std::vector<std::string>& problems) {
    const std::string problem = reply_reference::check(received, smtp::ReplyLimits{});
    if (!problem.empty()) {
        problems.push_back("reply_reference::check: " + problem);
    }
    const std::string_view raw = reply.raw();
    if (raw.empty()) {
        problems.push_back("raw() is empty");
        return;
    }
    if (static_cast<int>(smtp::reply_class(reply.code())) != raw[0] - '0') {
        problems.push_back("reply_class does not match the first digit");
    }
    // Bytes after the reply (the next pipelined reply) are never looked at.
    const std::string followed = std::string(raw) + "bogus";
    const smtp::ReplyParse again = smtp::parse_reply(followed);
    if (!again.ok() || again.consumed != raw.size() || again.reply.code() != reply.code()) {
        problems.push_back("parsing differs when more bytes follow");
    }
}

void check_expected(const smtp::Reply& reply, const Expect& expect,
                    std::vector<std::string>& problems) {
    bool listed = false;
    std::string wanted;
    for (int code : expect.codes) {
        listed = listed || code == reply.code();
        wanted += (wanted.empty() ? "" : " or ") + std::to_string(code);
    }
    if (!listed) {
        problems.push_back("code " + std::to_string(reply.code()) + ", expected " + wanted);
    }
    const auto enhanced = reply.enhanced();
    if (expect.enhanced.empty()) {
        if (enhanced) {
            problems.push_back("enhanced code " + enhanced_text(enhanced) + ", expected none");
        }
    } else if (expect.enhanced == "*") {
        if (!enhanced) {
            problems.push_back("no enhanced code, expected one");
        }
    } else if (enhanced_text(enhanced) != expect.enhanced) {
        problems.push_back("enhanced code " + enhanced_text(enhanced) + ", expected " +
                           std::string(expect.enhanced));
    }
    // RFC 3463 section 2: the enhanced code's class is the reply's.
    if (enhanced && enhanced->status_class != reply.code() / 100) {
        problems.push_back("enhanced class differs from the reply's");
    }
}

class Session {
public:
    Session(Server server, std::chrono::milliseconds read_timeout, Clock::time_point deadline)
        : server_(server), read_timeout_(read_timeout), deadline_(deadline) {}
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }

    Server server() const { return server_; }

    // Connects to 127.0.0.1:port from `source` (empty: any address),
    // retrying refused connections until the deadline: the server may still
    // be starting. Returns an exit status, 0 when connected.
    int connect(std::uint16_t port, const std::string& source) {
        for (;;) {
            fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd_ < 0) {
                return fail_errno("socket");
            }
            if (!source.empty()) {
                sockaddr_in local{};
                local.sin_family = AF_INET;
                if (::inet_pton(AF_INET, source.c_str(), &local.sin_addr) != 1) {
                    std::fprintf(stderr, "smtp_probe: bad source address %s\n", source.c_str());
                    return exit_usage;
                }
                if (::bind(fd_, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0) {
                    std::fprintf(stderr, "SKIP: cannot bind the client to %s (%s)\n",
                                 source.c_str(), std::strerror(errno));
                    return exit_skip;
                }
            }
            sockaddr_in remote{};
            remote.sin_family = AF_INET;
            remote.sin_port = htons(port);
            remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // 127.0.0.1 only
            if (::connect(fd_, reinterpret_cast<const sockaddr*>(&remote), sizeof remote) == 0) {
                break;
            }
            const int error = errno;
            ::close(fd_);
            fd_ = -1;
            if (error != ECONNREFUSED || Clock::now() >= deadline_) {
                errno = error;
                return fail_errno("connect");
            }
            ::usleep(100000);
        }
        // Sends never block for long either.
        timeval timeout{};
        timeout.tv_sec = static_cast<decltype(timeout.tv_sec)>(read_timeout_.count() / 1000);
        timeout.tv_usec =
            static_cast<decltype(timeout.tv_usec)>(read_timeout_.count() % 1000 * 1000);
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        return 0;
    }

    // Sends `bytes` and checks one reply against `expect`.
    Record step(std::string_view name, std::string_view bytes, const Expect& expect) {
        if (!bytes.empty()) {
            send(bytes);
        }
        return receive(std::string(name), label(bytes), command_of(bytes), expect);
    }

    // Sends a pipelined group of commands in one write (RFC 2920) and checks
    // the replies, parsed back to back from the receive buffer, in order.
    void pipeline(std::string_view name, const std::vector<std::string>& commands,
                  const std::vector<Expect>& expects) {
        std::string group;
        for (const std::string& command : commands) {
            group += command + "\r\n";
        }
        send(group);
        reads_in_group_ = 0;
        for (std::size_t i = 0; i < commands.size(); ++i) {
            receive(std::string(name) + " " + std::to_string(i + 1) + "/" +
                        std::to_string(commands.size()),
                    label(commands[i]), command_of(commands[i]), expects[i]);
        }
        std::printf("   (%zu pipelined replies arrived in %d read(s) and were parsed back to "
                    "back)\n",
                    commands.size(), reads_in_group_);
    }

    // After QUIT: the server closes the connection (RFC 5321 section 4.1.1.10).
    void expect_close() {
        Record record;
        record.step = "close after QUIT";
        const int got = read_some();
        if (got != 0 || !buffer_.empty()) {
            record.problems.emplace_back(got > 0 ? "more bytes after QUIT"
                                                 : "the connection did not close");
        }
        finish(record);
    }

    void note_skip(std::string_view name, std::string_view why) {
        std::printf("-- %-26s skipped: %.*s\n", std::string(name).c_str(), int(why.size()),
                    why.data());
    }

    // A check on the session as a whole, counted like a step.
    void require(bool condition, std::string_view what) {
        ++steps_;
        if (!condition) {
            ++failures_;
            std::printf("XX %.*s\n", int(what.size()), what.data());
        }
    }

    int failures() const { return failures_; }
    int steps() const { return steps_; }

private:
    static std::string label(std::string_view bytes) {
        if (bytes.size() > 80) {
            return "<" + std::to_string(bytes.size()) + " bytes of message>";
        }
        return printable(bytes.substr(0, bytes.find("\r\n")), 27);
    }

    int fail_errno(const char* what) {
        std::fprintf(stderr, "smtp_probe: %s: %s\n", what, std::strerror(errno));
        return exit_failed;
    }

    void send(std::string_view bytes) {
        while (!bytes.empty() && fd_ >= 0) {
            const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0) {
                io_error_ = std::string("send: ") + std::strerror(errno);
                return;
            }
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
    }

    // One recv, bounded by the read timeout and the session's deadline:
    // the byte count, 0 at the end of the stream, -1 on error or timeout.
    int read_some() {
        if (fd_ < 0) {
            return -1;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline_ - Clock::now());
        const auto wait = std::min(read_timeout_, left);
        pollfd poller{fd_, POLLIN, 0};
        const int ready = ::poll(&poller, 1, static_cast<int>(std::max<long long>(0, wait.count())));
        if (ready <= 0) {
            io_error_ = ready == 0 ? "timed out waiting for the server" : "poll failed";
            return -1;
        }
        char chunk[4096];
        const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
        if (got < 0) {
            io_error_ = std::string("recv: ") + std::strerror(errno);
            return -1;
        }
        buffer_.append(chunk, static_cast<std::size_t>(got));
        ++reads_in_group_;
        return static_cast<int>(got);
    }

    const Record& receive(std::string name, std::string sent, smtp::Command command,
                          const Expect& expect) {
        Record record;
        record.step = std::move(name);
        record.sent = std::move(sent);
        for (;;) {
            const smtp::ReplyParse parsed = smtp::parse_reply(buffer_);
            if (parsed.error == smtp::ReplyError::Incomplete) {
                const int got = read_some();
                if (got > 0) {
                    continue;
                }
                record.problems.push_back(got == 0 ? "the server closed the connection"
                                                   : io_error_);
                if (!buffer_.empty()) {
                    record.problems.push_back("unparsed: " + printable(buffer_, 120));
                }
                break;
            }
            if (!parsed.ok()) {
                record.problems.push_back("parse error " + std::string(smtp::name(parsed.error)) +
                                          " on: " + printable(buffer_, 200));
                buffer_.clear();
                break;
            }
            const smtp::Reply& reply = parsed.reply;
            record.raw = std::string(reply.raw());
            record.code = reply.code();
            record.line_count = reply.line_count();
            for (const std::string_view text : reply.lines()) {
                record.lines.emplace_back(text);
            }
            record.enhanced = enhanced_text(reply.enhanced());
            if (parsed.consumed != reply.raw().size()) {
                record.problems.push_back("consumed differs from raw().size()");
            }
            check_consistency(buffer_, reply, record.problems);
            check_expected(reply, expect, record.problems);
            check_semantics(reply, command, expect, record.problems);
            buffer_.erase(0, parsed.consumed);
            break;
        }
        finish(record);
        return records_.back();
    }

    void finish(Record& record) {
        ++steps_;
        const bool ok = record.problems.empty();
        failures_ += ok ? 0 : 1;
        if (record.raw.empty()) {
            std::printf("%s %-26s %s\n", ok ? "ok" : "XX", record.step.c_str(),
                        record.sent.c_str());
        } else {
            const std::string_view first_line =
                record.lines.empty() ? std::string_view() : std::string_view(record.lines.front());
            const auto status = smtp::from_value(record.code);
            std::printf("%s %-26s %-30s %3d %-20s %-36s %-6s %2zu  %s\n", ok ? "ok" : "XX",
                        record.step.c_str(), record.sent.c_str(), record.code,
                        std::string(smtp::name(smtp::reply_class(record.code))).c_str(),
                        status ? std::string(smtp::name(*status)).c_str() : "(not listed)",
                        record.enhanced.c_str(), record.line_count,
                        printable(first_line, 70).c_str());
        }
        for (const std::string& problem : record.problems) {
            std::printf("   problem: %s\n", problem.c_str());
        }
        records_.push_back(std::move(record));
    }

    Server server_;
    std::chrono::milliseconds read_timeout_;
    Clock::time_point deadline_;
    int fd_ = -1;
    std::string buffer_;
    std::string io_error_;
    std::vector<Record> records_;
    int failures_ = 0;
    int steps_ = 0;
    int reads_in_group_ = 0;
};

// The expectation for the server under test.
Expect pick(const Session& session, Expect postfix, Expect aiosmtpd) {
    return session.server() == Server::Postfix ? std::move(postfix) : std::move(aiosmtpd);
}

bool offers(const Record& ehlo, std::string_view keyword) {
    for (const std::string_view text : ehlo.lines) {
        const std::string_view word = text.substr(0, text.find(' '));
        if (word.size() == keyword.size()) {
            bool same = true;
            for (std::size_t i = 0; i < word.size(); ++i) {
                const char a = word[i] >= 'a' && word[i] <= 'z' ? char(word[i] - 32) : word[i];
                same = same && a == keyword[i];
            }
            if (same) {
                return true;
            }
        }
    }
    return false;
}

std::string message(std::size_t body_lines) {
    std::string text = "From: <sender@client.smtp-status.test>\r\n"
                       "To: <root@localhost>\r\n"
                       "Subject: smtp-status integration test\r\n"
                       "\r\n";
    for (std::size_t i = 0; i < body_lines; ++i) {
        text += "This line is part of a test message and says nothing more than that.\r\n";
    }
    return text + ".\r\n";
}

// The session. Expectations per server: what RFC 5321 fixes exactly is
// exact for both; where servers legitimately differ, each gets its own.
void run(Session& s) {
    const std::string from = "MAIL FROM:<sender@client.smtp-status.test>\r\n";
    const std::string root = "RCPT TO:<root@localhost>\r\n";
    const Expect ok250 = pick(s, {{250}, "*"}, {{250}, ""});

    s.step("greeting", "", {{220}, ""});
    s.step("HELO", "HELO client.smtp-status.test\r\n", {{250}, ""});
    const Record ehlo = s.step("EHLO", "EHLO client.smtp-status.test\r\n", {{250}, ""});
    // RFC 5321 4.1.1.1: EHLO lists the extensions, one per line.
    s.require(ehlo.line_count > 1, "EHLO reply is not multi-line");
    const bool pipelining = offers(ehlo, "PIPELINING");
    const bool auth = offers(ehlo, "AUTH");
    const bool starttls = offers(ehlo, "STARTTLS");
    const bool size = offers(ehlo, "SIZE");
    std::printf("   (EHLO: %zu lines; PIPELINING %s, SIZE %s, AUTH %s, STARTTLS %s, "
                "ENHANCEDSTATUSCODES %s)\n",
                ehlo.line_count, pipelining ? "yes" : "no", size ? "yes" : "no",
                auth ? "yes" : "no", starttls ? "yes" : "no",
                offers(ehlo, "ENHANCEDSTATUSCODES") ? "yes" : "no");

    // RFC 5321 4.3.2 lists 211 and 214 for HELP, or 502 where it is not
    // implemented (Postfix answers 500, its reply to any unknown command);
    // aiosmtpd answers 250, which no RFC lists for HELP.
    s.step("HELP", "HELP\r\n", pick(s, {{500, 502}, "*"}, {{250}, "", true}));
    s.step("NOOP", "NOOP\r\n", ok250);
    // RFC 5321 3.5.3: 250 or 251 if verified, 252 if not verified.
    s.step("VRFY local user", "VRFY root\r\n", pick(s, {{250, 252}, "*"}, {{250, 252}, ""}));
    s.step("VRFY unknown user", "VRFY nosuchuser\r\n",
           pick(s, {{550}, "5.1.1"}, {{252}, ""}));
    s.step("unknown command", "XYZZY\r\n", pick(s, {{500, 502}, "*"}, {{500, 502}, ""}));
    s.step("syntax error", "MAIL FROM bad-address\r\n", pick(s, {{501}, "*"}, {{501}, ""}));
    s.step("bad sequence: RCPT", root, pick(s, {{503}, "*"}, {{503}, ""}));
    s.step("bad sequence: DATA", "DATA\r\n", pick(s, {{503}, "*"}, {{503}, ""}));

    // AUTH where not offered: Postfix without SASL says 503; aiosmtpd, whose
    // AUTH needs TLS first, says 538 (RFC 4954 section 6).
    if (auth) {
        s.note_skip("AUTH not offered", "the server offers AUTH");
    } else {
        s.step("AUTH not offered", "AUTH PLAIN AHRlc3QAdGVzdA==\r\n",
               pick(s, {{502, 503}, "*"}, {{538}, "5.7.11"}));
    }
    // STARTTLS where not offered: not implemented (502) or, RFC 3207
    // section 4, TLS not available (454).
    if (starttls) {
        s.note_skip("STARTTLS not offered", "the server offers STARTTLS");
    } else {
        s.step("STARTTLS not offered", "STARTTLS\r\n", pick(s, {{502}, "*"}, {{454}, ""}));
    }

    // RFC 1870 section 6.1: a declared size over the limit is 552.
    if (size) {
        s.step("too large (SIZE=)", "MAIL FROM:<sender@client.smtp-status.test> SIZE=1000000\r\n",
               pick(s, {{552}, "5.3.4"}, {{552}, ""}));
        // Postfix keeps the rejected size for the next MAIL: start afresh.
        s.step("RSET", "RSET\r\n", ok250);
    }

    s.step("MAIL", from, ok250);
    s.step("RCPT unknown local user", "RCPT TO:<nosuchuser@localhost>\r\n",
           pick(s, {{550}, "5.1.1"}, {{550}, "5.1.1"}));
    s.step("RCPT relay attempt", "RCPT TO:<someone@example.com>\r\n",
           pick(s, {{550, 554}, "5.7.1"}, {{554}, "5.7.1"}));
    for (int i = 1; i <= 3; ++i) {
        s.step("RCPT local user " + std::to_string(i), root, ok250);
    }
    // RFC 5321 4.5.3.1.10: too many recipients is 452 (552 from old servers).
    s.step("RCPT too many", root, pick(s, {{452, 552}, "*"}, {{452}, "4.5.3"}));
    s.step("DATA", "DATA\r\n", {{354}, ""});
    s.step("message end", message(3), ok250);

    // A message over the limit, found while reading it: 552 (RFC 5321 4.5.3.1.10).
    s.step("MAIL (large)", from, ok250);
    s.step("RCPT (large)", root, ok250);
    s.step("DATA (large)", "DATA\r\n", {{354}, ""});
    s.step("too large message", message(80), pick(s, {{552}, "5.3.4"}, {{552}, ""}));

    if (pipelining) {
        s.pipeline("pipelined", {from.substr(0, from.size() - 2), root.substr(0, root.size() - 2),
                                 "RCPT TO:<nosuchuser@localhost>",
                                 "RCPT TO:<root@mx.smtp-status.test>", "DATA"},
                   {ok250, ok250, pick(s, {{550}, "5.1.1"}, {{550}, "5.1.1"}), ok250,
                    {{354}, ""}});
        s.step("pipelined message end", message(2), ok250);
    } else {
        s.note_skip("pipelining", "the server does not offer PIPELINING (RFC 2920)");
    }

    s.step("RSET", "RSET\r\n", ok250);
    s.step("QUIT", "QUIT\r\n", pick(s, {{221}, "*"}, {{221}, ""}));
    s.expect_close();
}

bool parse_number(std::string_view text, long long& out) {
    if (text.empty() || text.size() > 9) {
        return false;
    }
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

} // namespace

// The kernel's choice of a free port on 127.0.0.1, for servers that must be
// told their port in advance (Postfix's master.cf).
int print_free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        std::fprintf(stderr, "smtp_probe: no free port: %s\n", std::strerror(errno));
        return exit_failed;
    }
    ::close(fd);
    std::printf("%d\n", int(ntohs(address.sin_port)));
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 2 && std::string_view(argv[1]) == "--free-port") {
        return print_free_port();
    }
    std::string server_name;
    std::string source;
    long long port = 0;
    long long read_timeout_ms = 10000;
    long long total_timeout_ms = 60000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view option = argv[i];
        const std::string_view value = argv[i + 1];
        bool good = true;
        if (option == "--server") {
            server_name = std::string(value);
        } else if (option == "--source") {
            source = std::string(value);
        } else if (option == "--port") {
            good = parse_number(value, port) && port > 0 && port < 65536;
        } else if (option == "--read-timeout-ms") {
            good = parse_number(value, read_timeout_ms) && read_timeout_ms > 0;
        } else if (option == "--total-timeout-ms") {
            good = parse_number(value, total_timeout_ms) && total_timeout_ms > 0;
        } else {
            good = false;
        }
        if (!good) {
            std::fprintf(stderr, "smtp_probe: bad option %s %s\n", argv[i], argv[i + 1]);
            return exit_usage;
        }
    }
    if ((server_name != "postfix" && server_name != "aiosmtpd") || port == 0 || argc % 2 == 0) {
        std::fprintf(stderr, "usage: smtp_probe --server postfix|aiosmtpd --port N "
                             "[--source ADDRESS] [--read-timeout-ms N] [--total-timeout-ms N]\n");
        return exit_usage;
    }
    const Server server = server_name == "postfix" ? Server::Postfix : Server::Aiosmtpd;
    const auto started = Clock::now();
    Session session(server, std::chrono::milliseconds(read_timeout_ms),
                    started + std::chrono::milliseconds(total_timeout_ms));
    if (const int status = session.connect(static_cast<std::uint16_t>(port), source)) {
        return status;
    }
    std::printf("smtp_probe: %s on 127.0.0.1:%lld from %s\n", server_name.c_str(), port,
                source.empty() ? "any address" : source.c_str());
    std::printf("   %-26s %-30s %3s %-20s %-36s %-6s %2s  %s\n", "step", "sent", "got", "class",
                "status()", "enh.", "ln", "text of line 1");
    run(session);
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    std::printf("smtp_probe: %s: %d steps, %d not as expected, %lld ms\n", server_name.c_str(),
                session.steps(), session.failures(), static_cast<long long>(elapsed.count()));
    return session.failures() == 0 ? 0 : exit_failed;
}
