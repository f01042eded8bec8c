# Project-wide compiler settings: warnings, strict Qt defines, ccache.

find_program(VIGIL_CCACHE ccache)
if(VIGIL_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${VIGIL_CCACHE}")
endif()

add_library(vigil_options INTERFACE)
add_library(Vigil::options ALIAS vigil_options)
target_compile_definitions(vigil_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_USE_QSTRINGBUILDER
  QT_NO_KEYWORDS
  QT_NO_URL_CAST_FROM_STRING
  QT_STRICT_ITERATORS
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(MSVC)
  target_compile_options(vigil_options INTERFACE /W4 /permissive-)
  if(VIGIL_WERROR)
    target_compile_options(vigil_options INTERFACE /WX)
  endif()
else()
  target_compile_options(vigil_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Woverloaded-virtual -Wcast-align -Wformat=2)
  if(VIGIL_WERROR)
    target_compile_options(vigil_options INTERFACE -Werror)
  endif()
endif()

# vigil_add_library(name SOURCES ... LINKS ...): one STATIC library per models/ subfolder.
function(vigil_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_library(vigil_${name} STATIC ${ARG_SOURCES})
  add_library(Vigil::${name} ALIAS vigil_${name})
  target_include_directories(vigil_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
  target_link_libraries(vigil_${name} PUBLIC ${ARG_LINKS} PRIVATE Vigil::options)
  set_property(GLOBAL APPEND PROPERTY VIGIL_MODEL_LIBRARIES vigil_${name})
endfunction()
