// #/rate/<number> until the rating screen lands: the ticket page's "rate this service" prompt
// links here, so the route exists; this says plainly that rating is not open yet and leads back.
#pragma once

namespace aftercare::portal {

struct AppState;
struct Ui;

void DrawRatePending(AppState& state, Ui& ui);

} // namespace aftercare::portal
