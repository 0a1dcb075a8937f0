// to_json / from_json / ReadFields of the periodic follow-up wire types.
#include "api/followup_schedule_wire.h"

#include "api/json_write.h"

namespace aftercare::core {

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const ::aftercare::api::Json& json_value, Type& value) { ::aftercare::api::ReadOrThrow(json_value, value); }

using ::aftercare::api::Json;
using ::aftercare::api::WireReader;
using ::aftercare::api::detail::Object;

void to_json(Json& json_value, const OperationSurvey& value) {
    json_value = Object({{"equipment_usage", value.equipment_usage},
                         {"system_operation", value.system_operation},
                         {"system_stability", value.system_stability},
                         {"anomaly", value.anomaly},
                         {"anomaly_description", value.anomaly_description},
                         {"response_satisfaction", value.response_satisfaction},
                         {"remarks", value.remarks}});
}
void ReadFields(WireReader& reader, OperationSurvey& value) {
    reader.Required("equipment_usage", value.equipment_usage);
    reader.Required("system_operation", value.system_operation);
    reader.Required("system_stability", value.system_stability);
    reader.Required("anomaly", value.anomaly);
    reader.Optional("anomaly_description", value.anomaly_description);
    reader.Required("response_satisfaction", value.response_satisfaction);
    reader.Optional("remarks", value.remarks);
}
AFTERCARE_FROM_JSON(OperationSurvey)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::core

namespace aftercare::api {

using detail::Object;

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { ReadOrThrow(json_value, value); }

void to_json(Json& json_value, const FollowUpScheduleRequest& value) {
    json_value = Object({{"serial", value.serial},
                         {"customer_name", value.customer_name},
                         {"customer_phone", value.customer_phone},
                         {"project_name", value.project_name},
                         {"contract_number", value.contract_number},
                         {"period", value.period},
                         {"first_due", value.first_due}});
}
void ReadFields(WireReader& reader, FollowUpScheduleRequest& value) {
    reader.Required("serial", value.serial);
    reader.Required("customer_name", value.customer_name);
    reader.Required("customer_phone", value.customer_phone);
    reader.Required("project_name", value.project_name);
    reader.Optional("contract_number", value.contract_number);
    reader.Required("period", value.period);
    reader.Required("first_due", value.first_due);
}
AFTERCARE_FROM_JSON(FollowUpScheduleRequest)

void to_json(Json& json_value, const FollowUpSchedule& value) {
    json_value = Object({{"id", value.id},
                         {"serial", value.serial},
                         {"model", value.model},
                         {"customer_name", value.customer_name},
                         {"phone_masked", value.phone_masked},
                         {"project_name", value.project_name},
                         {"contract_number", value.contract_number},
                         {"period", value.period},
                         {"first_due", value.first_due},
                         {"next_due", value.next_due},
                         {"active", value.active},
                         {"created_by", value.created_by},
                         {"created_at", value.created_at}});
}
void ReadFields(WireReader& reader, FollowUpSchedule& value) {
    reader.Required("id", value.id);
    reader.Required("serial", value.serial);
    reader.Optional("model", value.model);
    reader.Optional("customer_name", value.customer_name);
    reader.Optional("phone_masked", value.phone_masked);
    reader.Optional("project_name", value.project_name);
    reader.Optional("contract_number", value.contract_number);
    reader.Required("period", value.period);
    reader.Required("first_due", value.first_due);
    reader.Required("next_due", value.next_due);
    reader.Optional("active", value.active);
    reader.Optional("created_by", value.created_by);
    reader.Optional("created_at", value.created_at);
}
AFTERCARE_FROM_JSON(FollowUpSchedule)

void to_json(Json& json_value, const FollowUpSurvey& value) {
    json_value = Object({{"id", value.id},
                         {"schedule_id", value.schedule_id},
                         {"serial", value.serial},
                         {"project_name", value.project_name},
                         {"contract_number", value.contract_number},
                         {"due_date", value.due_date},
                         {"surveyed_at", value.surveyed_at},
                         {"staff", value.staff},
                         {"survey", value.survey}});
}
void ReadFields(WireReader& reader, FollowUpSurvey& value) {
    reader.Required("id", value.id);
    reader.Required("schedule_id", value.schedule_id);
    reader.Required("serial", value.serial);
    reader.Optional("project_name", value.project_name);
    reader.Optional("contract_number", value.contract_number);
    reader.Required("due_date", value.due_date);
    reader.Required("surveyed_at", value.surveyed_at);
    reader.Optional("staff", value.staff);
    reader.Required("survey", value.survey);
}
AFTERCARE_FROM_JSON(FollowUpSurvey)

void to_json(Json& json_value, const SurveyRecorded& value) {
    json_value = Object({{"schedule", value.schedule}, {"survey", value.survey}});
}
void ReadFields(WireReader& reader, SurveyRecorded& value) {
    reader.Required("schedule", value.schedule);
    reader.Required("survey", value.survey);
}
AFTERCARE_FROM_JSON(SurveyRecorded)

void to_json(Json& json_value, const ProductFollowUps& value) {
    json_value =
        Object({{"serial", value.serial}, {"schedules", value.schedules}, {"surveys", value.surveys}});
}
void ReadFields(WireReader& reader, ProductFollowUps& value) {
    reader.Required("serial", value.serial);
    reader.Optional("schedules", value.schedules);
    reader.Optional("surveys", value.surveys);
}
AFTERCARE_FROM_JSON(ProductFollowUps)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::api
