// Follow-up visits (回访): when a resolved ticket's follow-up call falls due, the call record, a
// rating taken by phone, and periodic follow-ups of a key customer's product with the standard's
// 《售后系统运行调查表》 as their form (§17 (2)3), §19 电话跟踪式服务, §19 7 回访调查制度).
#pragma once

#include "policy.h"
#include "rating.h"
#include "result.h"
#include "ticket.h"

#include <optional>
#include <string>
#include <string_view>

namespace aftercare::core {

//-----------------------------------------------------------------------------
// [SECTION] The follow-up call after a resolution
//-----------------------------------------------------------------------------

// Where a ticket's follow-up stands (FollowUpOf). `pending_since` is the resolution the call is
// about; it is set while no call after it reached the customer, whether or not it is due yet.
struct FollowUpStatus {
    std::optional<UnixSeconds> pending_since; // the last resolution, while no call has reached the customer
    std::optional<UnixSeconds> reached_at;    // the call that reached them after that resolution
    int attempts = 0;                         // calls after that resolution, reached or not
    std::optional<UnixSeconds> last_attempt_at;
    std::string last_note;                    // what the last call's record says
};

// A follow-up concerns the last resolution of a resolved, confirmed or closed ticket. Cancelled and
// rejected tickets never need one (nothing was done for the customer to be asked about).
FollowUpStatus FollowUpOf(const Ticket& ticket);

// When the call falls due: policy.followup.after_days after the resolution. nullopt when follow-ups
// are off (after_days 0) or nothing is pending.
std::optional<UnixSeconds> FollowUpDueAt(const Ticket& ticket, const Policy& policy);
std::optional<UnixSeconds> FollowUpDueAt(UnixSeconds pending_since, const Policy& policy);
// Due at `now`: the due instant has come (the boundary instant itself counts).
bool IsFollowUpDue(const Ticket& ticket, UnixSeconds now, const Policy& policy);
// Whole days past the due instant (0 on the day it falls due).
int DaysOverdue(UnixSeconds due_at, UnixSeconds now);

// What staff write after calling the customer. A call that did not reach them keeps the ticket in
// the queue; a reached one takes it out. `rating` is the customer's five-dimension rating given on
// the phone, only with a reached call.
struct FollowUpCallEntry {
    bool reached = false;
    std::string note;
    std::optional<Rating> rating;
};

// Appends the call record (EventType::FollowUp, staff only: a customer never sees it) and, with a
// rating, the Rating event marked as taken by phone (actor: the staff member). Refused for tickets
// that need no follow-up (not resolved, cancelled, rejected), for a rating on an unreached call,
// and for a rating on a ticket already rated (on the portal or by phone: a ticket is rated once).
Result<Applied> RecordFollowUpCall(const Ticket& ticket, const Actor& actor, const FollowUpCallEntry& entry,
                                   UnixSeconds now);

// How a rating was given: by the customer on the portal, or taken by staff on a follow-up call.
enum class RatingChannel { Portal, Phone };
std::string_view ToString(RatingChannel channel);
bool FromString(std::string_view text, RatingChannel& out);
// The Rating event's channel: staff wrote it, so it came by phone.
RatingChannel ChannelOf(const TimelineEvent& rating_event);

//-----------------------------------------------------------------------------
// [SECTION] Periodic follow-ups and the 售后系统运行调查表
//-----------------------------------------------------------------------------

enum class FollowUpPeriod { Monthly, Quarterly };
std::string_view ToString(FollowUpPeriod period);
bool FromString(std::string_view text, FollowUpPeriod& out);
int MonthsOf(FollowUpPeriod period);

// The due date after a survey recorded on `done_on`: the schedule's dates are `anchor` plus whole
// periods (so Jan 31 monthly runs Feb 28/29, Mar 31, Apr 30 — it does not drift to the 28th), and
// the next one is the first of them after both the date that was due and the survey's own date (a
// survey made late does not leave the next one already overdue).
CivilDate NextPeriodicDue(CivilDate anchor, FollowUpPeriod period, CivilDate was_due, CivilDate done_on);

// A key customer's product followed up every month or quarter (§19 "每月或季度回访一次").
struct FollowUpScheduleDraft {
    std::string serial;          // normalised upper case
    std::string customer_name;
    std::string customer_phone;  // normalised E.164
    std::string project_name;    // 项目名称
    std::string contract_number; // 项目合同号 (optional)
    FollowUpPeriod period = FollowUpPeriod::Quarterly;
    CivilDate first_due;         // the first visit's date: the schedule's anchor
};

// Normalises serial and phone in place; field errors name the wire keys.
FieldErrors ValidateScheduleDraft(FollowUpScheduleDraft& draft, CivilDate today);

// 《售后系统运行调查表》: what the staff member asks and writes down on a periodic follow-up. The
// project name, contract number and survey time come from the schedule and the moment it is saved.
struct OperationSurvey {
    std::string equipment_usage;  // 设备使用情况
    std::string system_operation; // 系统运行情况
    std::string system_stability; // 系统稳定性情况
    bool anomaly = false;         // 是否有异常
    std::string anomaly_description; // 异常描述: required when anomaly
    int response_satisfaction = 0;   // 服务响应满意度 1..5
    std::string remarks;             // 备注 (optional)

    bool operator==(const OperationSurvey&) const = default;
};

// Every problem, with the wire keys as fields ("anomaly_description" when an anomaly has none).
FieldErrors ValidateSurvey(const OperationSurvey& survey);

} // namespace aftercare::core
