// Five-star ratings (quality, speed, attitude, scope, guarantee), solved yes/no, and satisfaction statistics.
#pragma once

#include "policy.h"
#include "result.h"
#include "ticket.h"

#include <span>
#include <string>

namespace aftercare::core {

struct Rating {
    int quality = 0;   // 服务质量
    int speed = 0;     // 服务速度/时效
    int attitude = 0;  // 服务态度
    int scope = 0;     // 服务范围
    int guarantee = 0; // 服务保障
    bool solved = false;
    std::string comment;

    bool operator==(const Rating&) const = default;
};

// Stars 1..5 on every dimension; comment optional, at most 500 code points of valid UTF-8.
FieldErrors ValidateRating(const Rating& rating);

double MeanStars(const Rating& rating);
bool IsSatisfied(const Rating& rating, const Policy& policy);

// A ticket is rated once, after it is resolved (or confirmed/closed).
bool CanRate(const Ticket& ticket);
Result<Applied> RateTicket(const Ticket& ticket, const Rating& rating, UnixSeconds now);

struct SatisfactionStats {
    int count = 0;
    int satisfied = 0;
    double rate = 0.0;        // satisfied / count; 0 when there are no ratings
    bool meets_target = false;
    int solved = 0;
    double mean_quality = 0.0;
    double mean_speed = 0.0;
    double mean_attitude = 0.0;
    double mean_scope = 0.0;
    double mean_guarantee = 0.0;
};

SatisfactionStats ComputeSatisfaction(std::span<const Rating> ratings, const Policy& policy);

} // namespace aftercare::core
