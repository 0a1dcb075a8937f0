// A status stepper: where something stands in a known sequence of steps (a ticket's service flow,
// a wizard's pages). Every label under its marker when they all fit; otherwise (phones, long
// English labels) the markers alone with the current step named, so no label is ever cut off.
#pragma once

#include "widgets.h"

#include <span>
#include <string>

namespace aftercare::portal {

enum class StepState {
    Done,      // reached and passed: a check mark
    Current,   // where it stands now
    Waiting,   // where it stands, but held up on the reader (e.g. waiting for the customer's reply)
    Upcoming,  // not reached yet
    Stopped,   // the flow ended here without finishing (cancelled, declined): a cross
};

struct StepperStep {
    std::string label;            // short: "已派工", "In progress"
    StepState state = StepState::Upcoming;
    std::string accessible_name;  // the label with its state in words: "第 3 步，共 6 步：已派工，当前步骤"
};

// Draws the steps across the available width. `id` keeps its identity across frames.
void StatusStepper(Ui& ui, const char* id, std::span<const StepperStep> steps);

} // namespace aftercare::portal
