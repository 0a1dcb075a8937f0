// Five-dimension ratings, the satisfied threshold and the 90 % target.
#include "test_support.h"

#include "core/rating.h"

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

Rating Stars(int quality, int speed, int attitude, int scope, int guarantee, bool solved = true) {
    return Rating{quality, speed, attitude, scope, guarantee, solved, ""};
}

} // namespace

TEST_CASE("every dimension needs 1..5 stars - the field is named", "[rating]") {
    CHECK(ValidateRating(Stars(5, 4, 3, 2, 1)).empty());
    const FieldErrors errors = ValidateRating(Stars(0, 6, 3, 3, 3));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "quality");
    CHECK(errors[1].field == "speed");
    Rating long_comment = Stars(5, 5, 5, 5, 5);
    long_comment.comment = std::string(501, 'a');
    REQUIRE(ValidateRating(long_comment).size() == 1);
    CHECK(ValidateRating(long_comment)[0].field == "comment");
}

TEST_CASE("satisfied means a mean of at least 4 stars", "[rating]") {
    const Policy policy;
    CHECK(IsSatisfied(Stars(4, 4, 4, 4, 4), policy));
    CHECK(IsSatisfied(Stars(5, 5, 3, 3, 4), policy)); // mean exactly 4.0
    CHECK_FALSE(IsSatisfied(Stars(5, 5, 3, 3, 3), policy)); // 3.8
    CHECK(MeanStars(Stars(5, 5, 3, 3, 3)) == Approx(3.8));
}

TEST_CASE("satisfaction rate and the 90 % target", "[rating]") {
    const Policy policy;
    std::vector<Rating> ratings(9, Stars(5, 5, 5, 5, 5));
    ratings.push_back(Stars(1, 1, 1, 1, 1, false));
    const SatisfactionStats stats = ComputeSatisfaction(ratings, policy);
    CHECK(stats.count == 10);
    CHECK(stats.satisfied == 9);
    CHECK(stats.rate == Approx(0.9));
    CHECK(stats.meets_target);
    CHECK(stats.solved == 9);
    CHECK(stats.mean_quality == Approx(4.6));

    ratings.push_back(Stars(2, 2, 2, 2, 2));
    CHECK_FALSE(ComputeSatisfaction(ratings, policy).meets_target); // 9 of 11
    CHECK(ComputeSatisfaction({}, policy).count == 0);
    CHECK_FALSE(ComputeSatisfaction({}, policy).meets_target);
}

TEST_CASE("a ticket is rated once, after resolution", "[rating]") {
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = NewTicket(TicketKind::Consultation, Priority::General, created);
    auto early = RateTicket(ticket, Stars(5, 5, 5, 5, 5), created + 10);
    REQUIRE_FALSE(early.Ok());
    CHECK_THAT(early.GetError().message.en, Catch::Contains("submitted"));
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    ticket = Apply(ticket, Action::Resolve, Staff(), created + 120);
    auto rated = RateTicket(ticket, Stars(5, 5, 5, 5, 5), created + 180);
    REQUIRE(rated.Ok());
    CHECK(rated.Value().event.type == EventType::Rating);
    CHECK(rated.Value().ticket.rated);
    auto again = RateTicket(rated.Value().ticket, Stars(5, 5, 5, 5, 5), created + 240);
    REQUIRE_FALSE(again.Ok());
    CHECK(again.GetError().code == "already_rated");
    CHECK_FALSE(RateTicket(ticket, Stars(0, 5, 5, 5, 5), created + 180).Ok());
}
