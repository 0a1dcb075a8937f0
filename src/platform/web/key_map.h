// Maps DOM KeyboardEvent values to ImGuiKey.
#pragma once

#include <imgui.h>

namespace aftercare::web {

// `key` is KeyboardEvent.key (layout-translated), `code` is KeyboardEvent.code (physical).
// Letters and digits follow the layout, as ImGui expects for shortcuts; the rest follow `code`.
ImGuiKey KeyFromDom(const char* key, const char* code);

} // namespace aftercare::web
