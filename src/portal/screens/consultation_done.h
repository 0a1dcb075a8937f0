// The consultation receipt (consultation.cpp draws it once the question is sent).
#pragma once

namespace aftercare::portal {

struct AppState;
struct Ui;

void DrawConsultationDone(AppState& state, Ui& ui);

} // namespace aftercare::portal
