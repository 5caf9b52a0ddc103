# Turns GLSL files into one C++ header: kEmbeddedShaders maps "name.glsl" to its text.
# Usage: cmake -DOUT=<header> -DINPUTS=<a.glsl|b.glsl> -P embed_shaders.cmake
set(body "// Generated from shaders/*.glsl by embed_shaders.cmake; do not edit.\n#pragma once\n\n")
string(APPEND body "namespace pamir::render::embedded {\n\nstruct ShaderSource {\n  const char* name;\n  const char* text;\n};\n\n")
string(APPEND body "inline constexpr ShaderSource kShaders[] = {\n")
string(REPLACE "|" ";" INPUTS "${INPUTS}")
list(SORT INPUTS)
foreach(file ${INPUTS})
  get_filename_component(name ${file} NAME)
  file(READ ${file} text)
  # Raw string literals cannot hold their own delimiter; GLSL never contains it.
  string(APPEND body "    {\"${name}\", R\"pamirglsl(${text})pamirglsl\"},\n")
endforeach()
string(APPEND body "};\n\n}  // namespace pamir::render::embedded\n")
# Only touch the file when the text changed, so unrelated rebuilds stay quiet.
if(EXISTS ${OUT})
  file(READ ${OUT} old)
  if(old STREQUAL body)
    return()
  endif()
endif()
get_filename_component(dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
file(WRITE ${OUT} "${body}")
