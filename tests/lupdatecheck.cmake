# The Spanish catalogue against the sources as they are now (issue 20): lupdate runs over the
# same project as the `pasalista_core_lupdate` target, into a copy of the .ts, so the tree is
# never written. Fails when lupdate would change the file (a tr() string added, changed or
# gone since the last update) or leaves a message unfinished, vanished or obsolete.
# test_translations checks the committed file; this checks that the file is still current.
# Run as: cmake -DLUPDATE=... -DPROJECT_IN=<.lupdate/..._project.cmake> -DTS_FILE=... -DWORK_DIR=...
#               -DGENERATOR=<GenerateLUpdateProject.cmake> -P lupdatecheck.cmake
foreach(variable LUPDATE PROJECT_IN TS_FILE WORK_DIR GENERATOR)
  if(NOT ${variable})
    message(FATAL_ERROR "lupdatecheck: ${variable} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(ts_name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${ts_name}")
file(COPY_FILE "${TS_FILE}" "${copy}")

execute_process(
  COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK_DIR}/project.json
          -P "${GENERATOR}"
  RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
  message(FATAL_ERROR "lupdatecheck: could not write the lupdate project")
endif()
# The same options as qt_add_lupdate in resources/CMakeLists.txt; -ts points lupdate at the copy.
execute_process(
  COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -no-obsolete -locations none
          -ts "${copy}"
  RESULT_VARIABLE updated OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT updated EQUAL 0)
  message(FATAL_ERROR "lupdatecheck: lupdate failed:\n${output}")
endif()

file(READ "${copy}" after)
string(REGEX MATCHALL "type=\"(unfinished|vanished|obsolete)\"" open "${after}")
list(LENGTH open open_count)
file(READ "${TS_FILE}" before)
if(NOT before STREQUAL after OR open_count GREATER 0)
  execute_process(COMMAND diff -u "${TS_FILE}" "${copy}" OUTPUT_VARIABLE difference)
  message(FATAL_ERROR
    "${ts_name} is not current: ${open_count} message(s) unfinished, vanished or obsolete "
    "after lupdate. Run `cmake --build --preset dev --target pasalista_core_lupdate`, translate "
    "the new messages and commit the file.\n${output}\n${difference}")
endif()
message(STATUS "${ts_name} is current: lupdate changes nothing")
