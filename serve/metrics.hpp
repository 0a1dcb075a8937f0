// Prometheus text-format metrics: request counts and latency histograms per route, plus gauges that
// are computed at scrape time by registered collectors (tickets by status, SLA breaches).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace aftercare::serve {

class Metrics {
public:
    // `route` is the route's template (/api/v1/tickets/{number}), never the raw path, so label
    // cardinality stays bounded and service numbers never reach the metrics.
    void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);
    void AddCounter(const std::string& name, double delta = 1.0);

    // A collector appends complete exposition lines (with # HELP / # TYPE) when scraped.
    void AddCollector(std::function<void(std::string& out)> collector);

    std::string Render() const;

private:
    struct Histogram {
        std::vector<unsigned long long> buckets;  // cumulative at render time, raw counts here
        unsigned long long count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    // Transparent comparators: a request looks its series up without copying its labels.
    std::map<std::tuple<std::string, std::string, int>, unsigned long long, std::less<>> requests_;
    std::map<std::tuple<std::string, std::string>, Histogram, std::less<>> latency_;
    std::map<std::string, double> counters_;
    std::vector<std::function<void(std::string&)>> collectors_;
};

}  // namespace aftercare::serve
