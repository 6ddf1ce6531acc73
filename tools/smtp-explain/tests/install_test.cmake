# smtp-explain is installed into bin (its manual page into share/man/man1)
# beside the headers, and not at all when
# SMTP_STATUS_BUILD_TOOLS is off. Run by ctest with cmake -P:
#   BUILD_DIR  this build      PREFIX  a scratch folder      VERSION  the version
#   SOURCE_DIR the source tree GENERATOR the CMake generator
cmake_minimum_required(VERSION 3.21)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGV}")
    message(FATAL_ERROR "failed (${result}): ${command}\n${output}")
  endif()
  set(run_output "${output}" PARENT_SCOPE)
endfunction()

# The whole install: headers, package files and the program.
file(REMOVE_RECURSE "${PREFIX}")
run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
foreach(installed IN ITEMS include/smtp/smtp.hpp include/smtp/reply.hpp bin/smtp-explain
                           share/man/man1/smtp-explain.1)
  if(NOT EXISTS "${PREFIX}/${installed}")
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
run("${PREFIX}/bin/smtp-explain" --version)
if(NOT run_output MATCHES "smtp-explain ${VERSION}")
  message(FATAL_ERROR "the installed program says: ${run_output}")
endif()
run("${PREFIX}/bin/smtp-explain" 550)
if(NOT run_output MATCHES "550 MailboxUnavailable")
  message(FATAL_ERROR "the installed program says: ${run_output}")
endif()

# Only the program, by its component.
file(REMOVE_RECURSE "${PREFIX}-component")
run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}-component"
    --component smtp_explain)
foreach(installed IN ITEMS bin/smtp-explain share/man/man1/smtp-explain.1)
  if(NOT EXISTS "${PREFIX}-component/${installed}")
    message(FATAL_ERROR "the smtp_explain component does not install ${installed}")
  endif()
endforeach()

# With the option off, the headers are installed and the program is not
# (configuring is enough: the library is header-only, nothing to build).
set(off_build "${PREFIX}-tools-off-build")
file(REMOVE_RECURSE "${off_build}" "${PREFIX}-tools-off")
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${off_build}" -G "${GENERATOR}"
    -DSMTP_STATUS_BUILD_TOOLS=OFF -DSMTP_STATUS_BUILD_TESTS=OFF
    -DSMTP_STATUS_BUILD_EXAMPLES=OFF)
run("${CMAKE_COMMAND}" --build "${off_build}")
run("${CMAKE_COMMAND}" --install "${off_build}" --prefix "${PREFIX}-tools-off")
if(NOT EXISTS "${PREFIX}-tools-off/include/smtp/smtp.hpp")
  message(FATAL_ERROR "headers not installed with SMTP_STATUS_BUILD_TOOLS=OFF")
endif()
if(EXISTS "${PREFIX}-tools-off/bin")
  message(FATAL_ERROR "something installed into bin with SMTP_STATUS_BUILD_TOOLS=OFF")
endif()
