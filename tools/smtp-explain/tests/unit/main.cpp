// The doctest runner for the unit tests of smtp-explain's core: one file per
// unit of tools/smtp-explain/src, named after it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
