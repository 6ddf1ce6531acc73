# The reference documentation: Doxygen over the public headers
# (include/smtp), HTML in <build>/html, with README.md as its front
# page. Every public entity must have a doc comment: an undocumented one, or
# a doc comment Doxygen cannot read, is a warning, and any warning fails the
# `docs` target (WARN_AS_ERROR). Built by `cmake --workflow --preset docs`.
find_package(Doxygen 1.9 REQUIRED)

set(DOXYGEN_PROJECT_NAME "smtp-status")
set(DOXYGEN_PROJECT_NUMBER "${PROJECT_VERSION}")
set(DOXYGEN_PROJECT_BRIEF "What an SMTP server's reply means")
set(DOXYGEN_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
set(DOXYGEN_HTML_OUTPUT html)
set(DOXYGEN_GENERATE_HTML YES)
set(DOXYGEN_GENERATE_LATEX NO)
set(DOXYGEN_USE_MDFILE_AS_MAINPAGE "${PROJECT_SOURCE_DIR}/README.md")
set(DOXYGEN_FILE_PATTERNS *.hpp *.md)
# Headers show as users include them: <smtp/reply.hpp>.
set(DOXYGEN_FULL_PATH_NAMES YES)
set(DOXYGEN_STRIP_FROM_PATH "${PROJECT_SOURCE_DIR}")
set(DOXYGEN_STRIP_FROM_INC_PATH "${PROJECT_SOURCE_DIR}/include")
# The public API only: detail namespaces and folders are implementation.
set(DOXYGEN_EXCLUDE_SYMBOLS "detail" "smtp::detail" "smtp::detail::*")
set(DOXYGEN_EXCLUDE_PATTERNS "*/detail/*")
set(DOXYGEN_EXTRACT_ALL NO) # doxygen_add_docs would say YES, which hides the undocumented
set(DOXYGEN_EXTRACT_PRIVATE NO)
set(DOXYGEN_EXTRACT_STATIC YES)
set(DOXYGEN_HIDE_FRIEND_COMPOUNDS YES)
# One comment before `/// @{` documents each member up to `/// @}` (the
# comparison operators, the format_as overloads).
set(DOXYGEN_DISTRIBUTE_GROUP_DOC YES)
# The std::formatter specialisations are declared where <format> exists;
# document them, and read the export macro as nothing.
set(DOXYGEN_ENABLE_PREPROCESSING YES)
set(DOXYGEN_MACRO_EXPANSION YES)
set(DOXYGEN_EXPAND_ONLY_PREDEF YES)
set(DOXYGEN_PREDEFINED "__cpp_lib_format=202110L" "SMTP_STATUS_SYMBOL_VISIBLE=")
set(DOXYGEN_BUILTIN_STL_SUPPORT YES)
set(DOXYGEN_QUIET YES)
set(DOXYGEN_WARNINGS YES)
set(DOXYGEN_WARN_IF_UNDOCUMENTED YES)
set(DOXYGEN_WARN_IF_DOC_ERROR YES)
set(DOXYGEN_WARN_IF_INCOMPLETE_DOC YES)
# Parameters are described in the text, as the headers do, not one @param each.
set(DOXYGEN_WARN_NO_PARAMDOC NO)
# Every warning is reported, then the build fails.
set(DOXYGEN_WARN_AS_ERROR FAIL_ON_WARNINGS)

# README.md is the front page; the pages it links to come along, so that its
# links work in the HTML too.
doxygen_add_docs(docs "${PROJECT_SOURCE_DIR}/include/smtp" "${PROJECT_SOURCE_DIR}/README.md"
                 "${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${PROJECT_SOURCE_DIR}/BENCHMARKS.md"
                 "${PROJECT_SOURCE_DIR}/tools/smtp-explain/README.md"
                 "${PROJECT_SOURCE_DIR}/tools/smtp-explain/web/README.md"
                 "${PROJECT_SOURCE_DIR}/tests/bounces/generated/README.md"
                 WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                 COMMENT "Reference documentation (Doxygen) in ${PROJECT_BINARY_DIR}/html")
