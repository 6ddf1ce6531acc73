// Compile-time proof for <smtp/std_format.hpp>: where the standard library
// has <format>, the three types are formattable as char text and no other
// type of the library is made so by accident; elsewhere the header declares
// nothing and compiles. Compiling this file is the test.
#include <smtp/std_format.hpp>

#include <smtp/reply.hpp>

#if defined(__cpp_lib_format_ranges) // std::formattable is C++23's
#include <format>

namespace {

static_assert(std::formattable<smtp::SmtpStatusCode, char>);
static_assert(std::formattable<smtp::ReplyClass, char>);
static_assert(std::formattable<smtp::EnhancedStatusCode, char>);
// The text is char; a wide formatter would need a widened copy.
static_assert(!std::formattable<smtp::SmtpStatusCode, wchar_t>);
// Only the types with a to_text.
static_assert(!std::formattable<smtp::ReplyError, char>);

} // namespace
#endif
