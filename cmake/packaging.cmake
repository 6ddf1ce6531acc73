# Debian packages with CPack, one per install component (cmake/install.cmake):
#   libsmtp-status-dev  (development)   headers, CMake and pkg-config files, doc
#   smtp-explain        (smtp_explain)  the program and its manual page
# Built by `cmake --workflow --preset package`, or `cpack` in any build with
# the install rules; the package test (tests/packages/) installs, checks and
# removes them and runs lintian on them.

set(SMTP_STATUS_PACKAGE_MAINTAINER
    "smtp-status maintainers <maintainers@smtp-status.invalid>"
    CACHE STRING "The Maintainer of the Debian packages: name <address>")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME smtp-status) # the Debian source package
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# The notice of the Debian copyright files; the project started in 2026.
set(CPACK_SMTP_STATUS_COPYRIGHT "2026 the smtp-status authors")
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL development)
if(SMTP_STATUS_BUILD_TOOLS)
  list(APPEND CPACK_COMPONENTS_ALL smtp_explain)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SMTP_STATUS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SOURCE "${CPACK_PACKAGE_NAME}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Each package's description starts with its own synopsis line; CPackDeb
# would put the project's summary before it otherwise.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libsmtp-status-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SUGGESTS "libfmt-dev") # <smtp/fmt.hpp>
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
"C++17 library for the meaning of SMTP replies (development files)
smtp-status is a header-only C++17 library that tells a program what an SMTP
server's reply means: the reply codes of RFC 5321 and its extensions with
their names, meanings and classes, the enhanced status codes of RFC 3463 and
their registry, and a parser for single and multiline replies. Every lookup
and parser is constexpr, noexcept and free of allocation.

This package contains the headers, a CMake package (find_package(smtp_status))
and a pkg-config file (smtp_status).")

set(CPACK_DEBIAN_SMTP_EXPLAIN_PACKAGE_NAME smtp-explain)
set(CPACK_DEBIAN_SMTP_EXPLAIN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_SMTP_EXPLAIN_PACKAGE_SHLIBDEPS ON) # Depends from dpkg-shlibdeps
set(CPACK_DEBIAN_SMTP_EXPLAIN_DESCRIPTION
"explain SMTP reply codes, enhanced status codes and replies
smtp-explain tells a person what an SMTP server's reply means: give it a reply
code (550), an enhanced status code (5.1.1), a name, or a reply, a mail log,
an SMTP session transcript or a bounce message, and it says what each reply
means, what the client should do next (go on, retry or give up), and what
looks wrong. It prints text or JSON.")

# Adds what Debian requires of each package to CPack's staging tree.
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/debian_package_files.cmake")

include(CPack)

option(SMTP_STATUS_TEST_PACKAGES
       "Test the Debian packages: lintian, then install with dpkg as root, use and remove them (label package)"
       OFF)
if(SMTP_STATUS_TEST_PACKAGES)
  if(NOT SMTP_STATUS_BUILD_TOOLS)
    message(FATAL_ERROR "SMTP_STATUS_TEST_PACKAGES needs SMTP_STATUS_BUILD_TOOLS")
  endif()
  enable_testing()
  add_subdirectory(tests/packages)
endif()
