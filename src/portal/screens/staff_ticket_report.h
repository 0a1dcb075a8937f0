// The workspace's service report card (售后服务报告单) and repair quote: the forms' state, kept in
// WorkspaceState while the agent types (nothing typed is lost on a refused or failed submit).
#pragma once

#include <string>
#include <vector>

namespace aftercare::portal {

// One part as typed: quantity and cost stay text until submitted ("150.00" yuan).
struct PartRow {
    std::string part_number;
    std::string name;
    std::string new_serial;
    bool original = true;
    std::string quantity = "1";
    std::string unit_cost; // yuan
};

struct ServiceReportForm {
    std::string diagnosis;
    int cause = 0;   // index into core FaultCause
    std::string actions;
    std::vector<PartRow> parts;
    std::string labour_minutes;
    int outcome = 0; // index into core RepairOutcome
    bool editing = false; // a report is on record and the engineer writes a new one
};

struct QuoteForm {
    bool open = false;
    std::vector<PartRow> parts;
    bool customer_caused = false;
};

} // namespace aftercare::portal
