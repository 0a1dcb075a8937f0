// Questions (#/ask): a topic, the question, the product model if it is about one, and contact
// details → a consultation ticket, its service number and when we answer by (the policy's
// consultation_answer_hours on the server's SLA clock).
#pragma once

#include "net/remote.h"
#include "screens/notify_choice.h"

#include "api/customer_wire.h"

#include <map>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// What the customer typed: saved on the device as it changes, so a reload keeps it.
struct ConsultationDraft {
    std::string topic;  // a kTopics id (consultation.cpp), empty until chosen
    std::string question;
    std::string model;  // the product it is about; optional
    std::string name;
    std::string phone;
    std::string email;    // optional
    NotifyChoice notify;  // "notify me by", for the channels the server has
};

struct ConsultationState {
    bool draft_loaded = false;
    std::string saved_draft;
    ConsultationDraft draft;
    std::map<std::string, std::string> errors;  // field → message, shown next to the field
    Remote<api::CreateTicketResponse> submitted;
    std::string idempotency_key;  // one per submission attempt, reused on retry
    double copied_at = 0;
    bool receipt_shown = false;
};

void DrawConsultation(AppState& state, Ui& ui);

} // namespace aftercare::portal
