// The customer's program leaves the staff console out (console.h says why). A console route
// opened here, from an old bookmark of /#/staff or an address typed by hand, moves the tab to the
// console's page, which runs the whole portal; a kiosk, a public screen, goes home instead.
#include "console/console.h"

#include "app.h"

namespace aftercare::portal {

void RunConsole(AppState& state, Ui& ui) {
    if (state.kiosk.enabled) {
        NavigateReplacing(state, Route{Screen::Home});
        return;
    }
    ui.host.ReplacePage(std::string(kConsolePage) + FormatRoute(state.route));
}

void DrawConsoleScreen(AppState&, Ui&) {}  // the page is being replaced

} // namespace aftercare::portal
