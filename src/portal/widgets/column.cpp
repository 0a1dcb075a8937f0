// Narrow column; see column.h.
#include "widgets/column.h"

#include <algorithm>

namespace aftercare::portal {

void BeginNarrowColumn(Ui& ui, float max_width_em) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, ui.theme.Em(max_width_em));
    BeginColumn(ui, ImGui::GetCursorPosX() + (avail - width) * 0.5f, width);
}

void EndNarrowColumn(Ui& ui) { EndColumn(ui); }

} // namespace aftercare::portal
