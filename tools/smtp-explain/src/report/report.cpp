// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "report/report.hpp"

#include <smtp/version.hpp>

#include <string>

namespace smtp_explain {

std::string version_string() {
    return std::to_string(SMTP_STATUS_VERSION_MAJOR) + "." +
           std::to_string(SMTP_STATUS_VERSION_MINOR) + "." +
           std::to_string(SMTP_STATUS_VERSION_PATCH);
}

} // namespace smtp_explain
