// Rating validation, the satisfied/unsatisfied rule and satisfaction statistics.
#include "rating.h"

#include "validation.h"

namespace aftercare::core {

namespace {

struct Dimension {
    const char* field;
    int Rating::*stars;
};

constexpr Dimension kDimensions[] = {
    {"quality", &Rating::quality}, {"speed", &Rating::speed},         {"attitude", &Rating::attitude},
    {"scope", &Rating::scope},     {"guarantee", &Rating::guarantee},
};

} // namespace

FieldErrors ValidateRating(const Rating& rating) {
    FieldErrors errors;
    for (const Dimension& dimension : kDimensions) {
        const int stars = rating.*dimension.stars;
        if (stars < 1 || stars > 5) {
            errors.push_back(MakeError("out_of_range", "请选择 1 到 5 颗星", "Choose 1 to 5 stars", dimension.field));
        }
    }
    if (auto error = CheckText("comment", rating.comment, 0, TextLimits::kCommentMax, true)) {
        errors.push_back(std::move(*error));
    }
    return errors;
}

double MeanStars(const Rating& rating) {
    int total = 0;
    for (const Dimension& dimension : kDimensions) total += rating.*dimension.stars;
    return static_cast<double>(total) / static_cast<double>(std::size(kDimensions));
}

bool IsSatisfied(const Rating& rating, const Policy& policy) {
    // Compare sums, not a floating mean, so 4.0 exactly is never lost to rounding.
    int total = 0;
    for (const Dimension& dimension : kDimensions) total += rating.*dimension.stars;
    return total >= policy.satisfaction.satisfied_min_stars * static_cast<int>(std::size(kDimensions));
}

bool CanRate(const Ticket& ticket) {
    return !ticket.rated && (ticket.state == TicketState::Resolved || ticket.state == TicketState::Confirmed ||
                             ticket.state == TicketState::Closed);
}

Result<Applied> RateTicket(const Ticket& ticket, const Rating& rating, UnixSeconds now) {
    if (ticket.rated) return MakeError("already_rated", "该工单已评价过", "This ticket has already been rated");
    if (!CanRate(ticket)) {
        const LocalizedText& state = Label(ticket.state, Audience::Customer); // only customers rate
        return MakeError("illegal_transition", "工单当前状态为“" + state.zh + "”，解决后才能评价",
                         "Cannot rate a ticket in state '" + std::string(ToString(ticket.state)) +
                             "': rating opens once it is resolved");
    }
    if (auto errors = ValidateRating(rating); !errors.empty()) return errors.front();

    Applied applied{ticket, {}};
    applied.ticket.rated = true;
    TimelineEvent event;
    event.at = now;
    event.actor = Actor{ActorRole::Customer, {}};
    event.type = EventType::Rating;
    event.from_state = ticket.state;
    event.to_state = ticket.state;
    event.note = rating.comment;
    applied.event = AppendEvent(applied.ticket, std::move(event));
    return applied;
}

SatisfactionStats ComputeSatisfaction(std::span<const Rating> ratings, const Policy& policy) {
    SatisfactionStats stats;
    stats.count = static_cast<int>(ratings.size());
    if (ratings.empty()) return stats;
    double sums[5] = {};
    for (const Rating& rating : ratings) {
        if (IsSatisfied(rating, policy)) ++stats.satisfied;
        if (rating.solved) ++stats.solved;
        for (std::size_t index = 0; index < std::size(kDimensions); ++index) sums[index] += rating.*kDimensions[index].stars;
    }
    const double count = static_cast<double>(stats.count);
    stats.rate = static_cast<double>(stats.satisfied) / count;
    // A small tolerance so 9 of 10 meets a 0.9 target despite binary rounding of 0.9 * 10.
    stats.meets_target = static_cast<double>(stats.satisfied) >= policy.satisfaction.target_rate * count - 1e-9;
    stats.mean_quality = sums[0] / count;
    stats.mean_speed = sums[1] / count;
    stats.mean_attitude = sums[2] / count;
    stats.mean_scope = sums[3] / count;
    stats.mean_guarantee = sums[4] / count;
    return stats;
}

} // namespace aftercare::core
