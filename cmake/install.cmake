# What `cmake --install` and the Debian package put under the prefix:
#   bin/pamir                       the program (src/app/CMakeLists.txt)
#   share/pamir/geodata/            the built-in dataset: its manifest, README
#                                   (provenance and licences), every file the
#                                   manifest names, and the military symbol catalog
#   share/doc/pamir/README.md
# Shaders are compiled into the binary and fonts come from fonts-dejavu-core,
# so neither is installed. The binary finds share/pamir from its own location.
set(PAMIR_MANIFEST ${CMAKE_SOURCE_DIR}/geodata/manifest.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PAMIR_MANIFEST})
file(READ ${PAMIR_MANIFEST} manifest_json)
string(JSON layer_count LENGTH "${manifest_json}" layers)
set(dataset_files manifest.json README.md symbols.json)
math(EXPR last "${layer_count} - 1")
foreach(i RANGE ${last})
  string(JSON source GET "${manifest_json}" layers ${i} source)
  list(APPEND dataset_files ${source})
endforeach()
list(REMOVE_DUPLICATES dataset_files)
foreach(f ${dataset_files})
  if(NOT EXISTS ${CMAKE_SOURCE_DIR}/geodata/${f})
    message(FATAL_ERROR "geodata/manifest.json names ${f}, which is not in geodata/")
  endif()
  get_filename_component(sub ${f} DIRECTORY)
  install(FILES ${CMAKE_SOURCE_DIR}/geodata/${f} DESTINATION ${CMAKE_INSTALL_DATADIR}/pamir/geodata/${sub})
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB (or the `package` target): a .deb whose library dependencies
# dpkg-shlibdeps reads off the binary.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pamir)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Pamir")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop map viewer and geodesic measuring tool for Central Asia")
set(CPACK_PACKAGE_DESCRIPTION
    "Loads any GDAL source, draws it with OpenGL 3.3 (or headless through EGL), and measures\n"
    "on the WGS84 ellipsoid. Ships a curated, sourced dataset of military infrastructure in\n"
    "Central Asia.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Pamir maintainers <pamir@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)  # debug info stays in the build tree
# Not libraries the binary links, so dpkg-shlibdeps cannot see them: the label
# font, ISO country codes (read at run time), and Mesa's software GL for headless renders on machines without a GPU.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, iso-codes")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri")
include(CPack)
