// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The list of bounce formats (bounce_format.hpp): one line per unit of
// src/extract/formats/, in the order the dispatch asks them.
#include "extract/bounce_format.hpp"

#include <vector>

namespace smtp_explain {

const std::vector<BounceFormat>& bounce_formats() {
    static const std::vector<BounceFormat> formats = {};
    return formats;
}

} // namespace smtp_explain
