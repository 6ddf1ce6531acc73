# CPack runs this (CPACK_PRE_BUILD_SCRIPTS, set in cmake/packaging.cmake)
# after it has installed each component into its staging tree and before it
# builds the .deb files. It adds what Debian policy asks of every binary
# package, and what a plain `cmake --install` has no use for:
#   /usr/share/doc/<package>/copyright     the licence (policy 12.5), in the
#                                          machine-readable format
#   /usr/share/doc/<package>/changelog.gz  the Debian changelog of a native
#                                          package (policy 12.7)
# and compresses the manual pages with gzip -9n (policy 12.1): the install
# rules put them uncompressed into share/man, where man reads them as well.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()

find_program(_gzip gzip REQUIRED)

# gzip -9n: the best compression, and no name or time stamp in the header,
# so the same input gives the same bytes.
function(_smtp_gzip file)
  execute_process(COMMAND "${_gzip}" -9nf "${file}" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip -9n ${file} failed (${result})")
  endif()
endfunction()

# The licence, as the License paragraph of a machine-readable copyright
# file: every line of it starts with a space, and an empty line is " .".
file(READ "${CPACK_RESOURCE_FILE_LICENSE}" _licence)
string(STRIP "${_licence}" _licence)
string(REPLACE "\n" "\n " _licence " ${_licence}")
string(REGEX REPLACE "\n \n" "\n .\n" _licence "${_licence}")
string(REGEX REPLACE "\n \n" "\n .\n" _licence "${_licence}") # two empty lines in a row

# SOURCE_DATE_EPOCH, when set, makes the date (and so the package) reproducible.
string(TIMESTAMP _date "%a, %d %b %Y %H:%M:%S +0000" UTC)

foreach(_component IN LISTS CPACK_COMPONENTS_ALL)
  string(TOUPPER "${_component}" _upper)
  set(_package "${CPACK_DEBIAN_${_upper}_PACKAGE_NAME}")
  set(_root "${CPACK_TEMPORARY_DIRECTORY}/${_component}${CPACK_PACKAGING_INSTALL_PREFIX}")
  if(_package STREQUAL "" OR NOT IS_DIRECTORY "${_root}")
    message(FATAL_ERROR "no Debian package name or staging tree for component ${_component}")
  endif()
  set(_doc "${_root}/share/doc/${_package}")
  file(MAKE_DIRECTORY "${_doc}")

  file(WRITE "${_doc}/copyright"
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ${CPACK_PACKAGE_NAME}
Source: ${CPACK_PACKAGE_HOMEPAGE_URL}

Files: *
Copyright: ${CPACK_SMTP_STATUS_COPYRIGHT}
License: BSL-1.0

License: BSL-1.0
${_licence}
")

  file(WRITE "${_doc}/changelog"
"${CPACK_DEBIAN_PACKAGE_SOURCE} (${CPACK_PACKAGE_VERSION}) unstable; urgency=medium

  * Release ${CPACK_PACKAGE_VERSION}, packaged from the source with CPack.

 -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  ${_date}
")
  # Whatever the umask: 0644 (policy 10.9).
  file(CHMOD "${_doc}/copyright" "${_doc}/changelog"
       PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  _smtp_gzip("${_doc}/changelog")

  file(GLOB_RECURSE _pages "${_root}/share/man/*")
  foreach(_page IN LISTS _pages)
    if(NOT _page MATCHES "\\.gz$")
      _smtp_gzip("${_page}")
    endif()
  endforeach()

  # Directories 0755 whatever the umask (policy 10.9), also those made here.
  file(GLOB_RECURSE _entries LIST_DIRECTORIES true "${_root}/*")
  foreach(_entry IN ITEMS "${_root}" ${_entries})
    if(IS_DIRECTORY "${_entry}" AND NOT IS_SYMLINK "${_entry}")
      file(CHMOD "${_entry}" PERMISSIONS ${CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS})
    endif()
  endforeach()
endforeach()
