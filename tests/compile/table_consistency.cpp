// The data tables' own consistency checks. They live here, not in the
// headers, because constant evaluation is paid by every translation unit
// that includes a header and these checks were most of the umbrella header's
// compile cost (BENCHMARKS.md, "Compile cost"). This file is part of every
// test build, in every language mode of the CI matrix, so a table that falls
// out of step still fails the build.

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

namespace smtp::detail {

static_assert(registry_is_strictly_ascending(),
              "registry entries must be sorted by subject then detail, without duplicates");
static_assert(registry_entries_are_well_formed(),
              "a registry entry is malformed (see registry_entries_are_well_formed)");
static_assert(registry_index_matches_table(), "the dense index disagrees with the table");
static_assert(vendor_notes_are_well_formed(), "vendor_notes: overlapping or malformed rows");

static_assert(expected_reply_rules_are_well_formed(),
              "expected_reply_rules: a row has no source or command, a code outside "
              "200..599 or a gap, or a command has no positive reply");
static_assert(foreign_names_are_consistent(),
              "foreign_names: a duplicate name, two names for one value in one library, "
              "or an Aspose row that is not SmtpStatusCode's spelling");

} // namespace smtp::detail
