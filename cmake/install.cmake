# Install rules: headers, an exported target set, a CMake package and a
# pkg-config file. The library is header-only, so everything goes under the
# architecture-independent data directory.
include(CMakePackageConfigHelpers)

set(SMTP_STATUS_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/cmake/smtp_status"
    CACHE STRING "Where to install the CMake package files")
set(SMTP_STATUS_PKGCONFIG_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install smtp_status.pc")

install(TARGETS smtp_status EXPORT smtp_statusTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/smtp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
install(EXPORT smtp_statusTargets
        NAMESPACE smtp_status::
        DESTINATION "${SMTP_STATUS_CMAKE_INSTALL_DIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/smtp_statusConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/smtp_statusConfig.cmake"
  INSTALL_DESTINATION "${SMTP_STATUS_CMAKE_INSTALL_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/smtp_statusConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/smtp_statusConfig.cmake"
              "${PROJECT_BINARY_DIR}/smtp_statusConfigVersion.cmake"
        DESTINATION "${SMTP_STATUS_CMAKE_INSTALL_DIR}")

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
        DESTINATION "${SMTP_STATUS_PKGCONFIG_INSTALL_DIR}")
