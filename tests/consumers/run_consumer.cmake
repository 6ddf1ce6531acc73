# Drives one consumer test (ctest runs this with cmake -P).
#   MODE=install           install the build into a prefix, then move the tree
#   MODE=find_package      find_package(smtp_status) from the moved tree
#   MODE=pkg_config        compile with the flags pkg-config gives
#   MODE=add_subdirectory  add_subdirectory() of the source tree
#   MODE=fetch_content     FetchContent from a local tarball of the source
#   MODE=version           which versions find_package(smtp_status <version>)
#                          accepts, for this version and for later ones
cmake_minimum_required(VERSION 3.21)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGV}")
    message(FATAL_ERROR "failed (${result}): ${command}")
  endif()
endfunction()

# Configures, builds and runs the consumer project in SOURCE_DIR/<project>.
function(build_and_run project)
  set(binary "${WORK_DIR}/${project}")
  file(REMOVE_RECURSE "${binary}")
  run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/${project}" -B "${binary}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_CXX_STANDARD=${CXX_STANDARD}"
      "-DCMAKE_BUILD_TYPE=Release"
      "-DCONSUMER_COMMON_DIR=${SOURCE_DIR}/common"
      ${ARGN})
  run(${CMAKE_COMMAND} --build "${binary}")
  run("${binary}/consumer")
endfunction()

if(MODE STREQUAL "install")
  set(prefix "${WORK_DIR}/install-prefix")
  file(REMOVE_RECURSE "${prefix}" "${STAGE}")
  run(${CMAKE_COMMAND} --install "${TOP_BINARY_DIR}" --prefix "${prefix}")
  file(RENAME "${prefix}" "${STAGE}")
  foreach(installed IN ITEMS
          include/smtp/status_code.hpp
          include/smtp/error_code.hpp
          include/smtp/format.hpp
          include/smtp/fmt.hpp
          include/smtp/std_format.hpp
          include/smtp/smtp.hpp
          share/cmake/smtp_status/smtp_statusConfig.cmake
          share/cmake/smtp_status/smtp_statusConfigVersion.cmake
          share/cmake/smtp_status/smtp_statusTargets.cmake
          share/pkgconfig/smtp_status.pc
          share/doc/smtp_status/LICENSE
          share/doc/smtp_status/README.md)
    if(NOT EXISTS "${STAGE}/${installed}")
      message(FATAL_ERROR "not installed: ${installed}")
    endif()
  endforeach()
  file(GLOB_RECURSE stray RELATIVE "${STAGE}" "${STAGE}/lib*/*")
  if(stray)
    message(FATAL_ERROR "a header-only package installed into lib: ${stray}")
  endif()
elseif(MODE STREQUAL "find_package")
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" request "${VERSION}")
  build_and_run(find_package "-DCMAKE_PREFIX_PATH=${STAGE}" "-DSMTP_STATUS_REQUEST=${request}")
elseif(MODE STREQUAL "add_subdirectory")
  build_and_run(add_subdirectory "-DSMTP_STATUS_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
elseif(MODE STREQUAL "fetch_content")
  # A tarball of the source, as a release download would be; FetchContent
  # then unpacks it like any URL, without the network.
  set(tarball "${WORK_DIR}/smtp_status-source.tar.gz")
  file(REMOVE "${tarball}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf "${tarball}"
                          CMakeLists.txt cmake include LICENSE
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "could not pack the source")
  endif()
  build_and_run(fetch_content "-DSMTP_STATUS_TARBALL=${tarball}")
elseif(MODE STREQUAL "pkg_config")
  find_program(PKG_CONFIG pkg-config REQUIRED)
  set(ENV{PKG_CONFIG_PATH} "${STAGE}/share/pkgconfig")
  execute_process(COMMAND ${PKG_CONFIG} --modversion smtp_status
                  OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0 OR version STREQUAL "")
    message(FATAL_ERROR "pkg-config does not know smtp_status")
  endif()
  execute_process(COMMAND ${PKG_CONFIG} --cflags smtp_status
                  OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE)
  separate_arguments(cflags UNIX_COMMAND "${cflags}")
  string(FIND "${cflags}" "-I${STAGE}/share/pkgconfig/../../include" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the .pc file does not point into the moved tree: ${cflags}")
  endif()
  set(binary "${WORK_DIR}/pkg_config")
  file(MAKE_DIRECTORY "${binary}")
  run(${CXX_COMPILER} ${CXX_STANDARD_FLAG} -Wall -Wextra -Werror ${cflags}
      "${SOURCE_DIR}/common/main.cpp" -o "${binary}/consumer")
  run("${binary}/consumer")
elseif(MODE STREQUAL "version")
  # The requests a version file must accept and refuse for the version
  # <installed> (major.minor.patch): while the major version is 0, the same
  # minor version only; from 1.0 on, the same major version.
  function(version_cases installed out)
    string(REPLACE "." ";" parts "${installed}")
    list(GET parts 0 major)
    list(GET parts 1 minor)
    list(GET parts 2 patch)
    math(EXPR next_major "${major} + 1")
    math(EXPR next_minor "${minor} + 1")
    math(EXPR next_patch "${patch} + 1")
    set(cases "${major}.${minor}=found" "${installed}=found"
              "${major}.${minor}.${next_patch}=refused" "${major}.${next_minor}=refused"
              "${next_major}.0=refused")
    if(major EQUAL 0 AND minor GREATER 0)
      math(EXPR previous_minor "${minor} - 1")
      list(APPEND cases "0.${previous_minor}=refused")
    elseif(major GREATER 0)
      math(EXPR previous_major "${major} - 1")
      list(APPEND cases "${major}.0=found" "${previous_major}.${minor}=refused")
    endif()
    list(JOIN cases "," cases)
    set(${out} "${cases}" PARENT_SCOPE)
  endfunction()

  function(check_version prefix installed)
    version_cases("${installed}" cases)
    set(binary "${WORK_DIR}/version/check-${installed}")
    file(REMOVE_RECURSE "${binary}")
    run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/version" -B "${binary}" -G "${GENERATOR}"
        "-DPREFIX=${prefix}" "-DINSTALLED=${installed}" "-DCASES=${cases}")
  endfunction()

  # This build, as installed.
  check_version("${STAGE}" "${VERSION}")

  # Versions to come: the source with another version in version.hpp,
  # configured (the library alone) and installed, so the install rules choose
  # the compatibility of each by themselves.
  foreach(other IN ITEMS 0.1.7 0.2.0 1.3.0)
    set(source "${WORK_DIR}/version/source-${other}")
    set(binary "${WORK_DIR}/version/build-${other}")
    set(prefix "${WORK_DIR}/version/prefix-${other}")
    file(REMOVE_RECURSE "${source}" "${binary}" "${prefix}")
    file(MAKE_DIRECTORY "${source}")
    foreach(item IN ITEMS CMakeLists.txt cmake include LICENSE README.md)
      file(COPY "${PROJECT_SOURCE_DIR}/${item}" DESTINATION "${source}")
    endforeach()
    file(READ "${source}/include/smtp/version.hpp" header)
    string(REPLACE "." ";" parts "${other}")
    foreach(part IN ITEMS MAJOR MINOR PATCH)
      list(POP_FRONT parts number)
      string(REGEX REPLACE "#define SMTP_STATUS_VERSION_${part} [0-9]+"
             "#define SMTP_STATUS_VERSION_${part} ${number}" header "${header}")
    endforeach()
    file(WRITE "${source}/include/smtp/version.hpp" "${header}")
    run(${CMAKE_COMMAND} -S "${source}" -B "${binary}" -G "${GENERATOR}"
        "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" -DSMTP_STATUS_BUILD_TESTS=OFF
        -DSMTP_STATUS_BUILD_EXAMPLES=OFF -DSMTP_STATUS_BUILD_TOOLS=OFF)
    run(${CMAKE_COMMAND} --install "${binary}" --prefix "${prefix}")
    check_version("${prefix}" "${other}")
  endforeach()
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
