// The returns screen's pieces, shared by its files only: requests (returns_flow.cpp), the draft on
// the device (returns_draft.cpp), the steps (returns_steps.cpp) and the receipt (returns_done.cpp).
#pragma once

#include "screens/returns.h"

#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;
struct Ui;
class Host;

// --- returns_flow.cpp -----------------------------------------------------------------------
// Checks the order fields with core's rules, then asks the server for the order's items.
void LookUpOrder(AppState& state);
// Asks the server's rules about both remedies for the chosen item and reason.
void CheckEligibility(AppState& state);
// Validates the request with core's rules and creates the return/exchange ticket.
void SubmitReturn(AppState& state, Ui& ui);
// Back to a step, dropping what depended on the steps after it.
void GoToStep(AppState& state, ReturnsStep step);

// An item's identity within its order (its serial; the model when it has none).
std::string ItemKey(const api::OrderItem& item);
const api::OrderItem* ChosenItem(const ReturnsState& returns);
// The verdict for a remedy (Refund or Exchange), if it has arrived.
const core::ReturnsDecision* DecisionFor(const ReturnsState& returns, core::Remedy remedy);

// String-table keys, literal so that the i18n check sees them.
const char* ReasonKey(core::ReturnReason reason);
const char* RuleKey(core::ReturnsRule rule);

// --- returns_draft.cpp ----------------------------------------------------------------------
void LoadReturnsDraft(AppState& state, Host& host);
void SaveReturnsDraft(AppState& state, Host& host);  // writes only when something changed
void ClearReturnsDraft(AppState& state, Host& host);

// --- returns_steps.cpp ----------------------------------------------------------------------
void DrawOrderStep(AppState& state, Ui& ui);
void DrawItemStep(AppState& state, Ui& ui);
void DrawVerdictStep(AppState& state, Ui& ui);
void DrawRequestStep(AppState& state, Ui& ui);

// --- returns_done.cpp -----------------------------------------------------------------------
void DrawReturnsDone(AppState& state, Ui& ui);

// The message of a field, or empty.
std::string_view FieldError(const ReturnsState& returns, const std::string& field);

} // namespace aftercare::portal
