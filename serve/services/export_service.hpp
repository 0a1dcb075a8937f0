// Period export for the management review (the standard's §1 二: the service department reports
// tickets, satisfaction, complaints and SLA compliance for a period; §10 三.2: each person's
// figures for their appraisal): CSV files a supervisor opens in Excel, from the same numbers the
// statistics screen shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/error_body.h"
#include "services/services.hpp"
#include "services/staff_service.hpp"

namespace aftercare::serve::exports {

enum class Set { Tickets, Ratings, Complaints, Sla, People };
std::optional<Set> ParseSet(std::string_view name);

struct CsvFile {
    std::string file_name;  // "aftercare-tickets-2026-11-01-2026-11-30.csv", vendor-local dates
    std::string body;       // UTF-8 with BOM
};

// Supervisors and admins only (Forbidden otherwise); every export is written to the audit log.
// [from, to) as in /staff/stats; column names and labels in `language`, times in the vendor's zone.
CsvFile Export(Services& services, const staff::Caller& caller, Set set, std::int64_t from, std::int64_t to,
               api::Language language);

}  // namespace aftercare::serve::exports
