# The coverage test: removes the counts of earlier runs, runs the unit tests
# (built with --coverage), then gcovr with the repository's gcovr.cfg, which
# prints the line and branch figures of every header and fails below its
# thresholds. Run by ctest with -DPROGRAM, -DGCOVR, -DSOURCE_DIR, -DBINARY_DIR.
file(GLOB_RECURSE _counts "${BINARY_DIR}/*.gcda")
if(_counts)
  file(REMOVE ${_counts})
endif()
execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE _status)
if(NOT _status EQUAL 0)
  message(FATAL_ERROR "the unit tests failed")
endif()
execute_process(COMMAND "${GCOVR}" --config "${SOURCE_DIR}/gcovr.cfg" -r "${SOURCE_DIR}"
                        --branches "${BINARY_DIR}"
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE _status)
if(NOT _status EQUAL 0)
  message(FATAL_ERROR "coverage below the thresholds of gcovr.cfg (gcovr exit status ${_status})")
endif()
