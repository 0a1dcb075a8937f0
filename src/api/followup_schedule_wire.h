// Wire types of periodic follow-ups (回访, core/followup.h): a key customer's product followed up
// every month or quarter, and the 《售后系统运行调查表》 recorded on each visit.
//   POST /api/v1/staff/followup-schedules                     FollowUpScheduleRequest -> FollowUpSchedule
//   POST /api/v1/staff/followup-schedules/{id}/surveys        core::OperationSurvey -> SurveyRecorded
//   GET  /api/v1/staff/products/{serial}/followups            -> ProductFollowUps
#pragma once

#include "api/core_json.h"
#include "api/wire_reader.h"
#include "core/followup.h"

#include <cstdint>
#include <string>
#include <vector>

namespace aftercare::core {
AFTERCARE_WIRE_TYPE(OperationSurvey);
} // namespace aftercare::core

namespace aftercare::api {

struct FollowUpScheduleRequest {
    std::string serial;
    std::string customer_name;
    std::string customer_phone;
    std::string project_name;     // 项目名称
    std::string contract_number;  // 项目合同号 (optional)
    std::string period;           // monthly | quarterly
    core::CivilDate first_due;    // the first visit's date; later ones count from it
    bool operator==(const FollowUpScheduleRequest&) const = default;
};

struct FollowUpSchedule {
    std::int64_t id = 0;
    std::string serial;
    std::string model;            // from the product register, when it knows the serial
    std::string customer_name;
    std::string phone_masked;
    std::string project_name;
    std::string contract_number;
    std::string period;
    core::CivilDate first_due;
    core::CivilDate next_due;
    bool active = true;
    std::string created_by;
    core::UnixSeconds created_at = 0;
};

// One 售后系统运行调查表 as recorded: the schedule's project name and contract number, the survey
// time (调查时间: when it was saved), who made it, and the answers.
struct FollowUpSurvey {
    std::int64_t id = 0;
    std::int64_t schedule_id = 0;
    std::string serial;
    std::string project_name;
    std::string contract_number;
    core::CivilDate due_date;        // the visit it was for
    core::UnixSeconds surveyed_at = 0;
    std::string staff;
    core::OperationSurvey survey;
};

// The survey's answer: the survey, and the schedule with its next due date moved on.
struct SurveyRecorded {
    FollowUpSchedule schedule;
    FollowUpSurvey survey;
};

// A product's periodic follow-ups: its schedules and its surveys, newest first.
struct ProductFollowUps {
    std::string serial;
    std::vector<FollowUpSchedule> schedules;
    std::vector<FollowUpSurvey> surveys;
};

AFTERCARE_WIRE_TYPE(FollowUpScheduleRequest);
AFTERCARE_WIRE_TYPE(FollowUpSchedule);
AFTERCARE_WIRE_TYPE(FollowUpSurvey);
AFTERCARE_WIRE_TYPE(SurveyRecorded);
AFTERCARE_WIRE_TYPE(ProductFollowUps);

} // namespace aftercare::api
