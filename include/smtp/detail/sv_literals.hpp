// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/detail/sv_literals.hpp>: the "..."sv literal for the library's
// constant tables. A "..."sv literal hands the compiler the text's length;
// from a plain "..." converted to std::string_view it would count the
// characters one at a time, in every translation unit that includes the
// table (81 registry titles cost g++ and clang++ about 50 M instructions
// that way: BENCHMARKS.md, compile cost).
#ifndef SMTP_DETAIL_SV_LITERALS_HPP
#define SMTP_DETAIL_SV_LITERALS_HPP

#include <string_view>

namespace smtp {

using std::string_view_literals::operator""sv;

} // namespace smtp

#endif // SMTP_DETAIL_SV_LITERALS_HPP
