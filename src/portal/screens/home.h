// Home screen: the five big actions, FAQ search and the vendor's commitments in plain words.
#pragma once

namespace aftercare::portal {

struct AppState;
struct Ui;

void DrawHome(AppState& state, Ui& ui);

} // namespace aftercare::portal
