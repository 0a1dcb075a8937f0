// Vendor policy: every number the after-sales rules use, with the standard document's values as defaults.
#pragma once

#include "money.h"
#include "result.h"
#include "service_hours.h"
#include "time.h"
#include "vocabulary.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::core {

// When the resolution clock starts. The document gives urgent tickets "2 h after arrival on
// site" (到达现场处理后2个小时内完成), so for them it starts with the Start action. A general
// visit happens "于双方协商彼此方便的时间": with BookedVisit an on-site repair with a booked window
// counts from the window's start (or submission, if later); without a booking, from submission.
enum class ResolutionClockStart { Submitted, WorkStarted, BookedVisit };

// Deadlines for one priority (故障处理时限), in minutes of the time each clock counts
// (SlaPolicy::basis: service hours or elapsed time).
struct PrioritySla {
    int first_response_minutes = 0;
    // nullopt: on-site visit at a time agreed with the customer (协商时间), so no automatic deadline.
    std::optional<int> dispatch_minutes;
    int resolution_minutes = 0;
    ResolutionClockStart resolution_from = ResolutionClockStart::Submitted;
    // On-site repairs: the engineer is on site within this long of submission ("2 小时到达现场").
    // nullopt: no such promise for this priority; the arrival deadline is then the warranty's
    // (SlaPolicy::arrival_in/out_of_warranty_hours). A booked visit window overrides both.
    std::optional<int> arrival_minutes;

    bool operator==(const PrioritySla&) const = default;
};

// A missed deadline goes up one level at a time (部门经理, then 总经理). A step fires once a
// deadline is overdue by `overdue_percent` of its own allowance (0 = the second it is missed),
// so the thresholds scale with the priority.
struct EscalationStep {
    EscalationLevel level = EscalationLevel::DepartmentManager;
    int overdue_percent = 0;
    std::vector<std::string> notify_roles; // who is told, e.g. "department_manager"

    bool operator==(const EscalationStep&) const = default;
};

// Which time each clock counts. Under the default 7×24 service hours both are the same; a vendor
// with office hours (周一至周五 9:00–17:00) chooses per clock. Every clock defaults to service
// hours: the standard states them in 小时 next to "服务时间:7*24小时", and a vendor who sets
// office hours says when its people work; the complaint clock counts 工作日 (working days).
struct ClockBases {
    ClockBasis first_response = ClockBasis::ServiceHours;
    ClockBasis dispatch = ClockBasis::ServiceHours;
    ClockBasis arrival = ClockBasis::ServiceHours;
    ClockBasis resolution = ClockBasis::ServiceHours;
    ClockBasis consultation_answer = ClockBasis::ServiceHours;
    ClockBasis returns_resolution = ClockBasis::ServiceHours;

    bool operator==(const ClockBases&) const = default;
};

struct SlaPolicy {
    PrioritySla general{120, std::nullopt, 8 * 60, ResolutionClockStart::BookedVisit, std::nullopt};
    // "立即处理" (immediately) is read as 15 minutes: faster than general, no faster than urgent's 10.
    // Serious and urgent faults get the document's "提供2小时到达现场服务" / "2小时内到达现场".
    PrioritySla serious{15, 60, 4 * 60, ResolutionClockStart::BookedVisit, 2 * 60};
    PrioritySla urgent{10, 10, 2 * 60, ResolutionClockStart::WorkStarted, 2 * 60};
    // "如在规定时间内不能解决问题，将问题等级提升，上报公司部门经理及总经理": both managers are told
    // the moment a deadline is missed; the second level marks a ticket a whole allowance overdue.
    std::vector<EscalationStep> escalation{
        {EscalationLevel::DepartmentManager, 0, {"department_manager", "general_manager"}},
        {EscalationLevel::GeneralManager, 100, {"department_manager", "general_manager"}},
    };
    // "保修期内…12小时内达到现场…保修期以后…48小时内达到现场" (§14 1.3), for priorities without
    // their own arrival promise.
    int arrival_in_warranty_hours = 12;
    int arrival_out_of_warranty_hours = 48;
    int complaint_answer_working_days = 3; // 投诉 3 个工作日内反馈
    int consultation_answer_hours = 24;    // blanket "reply within 24 h"
    // "解决客户问题的平均时间不超过48小时" (§15 2.2 2)), "48小时内解决大部分常见问题" (§12 2.2.2): a
    // target for the MEAN resolution time of every kind of ticket resolved in a period, shown on the
    // stats screen as met or not — not a deadline of any single ticket.
    int average_resolution_hours = 48;
    // A per-ticket resolution deadline for returns and exchanges. The standard has none (its 48 h is
    // the average above), so none by default; a vendor that promises one sets the hours.
    std::optional<int> returns_resolution_hours;
    ClockBases basis;

    const PrioritySla& For(Priority priority) const;
    bool operator==(const SlaPolicy&) const = default;
};

struct WarrantyPolicy {
    int months = 36; // 三年免费质保, counted from the day after purchase/acceptance (次日起)
    // A key part replaced in warranty, not through the customer's fault, gets a fresh period
    // (关键部件更换后重新计算质保期). Part names are the vendor's catalogue ids.
    std::vector<std::string> key_parts{"mainboard", "power_supply", "display_panel", "motor", "compressor"};
    int key_part_months = 36;
    // Out of warranty the customer pays for parts at cost and nothing else: "质保期后，更换原厂备件
    // 只收采购成本费，免收服务及人工费用" (§13.4). A vendor that charges labour sets this false, and
    // then the two fees below apply.
    bool out_of_warranty_labour_free = true;
    Fen labour_fee_fen = 10000;   // per repair, out of warranty, when labour is charged
    Fen on_site_fee_fen = 5000;   // per visit, out of warranty, when labour is charged
    int spare_part_in_stock_hours = 2; // 有库存 2 小时更换
    int spare_part_ship_hours = 8;     // 无库存 8 小时内发出

    bool operator==(const WarrantyPolicy&) const = default;
};

// Day limits are counted like no_reason_days (delivery day is day 0, day N is the last day).
// std::nullopt means no limit at all (JSON null), which is the standard's default for the two
// unconditional remedies; a vendor may still set a number of days.
struct ReturnsPolicy {
    int no_reason_days = 15; // 十五天无理由退换货, counted from the day after delivery
    // "开箱后，如使用方发现有任何问题，立即…无条件更换" (§13 3): an unconditional exchange, no time limit.
    std::optional<int> dead_on_arrival_days;
    // "与订单不符…提供无条件退货和退款的服务" (§12 1.2): an unconditional return and refund, no time limit.
    std::optional<int> wrong_item_days;
    // Once a return or exchange is requested, the customer ships the item back within this many
    // days (the document sets no number; 7 is the portal default, as common in Chinese e-commerce).
    int ship_back_days = 7;

    bool operator==(const ReturnsPolicy&) const = default;
};

struct TicketPolicy {
    int reopen_window_days = 7; // customer may reopen this long after resolution; then system closes
    // A repair on a serial this many days or fewer after a repair of it was resolved is a repeat
    // repair (§17 6) "不允许同一问题重复发生", §18 "避免出现重复维修"). The standard sets no number;
    // 90 days is the portal default, the common 三包 repair-quality horizon.
    int repeat_repair_days = 90;
    // A customer's access tokens (tracking links, this device's sign-in) are refused once the ticket
    // has been closed, cancelled or rejected for this many days: long enough to read the outcome and
    // rate it, short enough that an old link on a shared or lost phone stops opening it.
    int customer_access_days_after_close = 30;
    int max_attachments = 5;  // per ticket
    std::int64_t max_attachment_bytes = 10 * 1024 * 1024;
    std::vector<std::string> attachment_types{"image/jpeg", "image/png", "image/webp", "application/pdf"};

    bool operator==(const TicketPolicy&) const = default;
};

struct SatisfactionPolicy {
    int satisfied_min_stars = 4; // a rating whose mean over the five dimensions is >= this counts as satisfied
    double target_rate = 0.9;    // 满意度 90% 以上

    bool operator==(const SatisfactionPolicy&) const = default;
};

// Follow-up calls (回访) after a resolution (§17 (2)3) "负责客户回访"). The standard sets no number.
// 3 days is the portal default: long enough for the fix to be used, and inside the default 7-day
// reopen window, so a fault the customer mentions on the call can still reopen the ticket.
struct FollowUpPolicy {
    int after_days = 3; // a follow-up falls due this many days after the last resolution; 0 = off

    bool operator==(const FollowUpPolicy&) const = default;
};

// How customers reach the vendor besides the portal. The standard promises a hotline
// ("提供24小时客户服务热线", "7*24*365电话服务") but no number: empty = no hotline, and the portal
// then mentions none. A number is shown as written ("400-820-8820"); see ValidateHotline.
struct ContactPolicy {
    std::string hotline;

    bool operator==(const ContactPolicy&) const = default;
};

struct CalendarPolicy {
    UtcOffsetMinutes vendor_utc_offset_minutes = kChinaUtcOffset; // working days are the vendor's
    std::vector<CivilDate> holidays;        // 法定节假日 (weekdays off)
    std::vector<CivilDate> makeup_workdays; // 调休 (weekend days worked)

    bool operator==(const CalendarPolicy&) const = default;
};

struct KioskPolicy {
    int idle_reset_seconds = 90;

    bool operator==(const KioskPolicy&) const = default;
};

struct Policy {
    int version = 1;
    ServiceHours service_hours;
    SlaPolicy sla;
    WarrantyPolicy warranty;
    ReturnsPolicy returns;
    TicketPolicy tickets;
    SatisfactionPolicy satisfaction;
    CalendarPolicy calendar;
    KioskPolicy kiosk;
    FollowUpPolicy followup;
    ContactPolicy contact;

    bool operator==(const Policy&) const = default;
};

// Range checks with the offending field's JSON path ("sla.urgent.first_response_minutes"), so a
// vendor's typo in assets/policy.json is reported precisely instead of producing odd deadlines.
FieldErrors ValidatePolicy(const Policy& policy);

bool IsKeyPart(const Policy& policy, std::string_view part);

// The vendor's working-day calendar (holidays, make-up workdays) from the policy.
WorkCalendar VendorCalendar(const Policy& policy);

} // namespace aftercare::core
