// Policy <-> JSON: every field optional with the document's default, every present value checked.
#include "api/policy_json.h"

#include "api/core_json.h"
#include "api/json_write.h"

#include <array>
#include <cstdio>
#include <optional>

namespace aftercare::core {

using api::Json;
using api::WireReader;
using api::detail::Object;

std::string_view ToString(ResolutionClockStart value) {
    switch (value) {
    case ResolutionClockStart::WorkStarted: return "work_started";
    case ResolutionClockStart::BookedVisit: return "booked_visit";
    case ResolutionClockStart::Submitted: break;
    }
    return "submitted";
}

bool FromString(std::string_view text, ResolutionClockStart& out) {
    if (text == "submitted") {
        out = ResolutionClockStart::Submitted;
        return true;
    }
    if (text == "work_started") {
        out = ResolutionClockStart::WorkStarted;
        return true;
    }
    if (text == "booked_visit") {
        out = ResolutionClockStart::BookedVisit;
        return true;
    }
    return false;
}

void to_json(Json& json_value, ResolutionClockStart value) { json_value = std::string(ToString(value)); }
void from_json(const Json& json_value, ResolutionClockStart& value) { api::ReadOrThrow(json_value, value); }

std::string_view ToString(ClockBasis value) { return value == ClockBasis::Elapsed ? "elapsed" : "service_hours"; }

bool FromString(std::string_view text, ClockBasis& out) {
    if (text == "service_hours") {
        out = ClockBasis::ServiceHours;
        return true;
    }
    if (text == "elapsed") {
        out = ClockBasis::Elapsed;
        return true;
    }
    return false;
}

void to_json(Json& json_value, ClockBasis value) { json_value = std::string(ToString(value)); }
void from_json(const Json& json_value, ClockBasis& value) { api::ReadOrThrow(json_value, value); }

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { api::ReadOrThrow(json_value, value); }

namespace {

// "HH:MM", 00:00..24:00 (24:00 = the end of the day, for a closing time).
std::optional<int> ParseClockTime(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (int index : {0, 1, 3, 4}) {
        if (text[index] < '0' || text[index] > '9') return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

void ReadClockTime(WireReader& reader, std::string_view key, int& minute) {
    std::string text = core::FormatMinuteOfDay(minute);
    reader.Required(key, text);
    if (reader.Failed()) return;
    if (const auto parsed = ParseClockTime(text)) {
        minute = *parsed;
    } else {
        reader.Fail(key, "invalid_value", reader.PathOf(key) + ": expected a time of day \"HH:MM\" (00:00..24:00), got \"" + text + "\"");
    }
}

const char* const kWeekdayKeys[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

} // namespace

void to_json(Json& json_value, const DailyHours& value) {
    json_value = Object({{"open", core::FormatMinuteOfDay(value.open_minute)},
                         {"close", core::FormatMinuteOfDay(value.close_minute)}});
}
void ReadFields(WireReader& reader, DailyHours& value) {
    ReadClockTime(reader, "open", value.open_minute);
    ReadClockTime(reader, "close", value.close_minute);
}
AFTERCARE_FROM_JSON(DailyHours)

void to_json(Json& json_value, const ServiceHours& value) {
    Json weekly = Json::object();
    for (int day = 0; day < 7; ++day) weekly[kWeekdayKeys[day]] = value.weekly[day] ? Json(*value.weekly[day]) : Json(nullptr);
    json_value = Object({{"mode", value.round_the_clock ? "7x24" : "weekly"},
                         {"weekly", std::move(weekly)},
                         {"makeup_workday", value.makeup_workday}});
}

namespace {

// The week is its own object so each day reads with its path ("service_hours.weekly.monday");
// null closes the day, unlike elsewhere where null means absent.
struct WeeklyHours {
    std::array<std::optional<DailyHours>, 7> days = ServiceHours{}.weekly;
};

void ReadFields(WireReader& reader, WeeklyHours& value) {
    for (int day = 0; day < 7; ++day) {
        const auto found = reader.Object().find(kWeekdayKeys[day]);
        if (found != reader.Object().end() && found->is_null()) {
            value.days[day].reset();
            continue;
        }
        // Read as an optional so the schema says "object or null".
        std::optional<DailyHours> hours = value.days[day];
        if (found != reader.Object().end() && !hours) hours = DailyHours{}; // a closed day opened: both times required
        reader.Optional(kWeekdayKeys[day], hours);
        value.days[day] = hours;
    }
}

} // namespace

void ReadFields(WireReader& reader, ServiceHours& value) {
    std::string mode = value.round_the_clock ? "7x24" : "weekly";
    reader.Optional("mode", mode);
    if (mode == "7x24") {
        value.round_the_clock = true;
    } else if (mode == "weekly") {
        value.round_the_clock = false;
    } else {
        reader.Fail("mode", "invalid_value", reader.PathOf("mode") + ": expected \"7x24\" or \"weekly\", got \"" + mode + "\"");
    }
    WeeklyHours weekly{value.weekly};
    reader.Optional("weekly", weekly);
    value.weekly = weekly.days;
    reader.Optional("makeup_workday", value.makeup_workday);
}
AFTERCARE_FROM_JSON(ServiceHours)

void to_json(Json& json_value, const ClockBases& value) {
    json_value = Object({{"first_response", value.first_response},
                         {"dispatch", value.dispatch},
                         {"arrival", value.arrival},
                         {"resolution", value.resolution},
                         {"consultation_answer", value.consultation_answer},
                         {"returns_resolution", value.returns_resolution}});
}
void ReadFields(WireReader& reader, ClockBases& value) {
    reader.Optional("first_response", value.first_response);
    reader.Optional("dispatch", value.dispatch);
    reader.Optional("arrival", value.arrival);
    reader.Optional("resolution", value.resolution);
    reader.Optional("consultation_answer", value.consultation_answer);
    reader.Optional("returns_resolution", value.returns_resolution);
}
AFTERCARE_FROM_JSON(ClockBases)

namespace {

// A number where null means "none" (minutes, hours or days).
Json Nullable(const std::optional<int>& minutes) { return minutes ? Json(*minutes) : Json(nullptr); }

// Here null is meaningful (dispatch "at a time agreed with the customer", no arrival promise of the
// priority's own, no per-ticket returns deadline, no day limit on a DOA exchange or a wrong-item
// refund), unlike elsewhere where it means absent: null clears the default, absence keeps it.
void ReadNullable(WireReader& reader, const char* key, std::optional<int>& minutes) {
    if (auto found = reader.Object().find(key); found != reader.Object().end() && found->is_null()) {
        minutes.reset();
    } else {
        reader.Optional(key, minutes);
    }
}

} // namespace

void to_json(Json& json_value, const PrioritySla& value) {
    json_value = Object({{"first_response_minutes", value.first_response_minutes},
                         {"dispatch_minutes", Nullable(value.dispatch_minutes)},
                         {"arrival_minutes", Nullable(value.arrival_minutes)},
                         {"resolution_minutes", value.resolution_minutes},
                         {"resolution_from", value.resolution_from}});
}
void ReadFields(WireReader& reader, PrioritySla& value) {
    reader.Optional("first_response_minutes", value.first_response_minutes);
    ReadNullable(reader, "dispatch_minutes", value.dispatch_minutes);
    ReadNullable(reader, "arrival_minutes", value.arrival_minutes);
    reader.Optional("resolution_minutes", value.resolution_minutes);
    reader.Optional("resolution_from", value.resolution_from);
}
AFTERCARE_FROM_JSON(PrioritySla)

void to_json(Json& json_value, const EscalationStep& value) {
    json_value = Object({{"level", value.level},
                         {"overdue_percent", value.overdue_percent},
                         {"notify_roles", value.notify_roles}});
}
void ReadFields(WireReader& reader, EscalationStep& value) {
    reader.Required("level", value.level);
    reader.Required("overdue_percent", value.overdue_percent);
    reader.Optional("notify_roles", value.notify_roles);
}
AFTERCARE_FROM_JSON(EscalationStep)

void to_json(Json& json_value, const SlaPolicy& value) {
    json_value = Object({{"general", value.general},
                         {"serious", value.serious},
                         {"urgent", value.urgent},
                         {"escalation", value.escalation},
                         {"complaint_answer_working_days", value.complaint_answer_working_days},
                         {"consultation_answer_hours", value.consultation_answer_hours},
                         {"average_resolution_hours", value.average_resolution_hours},
                         {"returns_resolution_hours", Nullable(value.returns_resolution_hours)},
                         {"arrival_in_warranty_hours", value.arrival_in_warranty_hours},
                         {"arrival_out_of_warranty_hours", value.arrival_out_of_warranty_hours},
                         {"basis", value.basis}});
}
void ReadFields(WireReader& reader, SlaPolicy& value) {
    reader.Optional("general", value.general);
    reader.Optional("serious", value.serious);
    reader.Optional("urgent", value.urgent);
    reader.Optional("escalation", value.escalation);
    reader.Optional("complaint_answer_working_days", value.complaint_answer_working_days);
    reader.Optional("consultation_answer_hours", value.consultation_answer_hours);
    reader.Optional("average_resolution_hours", value.average_resolution_hours);
    ReadNullable(reader, "returns_resolution_hours", value.returns_resolution_hours);
    reader.Optional("arrival_in_warranty_hours", value.arrival_in_warranty_hours);
    reader.Optional("arrival_out_of_warranty_hours", value.arrival_out_of_warranty_hours);
    reader.Optional("basis", value.basis);
}
AFTERCARE_FROM_JSON(SlaPolicy)

void to_json(Json& json_value, const WarrantyPolicy& value) {
    json_value = Object({{"months", value.months},
                         {"key_parts", value.key_parts},
                         {"key_part_months", value.key_part_months},
                         {"out_of_warranty_labour_free", value.out_of_warranty_labour_free},
                         {"labour_fee_fen", value.labour_fee_fen},
                         {"on_site_fee_fen", value.on_site_fee_fen},
                         {"spare_part_in_stock_hours", value.spare_part_in_stock_hours},
                         {"spare_part_ship_hours", value.spare_part_ship_hours}});
}
void ReadFields(WireReader& reader, WarrantyPolicy& value) {
    reader.Optional("months", value.months);
    reader.Optional("key_parts", value.key_parts);
    reader.Optional("key_part_months", value.key_part_months);
    reader.Optional("out_of_warranty_labour_free", value.out_of_warranty_labour_free);
    reader.Optional("labour_fee_fen", value.labour_fee_fen);
    reader.Optional("on_site_fee_fen", value.on_site_fee_fen);
    reader.Optional("spare_part_in_stock_hours", value.spare_part_in_stock_hours);
    reader.Optional("spare_part_ship_hours", value.spare_part_ship_hours);
}
AFTERCARE_FROM_JSON(WarrantyPolicy)

void to_json(Json& json_value, const ReturnsPolicy& value) {
    json_value = Object({{"no_reason_days", value.no_reason_days},
                         {"dead_on_arrival_days", Nullable(value.dead_on_arrival_days)},
                         {"wrong_item_days", Nullable(value.wrong_item_days)},
                         {"ship_back_days", value.ship_back_days}});
}
void ReadFields(WireReader& reader, ReturnsPolicy& value) {
    reader.Optional("no_reason_days", value.no_reason_days);
    ReadNullable(reader, "dead_on_arrival_days", value.dead_on_arrival_days);
    ReadNullable(reader, "wrong_item_days", value.wrong_item_days);
    reader.Optional("ship_back_days", value.ship_back_days);
}
AFTERCARE_FROM_JSON(ReturnsPolicy)

void to_json(Json& json_value, const TicketPolicy& value) {
    json_value = Object({{"reopen_window_days", value.reopen_window_days},
                         {"repeat_repair_days", value.repeat_repair_days},
                         {"customer_access_days_after_close", value.customer_access_days_after_close},
                         {"max_attachments", value.max_attachments},
                         {"max_attachment_bytes", value.max_attachment_bytes},
                         {"attachment_types", value.attachment_types}});
}
void ReadFields(WireReader& reader, TicketPolicy& value) {
    reader.Optional("reopen_window_days", value.reopen_window_days);
    reader.Optional("repeat_repair_days", value.repeat_repair_days);
    reader.Optional("customer_access_days_after_close", value.customer_access_days_after_close);
    reader.Optional("max_attachments", value.max_attachments);
    reader.Optional("max_attachment_bytes", value.max_attachment_bytes);
    reader.Optional("attachment_types", value.attachment_types);
}
AFTERCARE_FROM_JSON(TicketPolicy)

void to_json(Json& json_value, const SatisfactionPolicy& value) {
    json_value =
        Object({{"satisfied_min_stars", value.satisfied_min_stars}, {"target_rate", value.target_rate}});
}
void ReadFields(WireReader& reader, SatisfactionPolicy& value) {
    reader.Optional("satisfied_min_stars", value.satisfied_min_stars);
    reader.Optional("target_rate", value.target_rate);
}
AFTERCARE_FROM_JSON(SatisfactionPolicy)

void to_json(Json& json_value, const CalendarPolicy& value) {
    json_value = Object({{"vendor_utc_offset_minutes", value.vendor_utc_offset_minutes},
                         {"holidays", value.holidays},
                         {"makeup_workdays", value.makeup_workdays}});
}
void ReadFields(WireReader& reader, CalendarPolicy& value) {
    reader.Optional("vendor_utc_offset_minutes", value.vendor_utc_offset_minutes);
    reader.Optional("holidays", value.holidays);
    reader.Optional("makeup_workdays", value.makeup_workdays);
}
AFTERCARE_FROM_JSON(CalendarPolicy)

void to_json(Json& json_value, const KioskPolicy& value) {
    json_value = Object({{"idle_reset_seconds", value.idle_reset_seconds}});
}
void ReadFields(WireReader& reader, KioskPolicy& value) { reader.Optional("idle_reset_seconds", value.idle_reset_seconds); }
AFTERCARE_FROM_JSON(KioskPolicy)

void to_json(Json& json_value, const ContactPolicy& value) {
    json_value = Object({{"hotline", value.hotline}});
}
void ReadFields(WireReader& reader, ContactPolicy& value) { reader.Optional("hotline", value.hotline); }
AFTERCARE_FROM_JSON(ContactPolicy)

void to_json(Json& json_value, const FollowUpPolicy& value) {
    json_value = Object({{"after_days", value.after_days}});
}
void ReadFields(WireReader& reader, FollowUpPolicy& value) { reader.Optional("after_days", value.after_days); }
AFTERCARE_FROM_JSON(FollowUpPolicy)

void to_json(Json& json_value, const Policy& value) {
    json_value = Object({{"version", value.version},
                         {"service_hours", value.service_hours},
                         {"sla", value.sla},
                         {"warranty", value.warranty},
                         {"returns", value.returns},
                         {"tickets", value.tickets},
                         {"satisfaction", value.satisfaction},
                         {"calendar", value.calendar},
                         {"kiosk", value.kiosk},
                         {"followup", value.followup},
                         {"contact", value.contact}});
}
void ReadFields(WireReader& reader, Policy& value) {
    reader.Optional("version", value.version);
    reader.Optional("service_hours", value.service_hours);
    reader.Optional("sla", value.sla);
    reader.Optional("warranty", value.warranty);
    reader.Optional("returns", value.returns);
    reader.Optional("tickets", value.tickets);
    reader.Optional("satisfaction", value.satisfaction);
    reader.Optional("calendar", value.calendar);
    reader.Optional("kiosk", value.kiosk);
    reader.Optional("followup", value.followup);
    reader.Optional("contact", value.contact);
}
AFTERCARE_FROM_JSON(Policy)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::core

namespace aftercare::api {

using detail::Object;

core::Result<core::Policy> PolicyFromJson(const Json& value) {
    auto policy = FromJson<core::Policy>(value);
    if (!policy) return policy;
    if (auto errors = core::ValidatePolicy(policy.Value()); !errors.empty()) return errors.front();
    return policy;
}

core::Result<core::Policy> ParsePolicy(std::string_view json_text) {
    Json value = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false,
                             /*ignore_comments=*/true);
    if (value.is_discarded()) {
        return core::MakeError("bad_json", "策略文件不是有效的 JSON", "The policy file is not valid JSON");
    }
    return PolicyFromJson(value);
}

std::string SerializePolicy(const core::Policy& policy) {
    Json value;
    to_json(value, policy);
    return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void to_json(Json& json_value, const Channels& value) {
    json_value = Object({{"sms", value.sms}, {"email", value.email}});
}
void from_json(const Json& json_value, Channels& value) { ReadOrThrow(json_value, value); }
void ReadFields(WireReader& reader, Channels& value) {
    reader.Required("sms", value.sms);
    reader.Required("email", value.email);
}

void to_json(Json& json_value, const PortalPolicy& value) {
    to_json(json_value, value.policy);
    json_value["channels"] = value.channels;
}
void from_json(const Json& json_value, PortalPolicy& value) { ReadOrThrow(json_value, value); }
void ReadFields(WireReader& reader, PortalPolicy& value) {
    ReadFields(reader, value.policy);  // the policy's fields, at the top level
    // Optional: an older server without it has no channel the portal can promise.
    reader.Optional("channels", value.channels);
}

} // namespace aftercare::api
