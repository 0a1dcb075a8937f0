// The one map from a service's domain error to an HTTP status: every kind has its own status, and
// core's error codes land on the statuses the API has always answered with.
#include <catch2/catch.hpp>

#include <map>

#include "http_util.hpp"
#include "services/domain_error.hpp"

using namespace aftercare::serve;

TEST_CASE("every domain error kind maps to its own 4xx or 5xx status", "[errors]") {
    std::map<int, std::string_view> seen;
    for (int i = 0; i < static_cast<int>(ErrorKind::Count_); ++i) {
        const auto kind = static_cast<ErrorKind>(i);
        const int status = HttpStatusOf(kind);
        INFO(ErrorKindName(kind) << " -> " << status);
        CHECK(ErrorKindName(kind) != "unknown");
        CHECK(status >= 400);
        CHECK(status <= 599);
        // Two kinds on one status would mean one of them is not a kind of its own (or a new kind
        // fell through to the 500 after the switch).
        const auto [it, inserted] = seen.emplace(status, ErrorKindName(kind));
        INFO("already taken by " << it->second);
        CHECK(inserted);
    }
    CHECK(HttpStatusOf(ErrorKind::NotFound) == 404);
    CHECK(HttpStatusOf(ErrorKind::InvalidValue) == 422);
    CHECK(HttpStatusOf(ErrorKind::RateLimited) == 429);
}

TEST_CASE("core's error codes keep their statuses", "[errors]") {
    CHECK(HttpStatusOf(KindOfCode("missing_field")) == 400);
    CHECK(HttpStatusOf(KindOfCode("illegal_transition")) == 409);
    CHECK(HttpStatusOf(KindOfCode("forbidden_actor")) == 403);
    CHECK(HttpStatusOf(KindOfCode("invalid_phone")) == 422);
    CHECK(HttpStatusOf(KindOfCode("too_many_messages")) == 429);
    // A form's errors take the kind of the first one.
    const DomainError many(
        aftercare::core::FieldErrors{aftercare::core::MakeError("required", "必填", "Required", "a"),
                                     aftercare::core::MakeError("too_long", "过长", "Too long", "b")});
    CHECK(many.kind == ErrorKind::InvalidValue);
    CHECK(many.errors.size() == 2);
}
