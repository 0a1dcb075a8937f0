// Returns/exchange eligibility by order number + phone, the order's items, and the order check behind a return ticket.
#pragma once

#include <string>

#include "api/customer_wire.h"
#include "services/services.hpp"

namespace aftercare::serve::returns {

// With an order number, the order's delivery and purchase dates are used (the caller proves the
// order is theirs with the phone's last four digits); without one, the request's own dates are
// evaluated, which is a calculator and grants nothing by itself.
core::ReturnsDecision Eligibility(Services& services, const api::ReturnsEligibilityRequest& request,
                                  const std::string& client);

// The order's dates and items for the returns flow. An unknown order and a wrong phone answer the
// same 404, and every phone check is reserved from the order number's guess budget (like ticket lookup),
// so the endpoint cannot be used to enumerate orders or guess their phones.
api::OrderLookupResponse LookupOrder(Services& services, const api::OrderLookupRequest& request,
                                     const std::string& client);

// For a return/exchange ticket: the order must exist and belong to the draft's phone; its dates
// replace whatever the draft claimed; a refusal is a 422 that carries core's reason. The phone check
// is charged to the order's guess budget like a lookup from `client`.
core::ReturnsDecision VerifyReturnTicket(Services& services, core::TicketDraft& draft, std::int64_t now,
                                         const std::string& client);

}  // namespace aftercare::serve::returns
