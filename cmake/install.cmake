# Install rules: headers, an exported target set, a CMake package, a
# pkg-config file, the licence and the README. The library is header-only, so
# everything goes under the architecture-independent data directory.
#
# Components (cmake --install --component, and one package each for CPack,
# cmake/packaging.cmake):
#   development   headers, CMake package files, pkg-config file, licence, README
#   smtp_explain  the smtp-explain program (tools/smtp-explain/CMakeLists.txt)
include(CMakePackageConfigHelpers)

set(SMTP_STATUS_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/cmake/smtp_status"
    CACHE STRING "Where to install the CMake package files")
set(SMTP_STATUS_PKGCONFIG_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install smtp_status.pc")

install(TARGETS smtp_status EXPORT smtp_statusTargets COMPONENT development)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/smtp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")
install(EXPORT smtp_statusTargets
        NAMESPACE smtp_status::
        DESTINATION "${SMTP_STATUS_CMAKE_INSTALL_DIR}"
        COMPONENT development)
# share/doc/smtp_status (GNUInstallDirs names it after the project).
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        COMPONENT development)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/smtp_statusConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/smtp_statusConfig.cmake"
  INSTALL_DESTINATION "${SMTP_STATUS_CMAKE_INSTALL_DIR}")
# Semantic versioning: while the major version is 0, a minor release may
# break the API (semver.org, item 4), so a request for 0.1 accepts 0.1.x
# only; from 1.0 on, any later release of the same major version.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_smtp_version_compatibility SameMinorVersion)
else()
  set(_smtp_version_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/smtp_statusConfigVersion.cmake"
  COMPATIBILITY ${_smtp_version_compatibility}
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/smtp_statusConfig.cmake"
              "${PROJECT_BINARY_DIR}/smtp_statusConfigVersion.cmake"
        DESTINATION "${SMTP_STATUS_CMAKE_INSTALL_DIR}"
        COMPONENT development)

# pkg-config: the prefix is computed from the .pc file's own location, so the
# installed tree can be moved anywhere.
file(RELATIVE_PATH _smtp_pc_to_prefix
     "/prefix/${SMTP_STATUS_PKGCONFIG_INSTALL_DIR}" "/prefix")
string(REGEX REPLACE "/$" "" _smtp_pc_to_prefix "${_smtp_pc_to_prefix}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(_smtp_pc_includedir "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(_smtp_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/smtp_status.pc.in"
               "${PROJECT_BINARY_DIR}/smtp_status.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/smtp_status.pc"
        DESTINATION "${SMTP_STATUS_PKGCONFIG_INSTALL_DIR}"
        COMPONENT development)
