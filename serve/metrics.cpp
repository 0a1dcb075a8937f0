// Metrics registry and Prometheus exposition.
#include "metrics.hpp"

#include <cstdio>

namespace aftercare::serve {
namespace {

// Seconds; chosen around the targets (p99 <= 20 ms, queue page <= 10 ms) so they can be read off.
constexpr double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 30};

std::string Escape(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string Number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

}  // namespace

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    auto count = requests_.find(std::make_tuple(method, route, status));
    if (count == requests_.end())
        count = requests_.try_emplace({std::string(method), std::string(route), status}).first;
    ++count->second;
    auto series = latency_.find(std::make_tuple(method, route));
    if (series == latency_.end())
        series = latency_.try_emplace({std::string(method), std::string(route)}).first;
    Histogram& histogram = series->second;
    if (histogram.buckets.empty()) histogram.buckets.assign(std::size(kBuckets), 0);
    for (std::size_t i = 0; i < std::size(kBuckets); ++i) {
        if (seconds <= kBuckets[i]) {
            ++histogram.buckets[i];
            break;
        }
    }
    ++histogram.count;
    histogram.sum += seconds;
}

void Metrics::AddCounter(const std::string& name, double delta) {
    std::lock_guard lock(mutex_);
    counters_[name] += delta;
}

void Metrics::AddCollector(std::function<void(std::string&)> collector) {
    std::lock_guard lock(mutex_);
    collectors_.push_back(std::move(collector));
}

std::string Metrics::Render() const {
    std::string out;
    std::vector<std::function<void(std::string&)>> collectors;
    {
        std::lock_guard lock(mutex_);
        out += "# HELP aftercare_http_requests_total HTTP requests by route template and status.\n";
        out += "# TYPE aftercare_http_requests_total counter\n";
        for (const auto& [key, count] : requests_) {
            const auto& [method, route, status] = key;
            out += "aftercare_http_requests_total{method=\"" + Escape(method) + "\",route=\"" + Escape(route) +
                   "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
        }
        out += "# HELP aftercare_http_request_duration_seconds Time from request headers to response.\n";
        out += "# TYPE aftercare_http_request_duration_seconds histogram\n";
        for (const auto& [key, histogram] : latency_) {
            const auto& [method, route] = key;
            const std::string labels = "method=\"" + Escape(method) + "\",route=\"" + Escape(route) + "\"";
            unsigned long long cumulative = 0;
            for (std::size_t i = 0; i < std::size(kBuckets); ++i) {
                cumulative += histogram.buckets[i];
                out += "aftercare_http_request_duration_seconds_bucket{" + labels + ",le=\"" + Number(kBuckets[i]) +
                       "\"} " + std::to_string(cumulative) + "\n";
            }
            out += "aftercare_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
                   std::to_string(histogram.count) + "\n";
            out += "aftercare_http_request_duration_seconds_sum{" + labels + "} " + Number(histogram.sum) + "\n";
            out += "aftercare_http_request_duration_seconds_count{" + labels + "} " +
                   std::to_string(histogram.count) + "\n";
        }
        for (const auto& [name, value] : counters_) {
            out += "# TYPE " + name + " counter\n";
            out += name + " " + Number(value) + "\n";
        }
        collectors = collectors_;
    }
    // Collectors may query the store; run them outside the lock so a slow scrape never blocks requests.
    for (const auto& collector : collectors) collector(out);
    return out;
}

}  // namespace aftercare::serve
