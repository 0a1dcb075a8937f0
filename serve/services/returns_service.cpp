// Returns eligibility: store look-ups around core::EvaluateReturn.
#include "services/returns_service.hpp"

#include "core/returns.h"
#include "core/validation.h"
#include "services/domain_error.hpp"

namespace aftercare::serve::returns {
namespace {

// Unknown order and wrong phone answer identically, so the endpoint cannot be used to discover
// which order numbers exist.
DomainError OrderNotFound(const std::string& field) {
    return DomainError(ErrorKind::NotFound, "order_not_found", "没有找到与该手机号匹配的订单",
                       "No order matches this order number and phone.", field);
}

// Every check of an order's phone reserves a guess at the order number (kept as typed: order
// numbers are case-sensitive) from the same budgets as ticket lookups, so guessing an order's phone
// is impractical through any of the three doors (order lookup, eligibility, return ticket). A right
// phone gives its guess back.
GuessBudget::Reservation ReserveOrderGuess(Services& services, const std::string& order_number,
                                           const std::string& client) {
    int wait = 0;
    auto reservation = services.guesses.Reserve("order:" + order_number, client, wait);
    if (!reservation) {
        DomainError error(ErrorKind::RateLimited, "rate_limited", "该订单查询失败次数过多，请稍后再试",
                          "Too many failed lookups for this order; try again later.");
        error.retry_after_seconds = wait;
        throw error;
    }
    return *reservation;
}

DomainError Refused(const core::ReturnsDecision& decision) {
    return DomainError(ErrorKind::InvalidValue, "returns_not_eligible", decision.reason.zh,
                       decision.reason.en, "return_reason");
}

}  // namespace

core::ReturnsDecision Eligibility(Services& services, const api::ReturnsEligibilityRequest& request,
                                  const std::string& client) {
    const std::string& phone_last4 = request.phone_last4;
    const std::int64_t now = services.now();
    core::ReturnsQuery query = api::ToReturnsQuery(request, now);
    if (!request.order_number.empty()) {
        if (auto error = core::CheckOrderNumber(request.order_number)) throw DomainError(*error);
        if (auto error = core::CheckPhoneLast4(phone_last4)) throw DomainError(*error);
        const auto guess = ReserveOrderGuess(services, request.order_number, client);
        auto order = services.store.FindOrder(request.order_number);
        if (!order || !core::PhoneLast4Matches(order->phone, phone_last4)) throw OrderNotFound("order_number");
        services.guesses.Correct(guess);
        if (!order->delivered_at)
            throw DomainError(ErrorKind::InvalidValue, "not_delivered", "该订单尚未签收",
                              "This order has not been delivered yet.", "order_number");
        query.delivered_at = *order->delivered_at;
        if (order->purchase_date) query.warranty_start = order->purchase_date;
    }
    if (auto errors = core::ValidateReturnsQuery(query); !errors.empty())
        throw DomainError(std::move(errors));
    return core::EvaluateReturn(query, *services.Policy());
}

api::OrderLookupResponse LookupOrder(Services& services, const api::OrderLookupRequest& request,
                                     const std::string& client) {
    core::FieldErrors errors;
    if (auto error = core::CheckOrderNumber(request.order_number)) errors.push_back(std::move(*error));
    auto phone = core::NormalizePhone(request.phone);
    if (!phone) errors.push_back(phone.GetError());
    if (!errors.empty()) throw DomainError(std::move(errors));

    const auto guess = ReserveOrderGuess(services, request.order_number, client);
    auto order = services.store.FindOrder(request.order_number);
    if (!order || order->phone != phone.Value()) throw OrderNotFound("order_number");
    services.guesses.Correct(guess);

    api::OrderLookupResponse response;
    response.order_number = order->order_number;
    response.phone_masked = api::MaskPhone(order->phone);
    response.purchase_date = order->purchase_date;
    response.delivered_at = order->delivered_at;
    // The store keeps one unit per order today; the wire carries a list so multi-item orders fit.
    response.items.push_back(api::OrderItem{order->model, order->serial});
    return response;
}

core::ReturnsDecision VerifyReturnTicket(Services& services, core::TicketDraft& draft, std::int64_t now,
                                         const std::string& client) {
    auto& product = draft.product;
    if (product.order_number.empty())
        throw DomainError(ErrorKind::InvalidValue, "required", "退换货需要填写订单号",
                          "Returns and exchanges need the order number.", "product.order_number");
    auto phone = core::NormalizePhone(draft.customer.phone, "customer.phone");
    if (!phone) throw DomainError(phone.GetError());
    if (auto error = core::CheckOrderNumber(product.order_number, "product.order_number"))
        throw DomainError(*error);
    // Creating a return confirms that an order belongs to a phone, so it is a guess like a lookup.
    const auto guess = ReserveOrderGuess(services, product.order_number, client);
    auto order = services.store.FindOrder(product.order_number);
    if (!order || order->phone != phone.Value()) throw OrderNotFound("product.order_number");
    services.guesses.Correct(guess);
    if (!order->delivered_at)
        throw DomainError(ErrorKind::InvalidValue, "not_delivered", "该订单尚未签收",
                          "This order has not been delivered yet.", "product.order_number");
    // The order is the source of truth for its dates and item.
    product.delivered_at = order->delivered_at;
    if (order->purchase_date) product.purchase_date = order->purchase_date;
    if (product.model.empty()) product.model = order->model;
    if (product.serial.empty()) product.serial = order->serial;

    core::ReturnsQuery query;
    query.reason = draft.return_reason.value_or(core::ReturnReason::NoReason);
    query.wanted = draft.kind == core::TicketKind::Exchange ? core::Remedy::Exchange : core::Remedy::Refund;
    query.delivered_at = *order->delivered_at;
    query.now = now;
    query.customer_utc_offset_minutes = draft.utc_offset_minutes;
    query.warranty_start = product.purchase_date;
    auto decision = core::EvaluateReturn(query, *services.Policy());
    if (!decision.granted) throw Refused(decision);
    return decision;
}

}  // namespace aftercare::serve::returns
