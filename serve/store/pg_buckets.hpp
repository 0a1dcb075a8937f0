// Rate-limit buckets in PostgreSQL, shared by every instance (RateLimiter::Share): each request
// refills and takes from its bucket in one atomic upsert, so a burst spread over several instances
// is counted exactly as one instance would count it.
#pragma once

#include "rate_limit.hpp"
#include "store/pg_store.hpp"

namespace aftercare::serve {

class PgBuckets : public SharedBuckets {
public:
    explicit PgBuckets(PgStore& store) : store_(store) {}
    double Apply(const std::string& key, double capacity, double per_second, double cost, Op op, bool& taken) override;
    // One transaction holding pg_advisory_xact_lock(7, hashtext(key)); the Apply calls inside run on
    // its connection.
    void Serialized(const std::string& key, const std::function<void()>& work) override;

private:
    PgStore& store_;
};

}  // namespace aftercare::serve
