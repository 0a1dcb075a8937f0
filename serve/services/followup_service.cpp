// Follow-up visits (回访) on top of core/followup.h and the store's follow-up index.
#include "services/followup_service.hpp"

#include <limits>

#include "core/followup.h"
#include "core/validation.h"
#include "services/domain_error.hpp"

namespace aftercare::serve::followups {
namespace {

// Thrown inside the write transaction when the Idempotency-Key was already used with this body:
// it rolls back (nothing written) and the caller answers with the ticket as it stands.
struct AlreadyRecorded {};

// Periodic follow-ups are dated on the vendor's calendar (the policy's offset), as working days are.
core::UtcOffsetMinutes VendorOffset(const core::Policy& policy) { return policy.calendar.vendor_utc_offset_minutes; }

std::int64_t ScheduleDueAt(const FollowUpScheduleRecord& record, const core::Policy& policy) {
    const core::CivilDate due = core::ParseIsoDate(record.next_due).value_or(core::CivilDate{});
    return core::LocalDayStart(core::DaysFromCivil(due), VendorOffset(policy));
}

// Follow-ups owed for resolutions at or before this instant are due now.
std::int64_t ResolvedBy(const core::Policy& policy, std::int64_t now) {
    if (policy.followup.after_days <= 0) return std::numeric_limits<std::int64_t>::min();
    return now - static_cast<std::int64_t>(policy.followup.after_days) * core::kSecondsPerDay;
}

} // namespace

api::FollowUpQueue Queue(Services& services, const staff::Caller& caller, std::int64_t offset, int limit) {
    const auto policy = services.Policy();
    const std::int64_t now = services.now();
    api::FollowUpQueue queue;
    queue.offset = static_cast<int>(offset);
    queue.after_days = policy->followup.after_days;
    // Both sources are read oldest due first, as far as this page reaches, and merged: a page costs
    // two index ranges of offset + limit keys and the rows it shows, never a scan.
    const std::int64_t window = offset + limit;
    const std::string today = core::FormatIsoDate(core::LocalDate(now, VendorOffset(*policy)));
    std::vector<std::pair<std::int64_t, std::int64_t>> tickets;  // (id, followup_since)
    FollowUpQuery query;
    if (!caller.permissions.all_tickets) query.visible_to = caller.username;
    if (policy->followup.after_days > 0) {
        query.resolved_by = ResolvedBy(*policy, now);
        query.limit = static_cast<int>(window);
        query.offset = 0;
        tickets = services.store.FollowUpsDue(query);
        queue.total += services.store.CountFollowUpsDue(query);
    }
    const std::vector<FollowUpScheduleRecord> schedules =
        services.store.FollowUpSchedulesDue(today, static_cast<int>(window));
    queue.total += services.store.CountFollowUpSchedulesDue(today);

    const std::int64_t after = static_cast<std::int64_t>(policy->followup.after_days) * core::kSecondsPerDay;
    std::size_t t = 0, s = 0;
    for (std::int64_t position = 0; position < window && (t < tickets.size() || s < schedules.size()); ++position) {
        const bool take_ticket =
            s >= schedules.size() ||
            (t < tickets.size() &&
             tickets[t].second + after <= ScheduleDueAt(schedules[s], *policy));
        if (position < offset) {
            take_ticket ? ++t : ++s;
            continue;
        }
        if (take_ticket) {
            // Changed since the index was read (a call just reached them): left out.
            auto stored = services.store.LoadTicketById(tickets[t++].first);
            if (stored && core::FollowUpOf(stored->ticket).pending_since)
                queue.items.push_back(api::MakeFollowUpItem(stored->ticket, now, *policy));
        } else {
            queue.items.push_back(PeriodicItem(services, schedules[s++], now, *policy));
        }
    }
    return queue;
}

CallResult RecordCall(Services& services, std::int64_t ticket_id, const staff::Caller& caller,
                      const api::FollowUpCallRequest& request, const std::string& request_hash,
                      const std::string& idempotency_key) {
    const std::string scope = "followup:" + caller.username;
    const core::FollowUpCallEntry entry = api::ToEntry(request);
    std::string detail = request.reached ? "reached" : "not_reached";
    if (request.rating) detail += ", phone rating";
    CallResult result;
    try {
        result.view = tickets::RecordFollowUpCall(
            services, ticket_id, core::Actor{core::ActorRole::Staff, caller.username}, entry,
            staff::TicketGuardFor(caller),
            [&](StoreTx& tx, const core::Ticket&) {
                // Before core's rules: a replay of a call with a rating must not meet "already rated".
                if (idempotency_key.empty()) return;
                if (auto previous = tx.FindIdempotency(scope, idempotency_key)) {
                    if (previous->request_hash != request_hash || previous->ticket_id != ticket_id)
                        throw DomainError(ErrorKind::InvalidValue, "idempotency_key_reused",
                                          "该 Idempotency-Key 已用于另一个请求",
                                          "This Idempotency-Key was already used with a different request body.");
                    throw AlreadyRecorded{};
                }
            },
            [&](StoreTx& tx, const core::Ticket&) {
                if (!idempotency_key.empty())
                    tx.InsertIdempotency(scope, idempotency_key, request_hash, ticket_id, services.now());
                AuditRecord record;
                record.at = services.now();
                record.staff = caller.username;
                record.action = "followup_call";
                record.ticket_id = ticket_id;
                record.detail = detail;
                tx.InsertAudit(record);
            });
    } catch (const AlreadyRecorded&) {
        staff::RequireTicketAccess(services, caller, ticket_id);
        result.view = tickets::Read(services, ticket_id, core::ActorRole::Staff);
        result.replayed = true;
    }
    return result;
}

void AddToStats(Services& services, const std::vector<RatingRow>& ratings, api::StatsResponse& stats) {
    const auto policy = services.Policy();
    std::vector<core::Rating> portal, phone;
    for (const RatingRow& row : ratings) (row.channel == core::RatingChannel::Phone ? phone : portal).push_back(row.rating);
    stats.satisfaction_portal = core::ComputeSatisfaction(portal, *policy);
    stats.satisfaction_phone = core::ComputeSatisfaction(phone, *policy);
    const FollowUpCounts counts = services.store.CountFollowUps(stats.from, stats.to, ResolvedBy(*policy, services.now()));
    stats.rated = counts.rated;
    stats.rating_response_rate = stats.resolved ? static_cast<double>(counts.rated) / stats.resolved : 0.0;
    stats.followups_due = counts.due;
    stats.followups_reached = counts.reached;
    stats.followup_reach_rate = counts.due ? static_cast<double>(counts.reached) / counts.due : 0.0;
}


//-----------------------------------------------------------------------------
// [SECTION] Periodic follow-ups (定期回访) and the 售后系统运行调查表
//-----------------------------------------------------------------------------

namespace {

core::CivilDate DateOf(const std::string& iso) { return core::ParseIsoDate(iso).value_or(core::CivilDate{}); }

DomainError ScheduleNotFound() {
    return DomainError(ErrorKind::NotFound, "not_found", "没有找到这项定期回访", "No such periodic follow-up.");
}

DomainError KeyReused() {
    return DomainError(ErrorKind::InvalidValue, "idempotency_key_reused", "该 Idempotency-Key 已用于另一个请求",
                       "This Idempotency-Key was already used with a different request body.");
}

api::FollowUpSchedule ViewOf(Services& services, const FollowUpScheduleRecord& r) {
    api::FollowUpSchedule view;
    view.id = r.id;
    view.serial = r.serial;
    if (auto product = services.store.FindProduct(r.serial)) view.model = product->model;
    view.customer_name = r.customer_name;
    view.phone_masked = api::MaskPhone(r.customer_phone);
    view.project_name = r.project_name;
    view.contract_number = r.contract_number;
    view.period = r.period;
    view.first_due = DateOf(r.anchor);
    view.next_due = DateOf(r.next_due);
    view.active = r.active;
    view.created_by = r.created_by;
    view.created_at = r.created_at;
    return view;
}

api::FollowUpSurvey ViewOf(const FollowUpSurveyRecord& r) {
    api::FollowUpSurvey view;
    view.id = r.id;
    view.schedule_id = r.schedule_id;
    view.serial = r.serial;
    view.project_name = r.project_name;
    view.contract_number = r.contract_number;
    view.due_date = DateOf(r.due_date);
    view.surveyed_at = r.surveyed_at;
    view.staff = r.staff;
    view.survey = r.survey;
    return view;
}

} // namespace

api::FollowUpItem PeriodicItem(Services& services, const FollowUpScheduleRecord& r, std::int64_t now,
                               const core::Policy& policy) {
    api::FollowUpItem item;
    item.periodic = true;
    item.schedule_id = r.id;
    item.customer_name = r.customer_name;
    item.phone_masked = api::MaskPhone(r.customer_phone);
    item.serial = r.serial;
    if (auto product = services.store.FindProduct(r.serial)) item.model = product->model;
    item.project_name = r.project_name;
    item.contract_number = r.contract_number;
    item.period = r.period;
    item.due_date = r.next_due;
    item.due_at = core::LocalDayStart(core::DaysFromCivil(DateOf(r.next_due)), VendorOffset(policy));
    item.days_overdue = core::DaysOverdue(item.due_at, now);
    return item;
}

ScheduleResult CreateSchedule(Services& services, const staff::Caller& caller, const api::FollowUpScheduleRequest& request,
                              const std::string& request_hash, const std::string& idempotency_key) {
    const auto policy = services.Policy();
    const std::int64_t now = services.now();
    core::FollowUpScheduleDraft draft;
    draft.serial = request.serial;
    draft.customer_name = request.customer_name;
    draft.customer_phone = request.customer_phone;
    draft.project_name = request.project_name;
    draft.contract_number = request.contract_number;
    draft.first_due = request.first_due;
    core::FieldErrors errors = core::ValidateScheduleDraft(draft, core::LocalDate(now, VendorOffset(*policy)));
    if (!core::FromString(request.period, draft.period))
        errors.push_back(core::MakeError("not_allowed", "回访周期只能是每月或每季度", "period must be monthly or quarterly",
                                         "period"));
    if (!errors.empty()) throw DomainError(std::move(errors));

    const std::string scope = "followup-schedule:" + caller.username;
    ScheduleResult result;
    FollowUpScheduleRecord record;
    services.store.Write([&](StoreTx& tx) {
        result.replayed = false;
        if (!idempotency_key.empty()) {
            if (auto previous = tx.FindIdempotency(scope, idempotency_key)) {
                if (previous->request_hash != request_hash) throw KeyReused();
                auto stored = tx.LoadFollowUpSchedule(previous->ticket_id);
                if (!stored) throw ScheduleNotFound();
                record = *stored;
                result.replayed = true;
                return;
            }
        }
        record = FollowUpScheduleRecord{};
        record.serial = draft.serial;
        record.customer_name = draft.customer_name;
        record.customer_phone = draft.customer_phone;
        record.project_name = draft.project_name;
        record.contract_number = draft.contract_number;
        record.period = std::string(core::ToString(draft.period));
        record.anchor = core::FormatIsoDate(draft.first_due);
        record.next_due = record.anchor;
        record.created_by = caller.username;
        record.created_at = now;
        record.id = tx.InsertFollowUpSchedule(record);
        AuditRecord audit;
        audit.at = now;
        audit.staff = caller.username;
        audit.action = "followup_schedule";
        audit.detail = record.serial + " " + record.period;
        tx.InsertAudit(audit);
        if (!idempotency_key.empty()) tx.InsertIdempotency(scope, idempotency_key, request_hash, record.id, now);
    });
    result.schedule = ViewOf(services, record);
    return result;
}

SurveyResult RecordSurvey(Services& services, const staff::Caller& caller, std::int64_t schedule_id,
                          core::OperationSurvey survey, const std::string& request_hash,
                          const std::string& idempotency_key) {
    if (core::FieldErrors errors = core::ValidateSurvey(survey); !errors.empty()) throw DomainError(std::move(errors));
    if (!survey.anomaly) survey.anomaly_description.clear();
    const auto policy = services.Policy();
    const std::int64_t now = services.now();
    const std::string scope = "followup-survey:" + caller.username;
    SurveyResult result;
    FollowUpScheduleRecord schedule;
    FollowUpSurveyRecord recorded;
    std::optional<std::int64_t> replayed_id;
    services.store.Write([&](StoreTx& tx) {
        replayed_id.reset();
        if (!idempotency_key.empty()) {
            if (auto previous = tx.FindIdempotency(scope, idempotency_key)) {
                if (previous->request_hash != request_hash) throw KeyReused();
                replayed_id = previous->ticket_id;
            }
        }
        auto stored = tx.LoadFollowUpSchedule(schedule_id);
        if (!stored || !stored->active) throw ScheduleNotFound();
        schedule = *stored;
        if (replayed_id) return;
        core::FollowUpPeriod period = core::FollowUpPeriod::Quarterly;
        core::FromString(schedule.period, period);
        const core::CivilDate was_due = DateOf(schedule.next_due);
        const core::CivilDate next =
            core::NextPeriodicDue(DateOf(schedule.anchor), period, was_due, core::LocalDate(now, VendorOffset(*policy)));
        recorded = FollowUpSurveyRecord{};
        recorded.schedule_id = schedule.id;
        recorded.serial = schedule.serial;
        recorded.project_name = schedule.project_name;
        recorded.contract_number = schedule.contract_number;
        recorded.due_date = schedule.next_due;
        recorded.surveyed_at = now;
        recorded.staff = caller.username;
        recorded.survey = survey;
        recorded.id = tx.InsertFollowUpSurvey(recorded);
        schedule.next_due = core::FormatIsoDate(next);
        tx.SetFollowUpScheduleDue(schedule.id, schedule.next_due);
        AuditRecord audit;
        audit.at = now;
        audit.staff = caller.username;
        audit.action = "followup_survey";
        audit.detail = schedule.serial + " " + recorded.due_date + (survey.anomaly ? " anomaly" : "");
        tx.InsertAudit(audit);
        if (!idempotency_key.empty()) tx.InsertIdempotency(scope, idempotency_key, request_hash, recorded.id, now);
    });
    result.recorded.schedule = ViewOf(services, schedule);
    if (replayed_id) {
        result.replayed = true;
        for (const FollowUpSurveyRecord& r : services.store.FollowUpSurveysFor(schedule.serial, 200))
            if (r.id == *replayed_id) result.recorded.survey = ViewOf(r);
    } else {
        result.recorded.survey = ViewOf(recorded);
    }
    return result;
}

api::FollowUpSchedule EndSchedule(Services& services, const staff::Caller& caller, std::int64_t schedule_id) {
    FollowUpScheduleRecord schedule;
    services.store.Write([&](StoreTx& tx) {
        auto stored = tx.LoadFollowUpSchedule(schedule_id);
        if (!stored || !stored->active) throw ScheduleNotFound();
        schedule = *stored;
        schedule.active = false;
        tx.EndFollowUpSchedule(schedule.id);
        AuditRecord audit;
        audit.at = services.now();
        audit.staff = caller.username;
        audit.action = "followup_schedule_end";
        audit.detail = schedule.serial + " " + schedule.period;
        tx.InsertAudit(audit);
    });
    return ViewOf(services, schedule);
}

api::ProductFollowUps ForProduct(Services& services, const std::string& serial_text) {
    auto serial = core::NormalizeSerial(serial_text, "serial");
    if (!serial) throw DomainError(serial.GetError());
    api::ProductFollowUps answer;
    answer.serial = serial.Value();
    for (const FollowUpScheduleRecord& r : services.store.FollowUpSchedulesFor(answer.serial))
        answer.schedules.push_back(ViewOf(services, r));
    for (const FollowUpSurveyRecord& r : services.store.FollowUpSurveysFor(answer.serial, 100))
        answer.surveys.push_back(ViewOf(r));
    return answer;
}

} // namespace aftercare::serve::followups
