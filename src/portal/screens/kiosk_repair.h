// Quick repair (#/kiosk-repair): the kiosk's repair request, one question per screen — phone,
// serial (optional), what is wrong, name — then a review and the submission through the outbox,
// so a request made while the network is down is kept and sent when it returns.
#pragma once

#include <cstdint>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct KioskRepairState {
    enum class Step { Phone, Serial, Problem, Name, Review, Submitted };
    Step step = Step::Phone;
    std::string phone, serial, description, name;
    std::string error;            // the current step's problem, in the UI language
    std::string idempotency_key;  // one per submission attempt, reused by the outbox's retries
    std::uint64_t submission = 0; // the outbox item once submitted
};

void DrawKioskRepair(AppState& state, Ui& ui);

} // namespace aftercare::portal
