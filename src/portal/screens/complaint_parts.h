// The complaint screen's pieces, shared by its files only: the form (complaint.cpp) and the
// receipt (complaint_done.cpp).
#pragma once

#include "screens/complaint.h"

#include "core/policy.h"
#include "core/time.h"

namespace aftercare::portal {

struct AppState;
struct Ui;

// The vendor-calendar day a complaint received at `submitted_at` is answered by: the N-th working
// day after the day of receipt, weekends and the policy's holidays skipped (core/sla.h's rule).
core::CivilDate ComplaintAnswerDay(const core::Policy& policy, core::UnixSeconds submitted_at);

void DrawComplaintDone(AppState& state, Ui& ui);

} // namespace aftercare::portal
