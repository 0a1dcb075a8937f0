// The step indicator of a wizard: numbered circles joined by a line, labels under them; on a narrow
// screen a segmented bar with "step 2 of 5 · label".
#pragma once

#include "widgets.h"

#include <span>
#include <string_view>

namespace aftercare::portal {

// `current` is 0-based; steps before it are drawn done (a tick); labels.size() draws them all done. `progress` is the whole position
// in words ("第 2 步，共 5 步：选择商品"), mirrored for screen readers and shown on narrow screens.
void ProgressSteps(Ui& ui, std::span<const std::string_view> labels, int current, std::string_view progress);

} // namespace aftercare::portal
