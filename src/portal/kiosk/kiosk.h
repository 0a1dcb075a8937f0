// Kiosk mode (/kiosk, shell/kiosk.html): a shared touch screen in a shop. Larger type and targets,
// an attract screen between customers, the on-screen keypad, an idle timeout that wipes the session
// (policy kiosk.idle_reset_seconds, with a visible 10 s warning), and an outbox that keeps a ticket
// submitted while the network is down. The platform declares the mode; nothing here touches it.
#pragma once

#include "kiosk/qr_code.h"
#include "net/outbox.h"
#include "widgets/keypad.h"

#include <memory>
#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;
class Host;

struct KioskState {
    bool enabled = false;
    bool attract = true;           // the attract screen shows until someone touches it
    bool reset_requested = false;  // "End" pressed: the reset happens at the start of the next frame
    double last_activity = 0;      // host clock, seconds: the last touch, key or edit
    KeypadState keypad;
    std::string qr_text;          // the last QR code made (kiosk/receipt.h: CachedQr)
    std::optional<QrMatrix> qr;
    // Outlives resets (submissions made offline are still sent), at a stable address for its
    // callbacks.
    std::unique_ptr<Outbox> outbox = std::make_unique<Outbox>();
};

inline constexpr double kIdleWarningSeconds = 10.0;

// Turns the app into a kiosk (called once by the platform at start): larger theme, attract screen.
void EnableKioskMode(AppState& state, double now);

// Any input from the customer (the platform calls this for touches, keys, edits and scrolls).
void NoteKioskActivity(AppState& state, double now);

// Before anything is drawn: resets an idle (or ended) session, sends the outbox's due items, and
// asks for a frame when the next timer is due. Does nothing outside kiosk mode except the outbox.
void BeginKioskFrame(AppState& state, Host& host);

// The browser says the network is back.
void OnNetworkOnline(AppState& state);

// Seconds left before the reset, or a negative number when the warning is not showing.
double IdleWarningSecondsLeft(const AppState& state, double now);

// The "Still there?" warning over everything, during the last 10 s; any input cancels it.
void DrawIdleWarning(AppState& state, Ui& ui);

// A new customer: every screen's state, the route, the language and everything typed are gone
// (AppState is re-created), answers still in flight are dropped, the host forgets the customer,
// and the attract screen shows. The outbox keeps unsent submissions.
void ResetKioskSession(AppState& state, Host& host);

} // namespace aftercare::portal
