// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The list of bounce formats (bounce_format.hpp): one line per unit of
// src/extract/formats/, in the order the dispatch asks them.
#include "extract/bounce_format.hpp"

#include "extract/formats/amazonses.hpp"
#include "extract/formats/amazonses_json.hpp"
#include "extract/formats/courier.hpp"
#include "extract/formats/domino.hpp"
#include "extract/formats/dragonfly.hpp"
#include "extract/formats/exchange2003.hpp"
#include "extract/formats/exchange2007.hpp"
#include "extract/formats/exim.hpp"
#include "extract/formats/ezweb.hpp"
#include "extract/formats/fml.hpp"
#include "extract/formats/gmail.hpp"
#include "extract/formats/gmx.hpp"
#include "extract/formats/googlegroups.hpp"
#include "extract/formats/imail.hpp"
#include "extract/formats/kddi.hpp"
#include "extract/formats/mcafee.hpp"
#include "extract/formats/messagelabs.hpp"
#include "extract/formats/messagingserver.hpp"
#include "extract/formats/notes.hpp"
#include "extract/formats/opensmtpd.hpp"
#include "extract/formats/postfix.hpp"
#include "extract/formats/qmail.hpp"
#include "extract/formats/sendgrid.hpp"
#include "extract/formats/sendmail.hpp"
#include "extract/formats/yahoo.hpp"
#include "extract/formats/zoho.hpp"

#include <vector>

namespace smtp_explain {

const std::vector<BounceFormat>& bounce_formats() {
    static const std::vector<BounceFormat> formats = {
        formats::amazonses_json,
        formats::gmail,
        formats::googlegroups,
        formats::yahoo,
        formats::ezweb,
        formats::kddi,
        formats::fml,
        formats::qmail,
        formats::exchange2003,
        formats::exchange2007,
        formats::zoho,
        formats::gmx,
        formats::exim,
        formats::amazonses,
        formats::domino,
        formats::notes,
        formats::imail,
        formats::messagelabs,
        formats::messagingserver,
        formats::opensmtpd,
        formats::dragonfly,
        formats::courier,
        formats::sendgrid,
        formats::mcafee,
        formats::postfix,
        formats::sendmail,
    };
    return formats;
}

} // namespace smtp_explain
