// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "analyse/judgement.hpp"

#include "analyse/bounce_verdict.hpp"
#include "analyse/findings.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/status_code.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

void judge_argument(Report& report, std::string_view text, const CodeArgument& argument,
                    std::optional<smtp::Command> command) {
    switch (argument.kind) {
    case CodeArgument::Kind::Basic: {
        BasicItem item{text, argument.code, argument.matched, command, {}};
        if (smtp::reply_class(argument.code) != smtp::ReplyClass::None) {
            analyse_basic(item.findings, argument.code, command, std::nullopt);
        }
        report.basic(item);
        return;
    }
    case CodeArgument::Kind::Enhanced: {
        EnhancedItem item{text, argument.enhanced, {}};
        if (argument.leading_zeros) {
            item.findings.push_back(
                {Severity::Warning, "leading_zeros",
                 "Written with leading zeros, which RFC 3463 section 2 does not allow; read as " +
                     std::string(smtp::to_text(argument.enhanced).view()) + "."});
        }
        analyse_enhanced(item.findings, argument.enhanced, std::nullopt);
        report.enhanced(item);
        return;
    }
    case CodeArgument::Kind::Registry: report.registry_entry(text, *argument.entry); return;
    case CodeArgument::Kind::Class:
        report.reply_class(ClassItem{text, argument.reply_class});
        return;
    case CodeArgument::Kind::Invalid: report.invalid_argument(text, argument.reason); return;
    case CodeArgument::Kind::NotACode:
        report.invalid_argument(text, looks_like_path(text)
                                          ? "no such file (and not a reply code, an enhanced "
                                            "code or a code's name)"
                                          : "not a reply code, an enhanced code, a code's name "
                                            "or a file");
        return;
    }
}

void Judgement::reply(const ReplyEvent& event) {
    report_.reply(ReplyItem{event, analyse_reply(event.reply, event.answered, event.cut_off)});
}

void Judgement::invalid_reply(const InvalidReplyEvent& event) {
    report_.invalid_reply(InvalidReplyItem{
        event, describe_reply_error(event.error, event.raw, event.error_offset, limits_)});
}

void Judgement::status(const StatusEvent& event) {
    StatusItem item{event, {}};
    analyse_enhanced(item.findings, event.code, std::nullopt);
    report_.status(item);
}

void Judgement::bounce(const BounceEvent& event) {
    report_.bounce(BounceItem{event, judge_bounce(event.recipient)});
}

} // namespace smtp_explain
