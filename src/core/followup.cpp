// Follow-up visits (回访): the due rule, call records, phone ratings, periodic schedules and the
// operations survey's validation.
#include "followup.h"

#include "validation.h"

namespace aftercare::core {

//-----------------------------------------------------------------------------
// [SECTION] The follow-up call after a resolution
//-----------------------------------------------------------------------------

FollowUpStatus FollowUpOf(const Ticket& ticket) {
    FollowUpStatus status;
    // LastResolvedAt answers only for resolved, confirmed and closed tickets: a cancelled or
    // rejected one, or one reopened and being worked again, has nothing to follow up yet.
    const std::optional<UnixSeconds> resolved = LastResolvedAt(ticket);
    if (!resolved) return status;
    for (const TimelineEvent& event : ticket.timeline) {
        if (event.type != EventType::FollowUp || event.at < *resolved || !event.call) continue;
        ++status.attempts;
        status.last_attempt_at = event.at;
        status.last_note = event.note;
        if (event.call->reached && !status.reached_at) status.reached_at = event.at;
    }
    if (!status.reached_at) status.pending_since = resolved;
    return status;
}

std::optional<UnixSeconds> FollowUpDueAt(UnixSeconds pending_since, const Policy& policy) {
    if (policy.followup.after_days <= 0) return std::nullopt;
    return pending_since + static_cast<std::int64_t>(policy.followup.after_days) * kSecondsPerDay;
}

std::optional<UnixSeconds> FollowUpDueAt(const Ticket& ticket, const Policy& policy) {
    const FollowUpStatus status = FollowUpOf(ticket);
    if (!status.pending_since) return std::nullopt;
    return FollowUpDueAt(*status.pending_since, policy);
}

bool IsFollowUpDue(const Ticket& ticket, UnixSeconds now, const Policy& policy) {
    const auto due = FollowUpDueAt(ticket, policy);
    return due && *due <= now;
}

int DaysOverdue(UnixSeconds due_at, UnixSeconds now) {
    return now <= due_at ? 0 : static_cast<int>((now - due_at) / kSecondsPerDay);
}

Result<Applied> RecordFollowUpCall(const Ticket& ticket, const Actor& actor, const FollowUpCallEntry& entry,
                                   UnixSeconds now) {
    if (actor.role != ActorRole::Staff)
        return MakeError("forbidden_actor", "只有服务人员可以记录回访", "Only staff may record follow-up calls");
    if (!LastResolvedAt(ticket))
        return MakeError("illegal_transition", "工单解决后才能回访",
                         "A follow-up call is recorded once the ticket is resolved");
    if (auto error = CheckText("note", entry.note, 0, TextLimits::kNoteMax, true)) return *error;
    if (entry.rating) {
        if (!entry.reached)
            return MakeError("not_allowed", "未联系上客户时不能录入评价", "A rating needs a call that reached the customer",
                             "rating");
        if (ticket.rated)
            return MakeError("already_rated", "该工单已评价过", "This ticket has already been rated", "rating");
        if (auto errors = ValidateRating(*entry.rating); !errors.empty()) {
            Error error = errors.front();
            error.field = "rating." + error.field;
            return error;
        }
    }

    Applied applied{ticket, {}};
    TimelineEvent call;
    call.at = now;
    call.actor = actor;
    call.type = EventType::FollowUp;
    call.from_state = ticket.state;
    call.to_state = ticket.state;
    call.note = entry.note;
    call.call = FollowUpCall{entry.reached};
    applied.event = AppendEvent(applied.ticket, std::move(call));
    if (entry.rating) {
        // The rating as the customer gave it on the phone: the same event a portal rating makes,
        // written by the staff member who took it (ChannelOf reads the channel from that).
        applied.ticket.rated = true;
        TimelineEvent rating;
        rating.at = now;
        rating.actor = actor;
        rating.type = EventType::Rating;
        rating.from_state = ticket.state;
        rating.to_state = ticket.state;
        rating.note = entry.rating->comment;
        applied.event = AppendEvent(applied.ticket, std::move(rating));
    }
    return applied;
}

std::string_view ToString(RatingChannel channel) { return channel == RatingChannel::Phone ? "phone" : "portal"; }

bool FromString(std::string_view text, RatingChannel& out) {
    if (text == "portal") out = RatingChannel::Portal;
    else if (text == "phone") out = RatingChannel::Phone;
    else return false;
    return true;
}

RatingChannel ChannelOf(const TimelineEvent& rating_event) {
    return rating_event.actor.role == ActorRole::Staff ? RatingChannel::Phone : RatingChannel::Portal;
}

//-----------------------------------------------------------------------------
// [SECTION] Periodic follow-ups and the 售后系统运行调查表
//-----------------------------------------------------------------------------

std::string_view ToString(FollowUpPeriod period) { return period == FollowUpPeriod::Monthly ? "monthly" : "quarterly"; }

bool FromString(std::string_view text, FollowUpPeriod& out) {
    if (text == "monthly") out = FollowUpPeriod::Monthly;
    else if (text == "quarterly") out = FollowUpPeriod::Quarterly;
    else return false;
    return true;
}

int MonthsOf(FollowUpPeriod period) { return period == FollowUpPeriod::Monthly ? 1 : 3; }

CivilDate NextPeriodicDue(CivilDate anchor, FollowUpPeriod period, CivilDate was_due, CivilDate done_on) {
    const CivilDate after = was_due < done_on ? done_on : was_due;
    const int step = MonthsOf(period);
    // Whole months from the anchor to `after`, then step on until strictly later.
    int months = ((after.year - anchor.year) * 12 + (after.month - anchor.month)) / step * step;
    if (months < 0) months = 0;
    CivilDate next = AddMonths(anchor, months);
    while (!(after < next)) {
        months += step;
        next = AddMonths(anchor, months);
    }
    return next;
}

FieldErrors ValidateScheduleDraft(FollowUpScheduleDraft& draft, CivilDate today) {
    FieldErrors errors;
    auto add = [&errors](std::optional<Error> error) {
        if (error) errors.push_back(std::move(*error));
    };
    if (auto serial = NormalizeSerial(draft.serial, "serial")) draft.serial = std::move(serial).Value();
    else errors.push_back(serial.GetError());
    add(CheckText("customer_name", draft.customer_name, 1, TextLimits::kNameMax, false));
    if (auto phone = NormalizePhone(draft.customer_phone, "customer_phone")) draft.customer_phone = std::move(phone).Value();
    else errors.push_back(phone.GetError());
    add(CheckText("project_name", draft.project_name, 1, TextLimits::kSubjectMax, false));
    add(CheckText("contract_number", draft.contract_number, 0, TextLimits::kCatalogueIdMax, false));
    if (!IsValidCivilDate(draft.first_due))
        errors.push_back(MakeError("invalid_date", "首次回访日期无效", "Invalid first follow-up date", "first_due"));
    else if (draft.first_due < today)
        errors.push_back(MakeError("invalid_date", "首次回访日期不能早于今天", "The first follow-up cannot be in the past",
                                   "first_due"));
    return errors;
}

FieldErrors ValidateSurvey(const OperationSurvey& survey) {
    FieldErrors errors;
    auto add = [&errors](std::optional<Error> error) {
        if (error) errors.push_back(std::move(*error));
    };
    add(CheckText("equipment_usage", survey.equipment_usage, 1, TextLimits::kNoteMax, true));
    add(CheckText("system_operation", survey.system_operation, 1, TextLimits::kNoteMax, true));
    add(CheckText("system_stability", survey.system_stability, 1, TextLimits::kNoteMax, true));
    if (survey.anomaly) {
        add(CheckText("anomaly_description", survey.anomaly_description, 1, TextLimits::kNoteMax, true));
    }
    if (survey.response_satisfaction < 1 || survey.response_satisfaction > 5)
        errors.push_back(MakeError("out_of_range", "请选择 1 到 5 分", "Choose 1 to 5", "response_satisfaction"));
    add(CheckText("remarks", survey.remarks, 0, TextLimits::kNoteMax, true));
    return errors;
}

} // namespace aftercare::core
