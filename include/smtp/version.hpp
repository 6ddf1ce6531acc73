// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// The library's version. CMakeLists.txt reads these three lines, so this is
/// the only place the version number is written.
#ifndef SMTP_VERSION_HPP
#define SMTP_VERSION_HPP

/// The major version; while it is 0, a new minor version may change the API.
#define SMTP_STATUS_VERSION_MAJOR 0
/// The minor version.
#define SMTP_STATUS_VERSION_MINOR 2
/// The patch version: fixes that change no API.
#define SMTP_STATUS_VERSION_PATCH 0

/// The version as one comparable number: major * 10000 + minor * 100 + patch.
#define SMTP_STATUS_VERSION                                                    \
    (SMTP_STATUS_VERSION_MAJOR * 10000 + SMTP_STATUS_VERSION_MINOR * 100 +     \
     SMTP_STATUS_VERSION_PATCH)

#endif // SMTP_VERSION_HPP
