// The returns screen's requests: order lookup, eligibility for both remedies, and the ticket.
#include "screens/returns_parts.h"

#include "app.h"
#include "embed.h"
#include "net/customer_requests.h"
#include "screens/ticket_tokens.h"
#include "widgets/feedback.h"

#include "core/service_number.h"
#include "core/validation.h"

namespace aftercare::portal {
namespace {

std::string Tr(const AppState& state, const core::LocalizedText& text) { return Localized(text, state.language); }

std::string PhoneLast4(const std::string& normalized_phone) {
    return normalized_phone.size() >= 4 ? normalized_phone.substr(normalized_phone.size() - 4) : std::string();
}

// Field errors from the server go next to the field that caused them; an error about a field this
// screen does not show goes to `fallback`.
void PutFieldError(AppState& state, const ApiError& error, const std::string& fallback) {
    static constexpr std::pair<std::string_view, std::string_view> kFields[] = {
        {"order_number", "order_number"}, {"product.order_number", "order_number"},
        {"phone", "phone"},               {"customer.phone", "phone"},
        {"customer.name", "name"},        {"address", "address"},
        {"customer.email", "email"},      {"notify_by", "email"},
        {"description", "note"},
    };
    std::string field = fallback;
    for (const auto& [wire, shown] : kFields) {
        if (error.field == wire) field = std::string(shown);
    }
    state.returns.errors[field] = DescribeError(state.strings, state.language, error);
}

void EvaluateRemedy(AppState& state, core::Remedy remedy) {
    ReturnsState& r = state.returns;
    Remote<core::ReturnsDecision>& slot = remedy == core::Remedy::Refund ? r.refund : r.exchange;
    const api::OrderLookupResponse& order = *r.order.value;
    api::ReturnsEligibilityRequest request;
    request.reason = *r.draft.reason;
    request.wanted = remedy;
    request.delivered_at = order.delivered_at.value_or(0);
    request.purchase_date = order.purchase_date;
    request.item_intact = r.draft.item_intact || *r.draft.reason != core::ReturnReason::NoReason;
    request.order_number = order.order_number;
    auto phone = core::NormalizePhone(r.draft.phone);
    request.phone_last4 = phone ? PhoneLast4(phone.Value()) : std::string();
    slot.StartLoading();
    // The answer belongs to the question asked: a later change of reason starts a new one.
    const auto asked = r.draft.reason;
    requests::CheckReturnEligibility(
        state.api, request,
        [&state, remedy, asked](core::ReturnsDecision decision) {
            ReturnsState& now = state.returns;
            if (now.draft.reason != asked) return;
            (remedy == core::Remedy::Refund ? now.refund : now.exchange).Succeed(std::move(decision));
        },
        [&state, remedy, asked](ApiError error) {
            ReturnsState& now = state.returns;
            if (now.draft.reason != asked) return;
            (remedy == core::Remedy::Refund ? now.refund : now.exchange).Fail(std::move(error));
        });
}

} // namespace

std::string ItemKey(const api::OrderItem& item) { return item.serial.empty() ? item.model : item.serial; }

const api::OrderItem* ChosenItem(const ReturnsState& returns) {
    if (!returns.order.IsLoaded()) return nullptr;
    for (const api::OrderItem& item : returns.order.value->items) {
        if (ItemKey(item) == returns.draft.item) return &item;
    }
    return nullptr;
}

const core::ReturnsDecision* DecisionFor(const ReturnsState& returns, core::Remedy remedy) {
    const Remote<core::ReturnsDecision>& slot = remedy == core::Remedy::Refund ? returns.refund : returns.exchange;
    return slot.IsLoaded() ? &*slot.value : nullptr;
}

std::string_view FieldError(const ReturnsState& returns, const std::string& field) {
    const auto it = returns.errors.find(field);
    return it == returns.errors.end() ? std::string_view() : std::string_view(it->second);
}

const char* ReasonKey(core::ReturnReason reason) {
    switch (reason) {
    case core::ReturnReason::NoReason: return "returns.reason.no_reason";
    case core::ReturnReason::DeadOnArrival: return "returns.reason.dead_on_arrival";
    case core::ReturnReason::QualityProblem: return "returns.reason.quality_problem";
    case core::ReturnReason::WrongItem: return "returns.reason.wrong_item";
    }
    return "returns.reason.no_reason";
}

const char* RuleKey(core::ReturnsRule rule) {
    switch (rule) {
    case core::ReturnsRule::NoReasonWindow: return "returns.rule.no_reason_window";
    case core::ReturnsRule::DeadOnArrival: return "returns.rule.dead_on_arrival";
    case core::ReturnsRule::QualityInWarranty: return "returns.rule.quality_in_warranty";
    case core::ReturnsRule::WrongItem: return "returns.rule.wrong_item";
    case core::ReturnsRule::NotDelivered: return "returns.rule.not_delivered";
    case core::ReturnsRule::ItemNotIntact: return "returns.rule.item_not_intact";
    case core::ReturnsRule::WindowExpired: return "returns.rule.window_expired";
    case core::ReturnsRule::OutOfWarranty: return "returns.rule.out_of_warranty";
    }
    return "returns.rule.window_expired";
}

void GoToStep(AppState& state, ReturnsStep step) {
    ReturnsState& r = state.returns;
    r.errors.clear();
    if (step <= ReturnsStep::Order) r.order.Reset();
    if (step <= ReturnsStep::Item) {
        r.refund.Reset();
        r.exchange.Reset();
    }
    if (step <= ReturnsStep::Request) r.submitted.Reset();
    r.draft.step = step;
}

void LookUpOrder(AppState& state) {
    ReturnsState& r = state.returns;
    r.errors.clear();
    if (auto error = core::CheckOrderNumber(r.draft.order_number)) r.errors["order_number"] = Tr(state, error->message);
    if (auto phone = core::NormalizePhone(r.draft.phone); !phone) r.errors["phone"] = Tr(state, phone.GetError().message);
    if (!r.errors.empty()) return;

    r.order.StartLoading();
    const api::OrderLookupRequest request{r.draft.order_number, r.draft.phone};
    requests::LookUpOrder(
        state.api, request,
        [&state](api::OrderLookupResponse order) {
            ReturnsState& now = state.returns;
            // A draft restored after a reload keeps its choice if the item is still on the order.
            bool still_there = false;
            for (const api::OrderItem& item : order.items) still_there |= ItemKey(item) == now.draft.item;
            if (!still_there) now.draft.item = order.items.size() == 1 ? ItemKey(order.items.front()) : std::string();
            now.order.Succeed(std::move(order));
            if (now.draft.step == ReturnsStep::Order) now.draft.step = ReturnsStep::Item;
        },
        [&state](ApiError error) {
            ReturnsState& now = state.returns;
            const bool about_input = error.kind == ApiError::Kind::NotFound ||
                                     (error.kind == ApiError::Kind::Rejected && !error.field.empty());
            if (!about_input) {
                now.order.Fail(std::move(error));
                return;
            }
            // The order and phone are wrong: back to the first step, the message next to the field.
            GoToStep(state, ReturnsStep::Order);
            PutFieldError(state, error, "order_number");
        });
}

void CheckEligibility(AppState& state) {
    ReturnsState& r = state.returns;
    r.errors.clear();
    if (ChosenItem(r) == nullptr) r.errors["item"] = state.Tr("returns.item.required");
    if (!r.draft.reason) r.errors["reason"] = state.Tr("returns.reason.required");
    if (!r.errors.empty() || !r.order.IsLoaded()) return;
    r.draft.step = ReturnsStep::Verdict;
    EvaluateRemedy(state, core::Remedy::Refund);
    EvaluateRemedy(state, core::Remedy::Exchange);
}

void SubmitReturn(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    const api::OrderItem* item = ChosenItem(r);
    if (item == nullptr || !r.order.IsLoaded() || !r.draft.reason) return;
    r.errors.clear();
    const bool exchange = r.draft.remedy == core::Remedy::Exchange;
    if (!r.draft.remedy) r.errors["remedy"] = state.Tr("returns.remedy.required");
    if (exchange && r.draft.address.find_first_not_of(" \t") == std::string::npos) {
        r.errors["address"] = state.Tr("returns.address.required");
    }

    const api::OrderLookupResponse& order = *r.order.value;
    core::TicketDraft draft;
    draft.kind = exchange ? core::TicketKind::Exchange : core::TicketKind::Return;
    draft.customer.name = r.draft.name;
    draft.customer.phone = r.draft.phone;
    draft.customer.email = r.draft.email;
    draft.product.model = item->model;
    draft.product.serial = item->serial;
    draft.product.order_number = order.order_number;
    draft.product.purchase_date = order.purchase_date;
    draft.product.delivered_at = order.delivered_at;
    const std::string& remedy_label = state.Tr(exchange ? "returns.remedy.exchange" : "returns.remedy.refund");
    draft.subject = state.strings.Format(state.language, "returns.ticket.subject",
                                         {{"remedy", remedy_label}, {"model", item->model}});
    const bool no_reason = *r.draft.reason == core::ReturnReason::NoReason;
    draft.description = state.strings.Format(
        state.language, "returns.ticket.description",
        {{"reason", state.Tr(ReasonKey(*r.draft.reason))},
         {"condition", no_reason ? state.Tr(r.draft.item_intact ? "returns.intact.yes" : "returns.intact.no")
                                 : state.Tr("returns.intact.defect")}});
    if (!r.draft.note.empty()) draft.description += "\n" + r.draft.note;
    if (exchange) draft.address = r.draft.address;
    draft.return_reason = r.draft.reason;
    draft.utc_offset_minutes = ui.host.UtcOffsetMinutes();
    ApplyNotifyChoice(state, r.draft.notify, draft);

    // The same rules the server applies, before anything is sent.
    core::TicketDraft checked = draft;
    for (const core::Error& error : core::ValidateTicketDraft(checked, static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()))) {
        ApiError as_api;
        as_api.kind = ApiError::Kind::Rejected;
        as_api.field = error.field;
        as_api.message = error.message;
        PutFieldError(state, as_api, "form");
    }
    if (!r.errors.empty()) return;

    r.submitted.StartLoading();
    draft.channel = SelfServiceChannel(state);
    requests::CreateTicket(
        state.api, ui.host, r.idempotency_key, api::CreateTicketRequest{std::move(draft)},
        // The host outlives the page's state; the frame's Ui does not, so it is not captured.
        [&state, &host = ui.host](api::CreateTicketResponse created) {
            KeepCreatedTicketToken(host, created);
            NotifyTicketCreated(host, created);
            ReturnsState& now = state.returns;
            now.submitted.Succeed(std::move(created));
            now.draft.step = ReturnsStep::Done;
            ClearReturnsDraft(state, host);
        },
        [&state](ApiError error) {
            ReturnsState& now = state.returns;
            const bool about_field = error.kind == ApiError::Kind::Rejected &&
                                     (error.field == "customer.name" || error.field == "customer.email" ||
                                      error.field == "address" ||
                                      error.field == "description");
            if (about_field) {
                now.submitted.Reset();
                PutFieldError(state, error, "form");
                return;
            }
            now.submitted.Fail(std::move(error));
        });
}

} // namespace aftercare::portal
