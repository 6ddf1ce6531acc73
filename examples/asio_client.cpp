// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// asio_client: sends one message over SMTP, asynchronously, with standalone
// Asio, and says what became of it. The library does the SMTP side: every
// reply is read with smtp::parse_reply straight from the receive buffer
// (several of them back to back when the commands were pipelined), what to
// do next is smtp::next_action's answer, and every failure, the network's
// and the server's, is one std::error_code.
//
//   asio_client --port N --from ADDRESS --to ADDRESS [--to ADDRESS ...]
//               [--host 127.0.0.1] [--source ADDRESS] [--body-bytes 300]
//               [--timeout-ms 20000]
//
// Exit status: 0 the message was accepted for every recipient; 1 the server
// refused it, or some recipient, or asked to try again later; 2 bad usage;
// 3 no SMTP conversation (no connection, a reply that does not parse, the
// time is up).
#include <smtp/case_insensitive.hpp>
#include <smtp/command.hpp>
#include <smtp/enhanced_code.hpp>
#include <smtp/error_code.hpp>
#include <smtp/format.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <asio/buffer.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/address.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>
#include <asio/write.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

constexpr int exit_refused = 1;
constexpr int exit_usage = 2;
constexpr int exit_no_session = 3;

struct Options {
    std::string host = "127.0.0.1";
    std::string source;
    unsigned short port = 0;
    std::string from;
    std::vector<std::string> to;
    std::size_t body_bytes = 300;
    std::chrono::milliseconds timeout{20000};
};

// The message, dot-stuffed (RFC 5321 section 4.5.2) and ended by
// <CRLF>.<CRLF>. One body line starts with a dot, so the stuffing is used.
std::string make_message(const Options& options) {
    std::string to;
    for (const std::string& address : options.to) {
        to += (to.empty() ? "<" : ", <") + address + ">";
    }
    std::string data = "From: <" + options.from + ">\r\nTo: " + to +
                       "\r\nSubject: smtp-status Asio example\r\n\r\n";
    const std::size_t header_size = data.size();
    for (int line = 1; data.size() - header_size < options.body_bytes; ++line) {
        data += line == 2 ? ".." : "";
        data += "Line " + std::to_string(line) + " of the example's message.\r\n";
    }
    return data + ".\r\n";
}

// A reply on one line for the log: "550 5.1.1 <x@y>: Recipient ..." (the
// first line's text, and how many lines there were).
std::string summary(const smtp::Reply& reply) {
    std::string text = std::to_string(reply.code()) + " " + std::string(reply.line(0));
    if (reply.line_count() > 1) {
        text += " (+" + std::to_string(reply.line_count() - 1) + " lines)";
    }
    return text;
}

// RFC 5321 section 4.1.1.1: EHLO keywords are case-insensitive.
bool same_keyword(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), smtp::case_insensitive);
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(asio::io_context& io, Options options)
        : options_(std::move(options)), socket_(io), deadline_(io),
          message_(make_message(options_)) {}

    void start() {
        deadline_.expires_after(options_.timeout);
        deadline_.async_wait([self = shared_from_this()](std::error_code ec) {
            if (!ec && !self->finished_) {
                self->no_session(std::make_error_code(std::errc::timed_out), "the time is up");
            }
        });
        std::error_code ec;
        const asio::ip::tcp::endpoint server(asio::ip::make_address(options_.host, ec),
                                             options_.port);
        if (ec) {
            return no_session(ec, "bad --host");
        }
        socket_.open(server.protocol(), ec);
        if (!ec && !options_.source.empty()) {
            socket_.bind({asio::ip::make_address(options_.source, ec), 0}, ec);
        }
        if (ec) {
            return no_session(ec, "cannot open or bind the socket");
        }
        socket_.async_connect(server, [self = shared_from_this(), server](std::error_code error) {
            if (error) {
                return self->no_session(error, "connect");
            }
            std::cout << "connected to " << server << "\n";
            self->read_reply(smtp::Command::Greeting,
                             [self](const smtp::Reply& reply) { self->greeted(reply); });
        });
    }

    int exit_status() const { return exit_status_; }

private:
    using ReplyHandler = std::function<void(const smtp::Reply&)>;

    // ------------------------------------------------------------ replies --

    // Calls `then` with the next reply, from the bytes already received if
    // they hold one (a pipelined reply usually arrives with the one before
    // it), else after reading more. The Reply views the receive buffer: it
    // is valid during the call only.
    void read_reply(smtp::Command answered, ReplyHandler then) {
        const std::string_view unread = std::string_view(inbox_).substr(inbox_read_);
        const smtp::ReplyParse parse = smtp::parse_reply(unread);
        if (parse.ok()) {
            inbox_read_ += parse.consumed;
            show(answered, parse.reply);
            then(parse.reply);
            return;
        }
        if (parse.error != smtp::ReplyError::Incomplete) {
            // Final: no more bytes can make this a reply (see ReplyError).
            // ReplyError is an error code enum (<smtp/error_code.hpp>).
            return no_session(parse.error, "the reply does not parse");
        }
        // The buffer may move now: a handler uses its Reply no more once it
        // has asked for the next one.
        inbox_.erase(0, inbox_read_);
        inbox_read_ = 0;
        socket_.async_read_some(
            asio::buffer(chunk_),
            [self = shared_from_this(), answered, then = std::move(then)](std::error_code ec,
                                                                         std::size_t n) mutable {
                if (ec) {
                    return self->no_session(ec, "reading a reply");
                }
                self->inbox_.append(self->chunk_.data(), n);
                self->read_reply(answered, std::move(then));
            });
    }

    // Each reply as it comes: its summary and what next_action makes of it.
    void show(smtp::Command answered, const smtp::Reply& reply) {
        const smtp::Action action = smtp::next_action(reply.code(), answered, reply.enhanced());
        std::cout << "  <- " << summary(reply) << "  [" << smtp::name(answered) << ": "
                  << smtp::name(action) << "]\n";
    }

    // ----------------------------------------------------------- commands --

    void send(std::string bytes, std::function<void()> then) {
        std::string_view shown(bytes);
        if (shown.size() > 2) {
            shown.remove_suffix(2);
        }
        if (bytes.size() <= 200) {
            std::string line(shown);
            std::replace(line.begin(), line.end(), '\n', '|');
            line.erase(std::remove(line.begin(), line.end(), '\r'), line.end());
            std::cout << "  -> " << line << "\n";
        } else {
            std::cout << "  -> (the message, " << bytes.size() << " bytes)\n";
        }
        auto buffer = std::make_shared<std::string>(std::move(bytes));
        asio::async_write(socket_, asio::buffer(*buffer),
                          [self = shared_from_this(), buffer,
                           then = std::move(then)](std::error_code ec, std::size_t) {
                              if (ec) {
                                  return self->no_session(ec, "sending");
                              }
                              then();
                          });
    }

    void command(std::string line, smtp::Command answered, ReplyHandler then) {
        send(line + "\r\n", [self = shared_from_this(), answered, then = std::move(then)]() {
            self->read_reply(answered, then);
        });
    }

    // -------------------------------------------------------- the session --

    void greeted(const smtp::Reply& reply) {
        if (smtp::next_action(reply.code(), smtp::Command::Greeting) != smtp::Action::Proceed) {
            refused("greeting", reply, smtp::Command::Greeting);
            return quit();
        }
        command("EHLO client.smtp-status.test", smtp::Command::Ehlo,
                [self = shared_from_this()](const smtp::Reply& ehlo) { self->hello(ehlo); });
    }

    void hello(const smtp::Reply& reply) {
        const smtp::Action action = smtp::next_action(reply.code(), smtp::Command::Ehlo);
        if (action == smtp::Action::Fail && !tried_helo_) {
            // RFC 5321 section 3.2: a server that does not know EHLO may know HELO.
            tried_helo_ = true;
            return command("HELO client.smtp-status.test", smtp::Command::Helo,
                           [self = shared_from_this()](const smtp::Reply& helo) {
                               self->hello(helo);
                           });
        }
        if (action != smtp::Action::Proceed) {
            refused("EHLO", reply, smtp::Command::Ehlo);
            return quit();
        }
        // The first line names the server; each further one is a keyword
        // and its parameters (RFC 5321 section 4.1.1.1).
        bool first = true;
        for (const std::string_view line : reply.lines()) {
            const std::string_view keyword = line.substr(0, line.find(' '));
            if (!first) {
                pipelining_ = pipelining_ || same_keyword(keyword, "PIPELINING");
                size_ = size_ || same_keyword(keyword, "SIZE");
            }
            first = false;
        }
        std::cout << "server offers PIPELINING: " << (pipelining_ ? "yes" : "no")
                  << ", SIZE: " << (size_ ? "yes" : "no") << "\n";
        transaction();
    }

    // MAIL, every RCPT and DATA: in one write where the server offers
    // PIPELINING (RFC 2920 section 3.1: DATA may end the group), else one
    // at a time, stopping as soon as the transaction cannot go on.
    void transaction() {
        // RFC 1870 section 6: the size declared up front; a server whose
        // limit it passes refuses at MAIL, before the data is sent.
        steps_.push_back({"MAIL FROM:<" + options_.from + ">" +
                              (size_ ? " SIZE=" + std::to_string(message_.size()) : ""),
                          smtp::Command::Mail, ""});
        for (const std::string& address : options_.to) {
            steps_.push_back({"RCPT TO:<" + address + ">", smtp::Command::Rcpt, address});
        }
        steps_.push_back({"DATA", smtp::Command::Data, ""});
        if (pipelining_) {
            std::string group;
            for (const Step& step : steps_) {
                group += step.line + "\r\n";
            }
            send(std::move(group), [self = shared_from_this()]() { self->next_step_reply(); });
        } else {
            send_step();
        }
    }

    void send_step() {
        send(steps_[step_].line + "\r\n", [self = shared_from_this()]() {
            self->next_step_reply();
        });
    }

    void next_step_reply() {
        read_reply(steps_[step_].answered,
                   [self = shared_from_this()](const smtp::Reply& reply) { self->stepped(reply); });
    }

    void stepped(const smtp::Reply& reply) {
        const Step& step = steps_[step_++];
        const smtp::Action action = smtp::next_action(reply.code(), step.answered, reply.enhanced());
        if (step.answered == smtp::Command::Data) {
            return data_answered(reply, action);
        }
        if (step.answered == smtp::Command::Mail && action != smtp::Action::Proceed) {
            // The transaction is over; with pipelining the server answers
            // the rest of the group all the same (503, "need MAIL").
            refused("MAIL", reply, step.answered);
        } else if (step.answered == smtp::Command::Rcpt && action == smtp::Action::Proceed) {
            accepted_.push_back(step.recipient);
        } else if (step.answered == smtp::Command::Rcpt && failed_.empty()) {
            // One recipient refused (or to be retried later) ends nothing:
            // the message goes to the others.
            report("recipient <" + step.recipient + ">", reply, step.answered);
            exit_status_ = exit_refused;
        }
        if (pipelining_) {
            // The group is on its way: every command in it gets its reply.
            return next_step_reply();
        }
        const bool mail_failed = !failed_.empty();
        const bool data_next = steps_[step_].answered == smtp::Command::Data;
        if (mail_failed || (data_next && accepted_.empty())) {
            return quit();
        }
        send_step();
    }

    void data_answered(const smtp::Reply& reply, smtp::Action action) {
        if (action != smtp::Action::Continue) {
            // After a failed MAIL or with no recipient left the server says
            // so here (RFC 2920 section 3.1); that was reported already.
            if (failed_.empty() && !accepted_.empty()) {
                refused("DATA", reply, smtp::Command::Data);
            }
            return quit();
        }
        if (!failed_.empty() || accepted_.empty()) {
            // 354 though nothing can be delivered: end the data at once,
            // empty, and let the server refuse it.
            return send(".\r\n", [self = shared_from_this()]() {
                self->read_reply(smtp::Command::DataEnd,
                                 [self](const smtp::Reply&) { self->quit(); });
            });
        }
        send(message_, [self = shared_from_this()]() {
            self->read_reply(smtp::Command::DataEnd,
                             [self](const smtp::Reply& end) { self->delivered(end); });
        });
    }

    void delivered(const smtp::Reply& reply) {
        if (smtp::next_action(reply.code(), smtp::Command::DataEnd, reply.enhanced()) !=
            smtp::Action::Proceed) {
            refused("message", reply, smtp::Command::DataEnd);
            return quit();
        }
        delivered_ = true;
        report("message", reply, smtp::Command::DataEnd);
        quit();
    }

    void quit() {
        command("QUIT", smtp::Command::Quit, [self = shared_from_this()](const smtp::Reply& reply) {
            if (smtp::closes_connection(reply.code())) {
                std::error_code ignored;
                self->socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
            }
            self->finish();
        });
    }

    // ------------------------------------------------------------ outcome --

    // The reply as a std::error_code in smtp_category() (<smtp/error_code.hpp>):
    // its class decides, never `if (ec)`, which is true for any reply.
    void report(const std::string& what, const smtp::Reply& reply, smtp::Command answered) {
        const std::error_code ec = static_cast<smtp::SmtpStatusCode>(reply.code());
        const smtp::Action action = smtp::next_action(reply.code(), answered, reply.enhanced());
        const bool ok = ec == smtp::ReplyClass::PositiveCompletion;
        std::cout << "result: " << what << ": " << (ok ? "accepted" : "refused") << " ("
                  << smtp::name(action) << "): " << static_cast<smtp::SmtpStatusCode>(reply.code());
        if (const auto enhanced = reply.enhanced()) {
            std::cout << ", " << *enhanced;
        }
        std::cout << "; " << ec.category().name() << ':' << ec.value() << " \"" << ec.message()
                  << "\"\n";
    }

    // A refusal that ends the transaction (the caller goes on to QUIT).
    void refused(const std::string& what, const smtp::Reply& reply, smtp::Command answered) {
        failed_ = what;
        exit_status_ = exit_refused;
        report(what, reply, answered);
    }

    void no_session(std::error_code ec, const std::string& what) {
        if (finished_) {
            return;
        }
        std::cout << "result: no SMTP session: " << what << ": " << ec.category().name() << ':'
                  << ec.value() << " \"" << ec.message() << "\"\n";
        exit_status_ = exit_no_session;
        finish();
    }

    void finish() {
        if (finished_) {
            return;
        }
        finished_ = true;
        if (exit_status_ != exit_no_session) {
            std::cout << "result: accepted for " << accepted_.size() << " of "
                      << options_.to.size() << " recipients; message "
                      << (delivered_ ? "accepted" : "not accepted") << "\n";
        }
        std::error_code ignored;
        socket_.close(ignored);
        deadline_.cancel();
    }

    struct Step {
        std::string line;
        smtp::Command answered;
        std::string recipient;
    };

    Options options_;
    asio::ip::tcp::socket socket_;
    asio::steady_timer deadline_;
    std::string message_;
    std::string inbox_;           // received, from the first byte not yet consumed...
    std::size_t inbox_read_ = 0;  // ...by parse_reply, at this offset
    std::array<char, 4096> chunk_{};
    bool tried_helo_ = false;
    bool pipelining_ = false;
    bool size_ = false;
    std::vector<Step> steps_;
    std::size_t step_ = 0;
    std::vector<std::string> accepted_;
    std::string failed_; // the step whose refusal ended the transaction
    bool delivered_ = false;
    bool finished_ = false;
    int exit_status_ = 0;
};

bool parse_count(std::string_view text, unsigned long long max, unsigned long long& out) {
    if (text.empty() || text.size() > 9) {
        return false;
    }
    unsigned long long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + static_cast<unsigned long long>(c - '0');
    }
    out = value;
    return value <= max;
}

bool parse_options(int argc, char** argv, Options& options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view option = argv[i];
        const std::string value = argv[i + 1];
        unsigned long long number = 0;
        if (option == "--host") {
            options.host = value;
        } else if (option == "--source") {
            options.source = value;
        } else if (option == "--from") {
            options.from = value;
        } else if (option == "--to") {
            options.to.push_back(value);
        } else if (option == "--port" && parse_count(value, 65535, number) && number > 0) {
            options.port = static_cast<unsigned short>(number);
        } else if (option == "--body-bytes" && parse_count(value, 100000000, number)) {
            options.body_bytes = static_cast<std::size_t>(number);
        } else if (option == "--timeout-ms" && parse_count(value, 3600000, number) && number > 0) {
            options.timeout = std::chrono::milliseconds(number);
        } else {
            std::cerr << "asio_client: bad option " << option << " " << value << "\n";
            return false;
        }
    }
    return argc % 2 == 1 && options.port != 0 && !options.from.empty() && !options.to.empty();
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_options(argc, argv, options)) {
        std::cerr << "usage: asio_client --port N --from ADDRESS --to ADDRESS [--to ADDRESS ...]\n"
                     "                   [--host 127.0.0.1] [--source ADDRESS] [--body-bytes N]"
                     " [--timeout-ms N]\n";
        return exit_usage;
    }
    asio::io_context io;
    const auto session = std::make_shared<Session>(io, std::move(options));
    session->start();
    io.run();
    return session->exit_status();
}
