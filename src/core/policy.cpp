// Policy defaults lookup and range validation (a vendor's typo must not produce silly deadlines).
#include "policy.h"

#include "validation.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace aftercare::core {

const PrioritySla& SlaPolicy::For(Priority priority) const {
    switch (priority) {
    case Priority::General: return general;
    case Priority::Serious: return serious;
    case Priority::Urgent: return urgent;
    }
    return general;
}

bool IsKeyPart(const Policy& policy, std::string_view part) {
    return std::find(policy.warranty.key_parts.begin(), policy.warranty.key_parts.end(), part) !=
           policy.warranty.key_parts.end();
}

WorkCalendar VendorCalendar(const Policy& policy) {
    return WorkCalendar(policy.calendar.holidays, policy.calendar.makeup_workdays);
}

namespace {

constexpr int kMinutesPerYear = 366 * 24 * 60;

void CheckRange(FieldErrors& errors, const std::string& field, std::int64_t value, std::int64_t min_value,
                std::int64_t max_value) {
    if (value >= min_value && value <= max_value) return;
    const std::string range = std::to_string(min_value) + ".." + std::to_string(max_value);
    errors.push_back(MakeError("out_of_range", field + " 超出允许范围 " + range + "（当前为 " + std::to_string(value) + "）",
                               field + " must be within " + range + " (got " + std::to_string(value) + ")", field));
}

void CheckPriority(FieldErrors& errors, const std::string& prefix, const PrioritySla& sla) {
    CheckRange(errors, prefix + ".first_response_minutes", sla.first_response_minutes, 1, kMinutesPerYear);
    if (sla.dispatch_minutes) CheckRange(errors, prefix + ".dispatch_minutes", *sla.dispatch_minutes, 0, kMinutesPerYear);
    if (sla.arrival_minutes) CheckRange(errors, prefix + ".arrival_minutes", *sla.arrival_minutes, 1, kMinutesPerYear);
    CheckRange(errors, prefix + ".resolution_minutes", sla.resolution_minutes, 1, kMinutesPerYear);
}

void CheckDates(FieldErrors& errors, const std::string& field, const std::vector<CivilDate>& dates) {
    if (dates.size() > 1000) CheckRange(errors, field, static_cast<std::int64_t>(dates.size()), 0, 1000);
    for (std::size_t index = 0; index < dates.size(); ++index) {
        if (!IsValidCivilDate(dates[index])) {
            const std::string path = field + "[" + std::to_string(index) + "]";
            errors.push_back(MakeError("invalid_date", path + " 不是有效日期", path + " is not a valid date", path));
        }
    }
}

void CheckDailyHours(FieldErrors& errors, const std::string& field, const DailyHours& hours) {
    const bool in_day = hours.open_minute >= 0 && hours.close_minute <= 24 * 60;
    if (in_day && hours.open_minute < hours.close_minute) return;
    const std::string got = FormatMinuteOfDay(hours.open_minute) + "–" + FormatMinuteOfDay(hours.close_minute);
    errors.push_back(MakeError("invalid_hours",
                               field + " 营业时间无效（" + got + "）：开始时间须早于结束时间，且在 00:00 至 24:00 之间",
                               field + " has invalid opening hours (" + got +
                                   "): opening must be before closing, both within 00:00..24:00",
                               field));
}

const char* const kWeekdayKeys[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

void CheckServiceHours(FieldErrors& errors, const ServiceHours& hours) {
    // Checked even under 7×24, so switching the mode later cannot surface an old typo.
    bool any_open = false;
    for (int day = 0; day < 7; ++day) {
        if (!hours.weekly[day]) continue;
        any_open = true;
        CheckDailyHours(errors, std::string("service_hours.weekly.") + kWeekdayKeys[day], *hours.weekly[day]);
    }
    CheckDailyHours(errors, "service_hours.makeup_workday", hours.makeup_workday);
    if (!hours.round_the_clock && !any_open) {
        errors.push_back(MakeError("invalid_hours", "service_hours.weekly 至少需要一天营业，否则期限永远不会到期",
                                   "service_hours.weekly must open on at least one weekday, or no deadline would "
                                   "ever fall due",
                                   "service_hours.weekly"));
    }
}

} // namespace

FieldErrors ValidatePolicy(const Policy& policy) {
    FieldErrors errors;
    CheckRange(errors, "version", policy.version, 1, 1000);
    CheckServiceHours(errors, policy.service_hours);

    CheckPriority(errors, "sla.general", policy.sla.general);
    CheckPriority(errors, "sla.serious", policy.sla.serious);
    CheckPriority(errors, "sla.urgent", policy.sla.urgent);
    CheckRange(errors, "sla.complaint_answer_working_days", policy.sla.complaint_answer_working_days, 1, 60);
    CheckRange(errors, "sla.consultation_answer_hours", policy.sla.consultation_answer_hours, 1, 24 * 60);
    CheckRange(errors, "sla.average_resolution_hours", policy.sla.average_resolution_hours, 1, 24 * 60);
    if (policy.sla.returns_resolution_hours)
        CheckRange(errors, "sla.returns_resolution_hours", *policy.sla.returns_resolution_hours, 1, 24 * 60);
    CheckRange(errors, "sla.arrival_in_warranty_hours", policy.sla.arrival_in_warranty_hours, 1, 24 * 30);
    CheckRange(errors, "sla.arrival_out_of_warranty_hours", policy.sla.arrival_out_of_warranty_hours, 1, 24 * 30);

    // Steps must climb: each a higher level than the last, reached no earlier.
    const auto& steps = policy.sla.escalation;
    CheckRange(errors, "sla.escalation", static_cast<std::int64_t>(steps.size()), 0, 2);
    for (std::size_t index = 0; index < steps.size(); ++index) {
        const std::string path = "sla.escalation[" + std::to_string(index) + "]";
        CheckRange(errors, path + ".overdue_percent", steps[index].overdue_percent, 0, 10000);
        if (steps[index].level == EscalationLevel::None) {
            errors.push_back(MakeError("invalid_value", path + ".level 不能为 none", path + ".level must not be none",
                                       path + ".level"));
        }
        if (index > 0 && (steps[index].level <= steps[index - 1].level ||
                          steps[index].overdue_percent < steps[index - 1].overdue_percent)) {
            errors.push_back(MakeError("invalid_value", path + " 必须比上一级更高且不更早",
                                       path + " must be a higher level than the previous step and not earlier", path));
        }
    }

    CheckRange(errors, "warranty.months", policy.warranty.months, 0, 240);
    CheckRange(errors, "warranty.key_part_months", policy.warranty.key_part_months, 0, 240);
    CheckRange(errors, "warranty.labour_fee_fen", policy.warranty.labour_fee_fen, 0, kMaxAmountFen);
    CheckRange(errors, "warranty.on_site_fee_fen", policy.warranty.on_site_fee_fen, 0, kMaxAmountFen);
    CheckRange(errors, "warranty.spare_part_in_stock_hours", policy.warranty.spare_part_in_stock_hours, 1, 24 * 30);
    CheckRange(errors, "warranty.spare_part_ship_hours", policy.warranty.spare_part_ship_hours, 1, 24 * 30);
    for (std::size_t index = 0; index < policy.warranty.key_parts.size(); ++index) {
        if (policy.warranty.key_parts[index].empty()) {
            const std::string path = "warranty.key_parts[" + std::to_string(index) + "]";
            errors.push_back(MakeError("required", path + " 不能为空", path + " must not be empty", path));
        }
    }

    CheckRange(errors, "returns.no_reason_days", policy.returns.no_reason_days, 0, 365);
    if (policy.returns.dead_on_arrival_days)
        CheckRange(errors, "returns.dead_on_arrival_days", *policy.returns.dead_on_arrival_days, 0, 3650);
    if (policy.returns.wrong_item_days)
        CheckRange(errors, "returns.wrong_item_days", *policy.returns.wrong_item_days, 0, 3650);
    CheckRange(errors, "returns.ship_back_days", policy.returns.ship_back_days, 1, 90);

    CheckRange(errors, "tickets.reopen_window_days", policy.tickets.reopen_window_days, 0, 365);
    CheckRange(errors, "tickets.repeat_repair_days", policy.tickets.repeat_repair_days, 0, 3650);
    CheckRange(errors, "followup.after_days", policy.followup.after_days, 0, 365);
    CheckRange(errors, "tickets.customer_access_days_after_close", policy.tickets.customer_access_days_after_close, 1,
               3650);
    CheckRange(errors, "tickets.max_attachments", policy.tickets.max_attachments, 0, 100);
    CheckRange(errors, "tickets.max_attachment_bytes", policy.tickets.max_attachment_bytes, 1, 1024LL * 1024 * 1024);

    CheckRange(errors, "satisfaction.satisfied_min_stars", policy.satisfaction.satisfied_min_stars, 1, 5);
    if (!(policy.satisfaction.target_rate >= 0.0 && policy.satisfaction.target_rate <= 1.0)) {
        errors.push_back(MakeError("out_of_range", "satisfaction.target_rate 必须在 0 到 1 之间",
                                   "satisfaction.target_rate must be within 0..1", "satisfaction.target_rate"));
    }

    if (!IsValidUtcOffset(policy.calendar.vendor_utc_offset_minutes)) {
        CheckRange(errors, "calendar.vendor_utc_offset_minutes", policy.calendar.vendor_utc_offset_minutes, -720, 840);
    }
    CheckDates(errors, "calendar.holidays", policy.calendar.holidays);
    CheckDates(errors, "calendar.makeup_workdays", policy.calendar.makeup_workdays);

    CheckRange(errors, "kiosk.idle_reset_seconds", policy.kiosk.idle_reset_seconds, 10, 3600);
    if (!policy.contact.hotline.empty()) {
        if (auto error = ValidateHotline(policy.contact.hotline, "contact.hotline")) errors.push_back(*error);
    }
    return errors;
}

} // namespace aftercare::core
