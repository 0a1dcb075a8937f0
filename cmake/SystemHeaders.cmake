# Header-only libraries from Debian packages, for both the native and the emscripten toolchain.
#
# Emscripten must never see -I/usr/include (that would mix glibc headers into the wasm build),
# so for it we expose only the library's own folder through a symlink in the build tree.

find_path(NLOHMANN_JSON_DIR nlohmann/json.hpp
    PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)

set(_aftercare_sysdeps "${CMAKE_BINARY_DIR}/sysdeps")
file(MAKE_DIRECTORY "${_aftercare_sysdeps}")
file(CREATE_LINK "${NLOHMANN_JSON_DIR}/nlohmann" "${_aftercare_sysdeps}/nlohmann" SYMBOLIC)

add_library(nlohmann_json_headers INTERFACE)
target_include_directories(nlohmann_json_headers SYSTEM INTERFACE "${_aftercare_sysdeps}")
target_compile_definitions(nlohmann_json_headers INTERFACE JSON_USE_IMPLICIT_CONVERSIONS=0)
