# Configures and builds the libFuzzer targets in their own clang tree (see CMakeLists.txt: fuzz_build).
# -DSRC=<source> -DBIN=<tree> -DTARGETS=<fuzz_a,fuzz_b> -DGENERATOR=<generator>
string(REPLACE "," ";" TARGETS "${TARGETS}")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${BIN} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=RelWithDebInfo
                        -DVIGIL_FUZZ=ON -DVIGIL_WERROR=OFF -DBUILD_TESTING=ON RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the clang fuzz tree failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BIN} --target ${TARGETS} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the fuzz targets failed (${rc})")
endif()
