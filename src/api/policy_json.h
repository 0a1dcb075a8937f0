// Vendor policy <-> JSON (assets/policy.json), with range validation that names the bad field.
#pragma once

#include "api/wire_reader.h"
#include "core/policy.h"

#include <string>
#include <string_view>

namespace aftercare::core {

AFTERCARE_WIRE_TYPE(DailyHours);
AFTERCARE_WIRE_TYPE(ServiceHours);
AFTERCARE_WIRE_TYPE(ClockBases);
AFTERCARE_WIRE_TYPE(PrioritySla);
AFTERCARE_WIRE_TYPE(EscalationStep);
AFTERCARE_WIRE_TYPE(SlaPolicy);
AFTERCARE_WIRE_TYPE(WarrantyPolicy);
AFTERCARE_WIRE_TYPE(ReturnsPolicy);
AFTERCARE_WIRE_TYPE(TicketPolicy);
AFTERCARE_WIRE_TYPE(SatisfactionPolicy);
AFTERCARE_WIRE_TYPE(CalendarPolicy);
AFTERCARE_WIRE_TYPE(KioskPolicy);
AFTERCARE_WIRE_TYPE(FollowUpPolicy);
AFTERCARE_WIRE_TYPE(ContactPolicy);
AFTERCARE_WIRE_TYPE(Policy);

void to_json(::aftercare::api::Json& json_value, ResolutionClockStart value);
void from_json(const ::aftercare::api::Json& json_value, ResolutionClockStart& value);
bool FromString(std::string_view text, ResolutionClockStart& out);
std::string_view ToString(ResolutionClockStart value);
void to_json(::aftercare::api::Json& json_value, ClockBasis value);
void from_json(const ::aftercare::api::Json& json_value, ClockBasis& value);
bool FromString(std::string_view text, ClockBasis& out);
std::string_view ToString(ClockBasis value);

} // namespace aftercare::core

namespace aftercare::api {

// Every section and number is optional in the file and defaults to the standard document's value,
// so a vendor only writes what differs; present values must have the right type and pass
// core::ValidatePolicy() (error field = JSON path, e.g. "sla.urgent.resolution_minutes").
core::Result<core::Policy> ParsePolicy(std::string_view json_text);
core::Result<core::Policy> PolicyFromJson(const Json& value);
std::string SerializePolicy(const core::Policy& policy); // pretty-printed, every field written

// Which outbound channels this server has (flags --smtp-url, --sms-provider): facts, never settings
// or secrets. The portal promises a text message or an e-mail only when the channel exists.
struct Channels {
    bool sms = false;
    bool email = false;
    bool operator==(const Channels&) const = default;
};

// GET /api/v1/policy: the vendor's policy (its fields, flat, as in assets/policy.json) and this
// server's channels beside it. Not the admin's document: `channels` cannot be saved into a policy.
struct PortalPolicy {
    core::Policy policy;
    Channels channels;
    bool operator==(const PortalPolicy&) const = default;
};

AFTERCARE_WIRE_TYPE(Channels);
AFTERCARE_WIRE_TYPE(PortalPolicy);

} // namespace aftercare::api
