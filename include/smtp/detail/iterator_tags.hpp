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
