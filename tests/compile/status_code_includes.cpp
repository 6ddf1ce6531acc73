// <smtp/status_code.hpp> stays light (README.md, "The API at a glance"): it pulls in none of
// <system_error>, <string> or <ostream>; the error_code and printing glue
// live in headers of their own. Checked with the standard libraries' include
// guards; compiling this file is the test.
#include <smtp/status_code.hpp>

#if defined(_GLIBCXX_SYSTEM_ERROR) || defined(_GLIBCXX_STRING) || defined(_GLIBCXX_OSTREAM)
#error "<smtp/status_code.hpp> includes <system_error>, <string> or <ostream> (libstdc++)"
#endif
#if defined(_LIBCPP_SYSTEM_ERROR) || defined(_LIBCPP_STRING) || defined(_LIBCPP_OSTREAM)
#error "<smtp/status_code.hpp> includes <system_error>, <string> or <ostream> (libc++)"
#endif
