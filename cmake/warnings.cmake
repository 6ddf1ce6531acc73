# Settings for the project's own programs (tests, examples, tools); never
# applied to the smtp_status target that users link.

set(SMTP_STATUS_CXX_STANDARD 17 CACHE STRING
    "C++ standard for the project's own tests and tools (17, 20 or 23)")
set_property(CACHE SMTP_STATUS_CXX_STANDARD PROPERTY STRINGS 17 20 23)
option(SMTP_STATUS_WARNINGS_AS_ERRORS "Treat warnings as errors" OFF)

set(SMTP_STATUS_WARNING_FLAGS
    -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow)

# smtp_status_target_defaults(<target>): standard, warnings, link to the library.
function(smtp_status_target_defaults target)
  set_target_properties(${target} PROPERTIES
    CXX_STANDARD ${SMTP_STATUS_CXX_STANDARD}
    CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE ${SMTP_STATUS_WARNING_FLAGS})
    if(SMTP_STATUS_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive-)
    if(SMTP_STATUS_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  endif()
  target_link_libraries(${target} PRIVATE smtp_status::smtp_status)
endfunction()
