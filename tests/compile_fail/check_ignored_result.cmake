# Proves that dropping a result the library marks [[nodiscard]] fails to
# compile with -Werror: ctest runs this script with
#   -DCXX=<compiler> -DSTD_OPTION=<-std=c++17 ...> -DINCLUDE=<include dir> -DSOURCE=<ignored_result.cpp>
# It compiles the source once using every result (must succeed) and once per
# case dropping one (must fail, with the compiler's unused-result diagnostic).
foreach(_var IN ITEMS CXX STD_OPTION INCLUDE SOURCE)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_ignored_result.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_command "${CXX}" ${STD_OPTION} -fsyntax-only -Wall -Werror "-I${INCLUDE}" "${SOURCE}")

execute_process(COMMAND ${_command} -DSMTP_TEST_IGNORE=0
                RESULT_VARIABLE _status OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _status EQUAL 0)
  message(FATAL_ERROR "the source that uses every result does not compile:\n${_err}")
endif()

foreach(_case IN ITEMS 1 2 3)
  execute_process(COMMAND ${_command} -DSMTP_TEST_IGNORE=${_case}
                  RESULT_VARIABLE _status OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(_status EQUAL 0)
    message(FATAL_ERROR "case ${_case}: a dropped result compiled without error")
  endif()
  if(NOT _err MATCHES "nodiscard|unused-result")
    message(FATAL_ERROR "case ${_case}: failed, but not for the dropped result:\n${_err}")
  endif()
  message(STATUS "case ${_case}: refused, as it must be")
endforeach()
