// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/detail/deferred.hpp>: a type named through a template parameter.
#ifndef SMTP_DETAIL_DEFERRED_HPP
#define SMTP_DETAIL_DEFERRED_HPP

namespace smtp::detail {

// `T`, named through a template parameter of the function that returns it.
// A function whose return type is std::optional<X> outright has
// std::optional<X> instantiated where the function is defined, in every
// translation unit that includes its header (about 18 M compiler
// instructions with g++ 12 and clang++ 14), even when nothing calls it; a
// function template returning Deferred<std::optional<X>, P>::type has it
// instantiated only where it is called (BENCHMARKS.md, compile cost).
template <class T, class TemplateParameter>
struct Deferred {
    using type = T;
};

// Deferred<T, TemplateParameter>::type, shorter.
template <class T, class TemplateParameter>
using Later = typename Deferred<T, TemplateParameter>::type;

} // namespace smtp::detail

#endif // SMTP_DETAIL_DEFERRED_HPP
