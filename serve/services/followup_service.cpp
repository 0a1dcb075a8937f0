// Follow-up visits (回访) on top of core/followup.h and the store's follow-up index.
#include "services/followup_service.hpp"

#include <limits>

#include "core/followup.h"
#include "services/domain_error.hpp"

namespace aftercare::serve::followups {
namespace {

// Thrown inside the write transaction when the Idempotency-Key was already used with this body:
// it rolls back (nothing written) and the caller answers with the ticket as it stands.
struct AlreadyRecorded {};

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
    if (policy->followup.after_days <= 0) return queue;  // follow-ups are off
    FollowUpQuery query;
    query.resolved_by = ResolvedBy(*policy, now);
    if (!caller.permissions.all_tickets) query.visible_to = caller.username;
    query.limit = limit;
    query.offset = offset;
    for (const auto& [id, since] : services.store.FollowUpsDue(query)) {
        // Changed since the index was read (a call just reached them): shown as it now is, or left out.
        auto stored = services.store.LoadTicketById(id);
        if (!stored || !core::FollowUpOf(stored->ticket).pending_since) continue;
        queue.items.push_back(api::MakeFollowUpItem(stored->ticket, now, *policy));
    }
    queue.total = services.store.CountFollowUpsDue(query);
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

} // namespace aftercare::serve::followups
