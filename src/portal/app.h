// The portal application: all UI state in one AppState, drawn once per frame by DrawApp().
// The host (browser or test harness) owns the loop, input and fonts, and calls DrawApp() when a
// frame is needed; nothing here blocks or touches the platform except through Host.
#pragma once

#include "a11y.h"
#include "console/staff.h"
#include "embed.h"
#include "host.h"
#include "i18n.h"
#include "kiosk/kiosk.h"
#include "net/api_client.h"
#include "net/remote.h"
#include "router.h"
#include "screens/complaint.h"
#include "screens/consultation.h"
#include "screens/faq.h"
#include "screens/home.h"
#include "screens/kiosk_repair.h"
#include "screens/open_ticket.h"
#include "screens/rate.h"
#include "screens/repair.h"
#include "screens/returns.h"
#include "screens/ticket_page.h"
#include "screens/track.h"
#include "textures.h"
#include "theme.h"

#include "api/policy_json.h"
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
    RemoteStatus vendor_policy;          // the customers' load of it (net/vendor_policy.h); the console has its own
    api::Channels channels;  // SMS / e-mail on this server (with the policy): none until it arrives, so nothing is promised
    EmbedConfig embed;    // set when the portal runs in a vendor's iframe (web/embed.js)
    KioskState kiosk;     // kiosk mode (/kiosk): attract screen, idle reset, keypad, outbox

    Route route;
    std::optional<Route> navigate_to;  // set by screens during a frame, applied after it
    bool navigate_replaces = false;    // ...replacing the current history entry instead of adding one
    Route drawn_route;                 // the route the last frame showed: a new one starts at the top
    std::string shown_title;           // what the host last got, so it is told only on change
    std::string shown_a11y;            // the accessibility tree the host last got
    unsigned layout_signature = 0;     // window positions and sizes of the last frame (see app.cpp)

    // One state struct per screen (see screens/): kept while the app runs, so going back and
    // forth keeps what the customer typed.
    std::string home_faq_query;
    FaqState faq;
    TrackState track;
    OpenTicket open_ticket;  // the customer's ticket, shared by the ticket page and the rate screen
    TicketPageState ticket;
    ReturnsState returns;
    RateState rate;
    ComplaintState complaint;
    ConsultationState consultation;
    KioskRepairState kiosk_repair;
    RepairState repair;

    TexturePool textures;  // run-time images (photo previews)

    StaffState staff;  // the staff console (#/staff/...): session, queue, workspace, boards; reset on logout

    const std::string& Tr(std::string_view key) const { return strings.Get(language, key); }
};

// Draws one frame of the whole portal into the current ImGui context.
void DrawApp(AppState& state, Host& host);

// How a ticket the customer submits here came in: the kiosk, a vendor's iframe, or the web.
inline core::Channel SelfServiceChannel(const AppState& state) {
    if (state.kiosk.enabled) return core::Channel::Kiosk;
    if (state.embed.embedded) return core::Channel::Embed;
    return core::Channel::Web;
}

// Any input from the customer (touch, key, edit, scroll): keeps a kiosk session alive.
inline void OnUserActivity(AppState& state, double now) { NoteKioskActivity(state, now); }

// Asks the app to show a route from a screen or link: it becomes a history entry after the frame.
void Navigate(AppState& state, Route route);
// The same, replacing the current history entry: for a corrected address (a tracking link's token
// taken out of the address bar) that back should not return to.
void NavigateReplacing(AppState& state, Route route);
// The address bar changed (back/forward, a pasted link): show that route without a new entry.
void OnAddressChanged(AppState& state, const std::string& hash);

} // namespace aftercare::portal
