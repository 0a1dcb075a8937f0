# Nayuki's QR Code generator (C port), unpacked by scripts/setup from Debian's source package
# qr-code-generator into QRCODEGEN_DIR. The C port reports overlong text by return value; the C++
# port throws, which the wasm build (no exception catching) would turn into an abort.
# Built without our warning flags: its warnings are not ours to fix.
set(QRCODEGEN_DIR "${CMAKE_SOURCE_DIR}/.deps/qrcodegen" CACHE PATH "QR Code generator 1.8 source tree")
if(NOT EXISTS "${QRCODEGEN_DIR}/c/qrcodegen.c")
    message(FATAL_ERROR "QR Code generator not found in ${QRCODEGEN_DIR}: run scripts/setup first")
endif()

add_library(qrcodegen STATIC "${QRCODEGEN_DIR}/c/qrcodegen.c")
target_include_directories(qrcodegen SYSTEM PUBLIC "${QRCODEGEN_DIR}/c")
set_target_properties(qrcodegen PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON)
