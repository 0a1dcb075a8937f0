// The portal application: all UI state in one AppState, drawn once per frame by DrawApp().
// The host (browser or test harness) owns the loop, input and fonts, and calls DrawApp() when a
// frame is needed; nothing here blocks or touches the platform except through Host.
#pragma once

#include "a11y.h"
#include "console/staff.h"
#include "embed.h"
#include "host.h"
#include "i18n.h"
#include "net/api_client.h"
#include "router.h"
#include "screens/faq.h"
#include "screens/home.h"
#include "theme.h"

#include "core/policy.h"

#include <optional>

namespace aftercare::portal {

struct AppState {
    explicit AppState(HttpTransport& transport) : api(transport) {}

    ApiClient api;
    StringTable strings = StringTable::LoadEmbedded();
    Theme theme;
    A11yTree a11y;
    Language language = Language::ZhCN;
    core::Policy policy;  // the document's defaults until the vendor's policy arrives from the server
    EmbedConfig embed;    // set when the portal runs in a vendor's iframe (web/embed.js)

    Route route;
    std::optional<Route> navigate_to;  // set by screens during a frame, applied after it
    std::string shown_title;           // what the host last got, so it is told only on change
    std::string shown_a11y;            // the accessibility tree the host last got

    // One state struct per screen (see screens/): kept while the app runs, so going back and
    // forth keeps what the customer typed.
    std::string home_faq_query;
    FaqState faq;
    StaffState staff;  // the staff console (#/staff/...): session, queue, workspace, boards; reset on logout

    const std::string& Tr(std::string_view key) const { return strings.Get(language, key); }
};

// Draws one frame of the whole portal into the current ImGui context.
void DrawApp(AppState& state, Host& host);

// Asks the app to show a route from a screen or link: it becomes a history entry after the frame.
void Navigate(AppState& state, Route route);
// The address bar changed (back/forward, a pasted link): show that route without a new entry.
void OnAddressChanged(AppState& state, const std::string& hash);

} // namespace aftercare::portal
