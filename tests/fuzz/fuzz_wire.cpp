// Fuzz target: a request body as the server reads it — JSON, then each request type's WireReader,
// then core's validation of a ticket draft. Must never crash, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/customer_wire.h"
#include "api/policy_json.h"
#include "api/staff_wire.h"
#include "api/wire_reader.h"
#include "core/validation.h"

using namespace aftercare;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    api::Json json;
    try {
        // As the server parses: depth bounded (the parser is recursive), exceptions for bad JSON.
        json = api::Json::parse(text, [](int depth, api::Json::parse_event_t, api::Json&) { return depth <= 16; });
    } catch (const api::Json::exception&) {
        return 0;
    }
    (void)api::FromJson<api::LookupRequest>(json);
    (void)api::FromJson<api::MessageRequest>(json);
    (void)api::FromJson<api::WarrantyLookupRequest>(json);
    (void)api::FromJson<api::ReturnsEligibilityRequest>(json);
    (void)api::FromJson<api::OrderLookupRequest>(json);
    (void)api::FromJson<api::StaffLoginRequest>(json);
    (void)api::FromJson<api::TransitionRequestWire>(json);
    (void)api::FromJson<core::Rating>(json);
    if (auto draft = api::FromJson<api::CreateTicketRequest>(json)) {
        core::TicketDraft ticket = draft.Value().ticket;
        (void)core::ValidateTicketDraft(ticket, 1'800'000'000);
    }
    (void)api::ParsePolicy(text);
    return 0;
}
