// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "report/output.hpp"

namespace smtp_explain {

void Output::flush() {
    // A sink that failed once gets nothing more: what follows would be a
    // report with a hole in it.
    if (!buffer_.empty() && !failed_ && !sink_.write(buffer_)) {
        failed_ = true;
    }
    buffer_.clear();
}

} // namespace smtp_explain
