// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/detail/iterator_tags.hpp>: std::input_iterator_tag and
// std::forward_iterator_tag, which the iterator of Reply::lines() names so
// that std::iterator_traits and the algorithms know it, without <iterator>.
//
// The standard declares the tags in <iterator> only, and libstdc++ 12's
// <iterator> costs the compiler more than <string> (it brings the stream
// iterators and, with them, most of the stream classes: BENCHMARKS.md,
// compile cost). Each standard library declares the tags in a small header
// of its own, which its <string_view> already includes; this includes that
// header where it is known, and <iterator> everywhere else.
//
// Why naming a library's internal header is sound here: it is included only
// when __has_include finds it under the library's own marker (__GLIBCXX__,
// _LIBCPP_VERSION), and it is the very header that library's <string_view>
// includes, so it adds no declaration a user of <string_view> lacks; should a
// later version move the tags elsewhere, the failure is a compile error
// naming std::input_iterator_tag, never a different program. libc++'s module
// map does not mark the header private: clang++-19 with libc++ 19 compiles
// <smtp/smtp.hpp> with -Wall -Wextra -Werror, with and without -fmodules.
#ifndef SMTP_DETAIL_ITERATOR_TAGS_HPP
#define SMTP_DETAIL_ITERATOR_TAGS_HPP

#include <cstddef> // defines the standard library's version macros

#if defined(__GLIBCXX__) && defined(__has_include)
#if __has_include(<bits/stl_iterator_base_types.h>)
#include <bits/stl_iterator_base_types.h>
#define SMTP_STATUS_DETAIL_HAVE_ITERATOR_TAGS 1
#endif
#elif defined(_LIBCPP_VERSION) && defined(__has_include)
#if __has_include(<__iterator/iterator_traits.h>)
#include <__iterator/iterator_traits.h>
#define SMTP_STATUS_DETAIL_HAVE_ITERATOR_TAGS 1
#endif
#endif

#ifndef SMTP_STATUS_DETAIL_HAVE_ITERATOR_TAGS
#include <iterator>
#endif
#undef SMTP_STATUS_DETAIL_HAVE_ITERATOR_TAGS

#endif // SMTP_DETAIL_ITERATOR_TAGS_HPP
