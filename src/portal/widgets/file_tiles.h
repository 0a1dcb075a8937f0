// Picked or uploaded files as a wrapping grid of square tiles: an image preview (or a file-type
// icon), the name and a detail line (size, "uploading", an error), and a remove button.
#pragma once

#include "widgets.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::portal {

struct FileTile {
    std::string_view id;                 // stable across frames (the list can change order)
    std::string_view name;
    std::string_view detail;             // "2.4 MB", "上传中…"
    ImTextureData* preview = nullptr;    // a square image; `icon` is drawn when there is none
    const char* icon = nullptr;
    bool failed = false;                 // the detail is an error (drawn in red)
};

struct FileTilesOptions {
    std::string_view remove_label{};     // accessible name of the remove button, "{name}" replaced
    bool removable = true;
};

// Returns the index of the tile whose remove button was pressed.
std::optional<int> FileTiles(Ui& ui, const char* id, const std::vector<FileTile>& tiles,
                             const FileTilesOptions& options);

} // namespace aftercare::portal
