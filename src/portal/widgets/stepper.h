// The step indicator of a wizard (1 Product → 2 Fault → … → 5 Review): numbered discs joined by a
// line, done steps ticked, the current one highlighted. Done steps can be tapped to go back to
// them; on a phone the labels shrink but stay.
#pragma once

#include "widgets.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::portal {

struct StepperOptions {
    std::string_view accessible_format;  // "Step {n} of {total}: {label}", with {n} {total} {label}
    std::string_view done_suffix;        // appended to the name of a finished step, e.g. "(done)"
};

// Draws the steps; `current` is 0-based. Returns the index of a finished step the customer chose.
std::optional<int> Stepper(Ui& ui, const char* id, const std::vector<std::string>& labels, int current,
                           const StepperOptions& options);

} // namespace aftercare::portal
