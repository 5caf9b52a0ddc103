#!/bin/sh
# Generates the OpenGL 3.3 core loader exactly as the build does (third_party/CMakeLists.txt).
set -eu
out=${1:-third_party/glad/generated}
glad --api gl:core=3.3 --extensions "" --out-path "$out" --reproducible --quiet c
echo "$out"
