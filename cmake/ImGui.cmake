# Dear ImGui 1.92.x, unpacked by scripts/setup from Debian's source package into IMGUI_DIR.
# Built without our warning flags: its warnings are not ours to fix.
set(IMGUI_DIR "${CMAKE_SOURCE_DIR}/.deps/imgui" CACHE PATH "Dear ImGui 1.92.x source tree")
if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
    message(FATAL_ERROR "Dear ImGui not found in ${IMGUI_DIR}: run scripts/setup first")
endif()

add_library(imgui STATIC
    "${IMGUI_DIR}/imgui.cpp"
    "${IMGUI_DIR}/imgui_draw.cpp"
    "${IMGUI_DIR}/imgui_tables.cpp"
    "${IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}")
# No imgui.ini, no demo windows, no obsolete API: keep the wasm small and the code on the current API.
# 32-bit ImWchar: characters beyond the BMP (CJK Extension B and later, emoji) are drawn, not "?".
target_compile_definitions(imgui PUBLIC
    IMGUI_USE_WCHAR32
    IMGUI_DISABLE_OBSOLETE_FUNCTIONS
    IMGUI_DISABLE_DEMO_WINDOWS
    IMGUI_DISABLE_DEBUG_TOOLS)
