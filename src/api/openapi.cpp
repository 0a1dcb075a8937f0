// Generating the OpenAPI document: endpoint declarations for paths and operations, the wire types'
// ReadFields in describe mode for the schemas.
#include "api/openapi.h"

#include "api/customer_wire.h"
#include "api/endpoints.h"
#include "api/followup_schedule_wire.h"
#include "api/followup_wire.h"
#include "api/error_body.h"
#include "api/jobs_wire.h"
#include "api/outbound_wire.h"
#include "api/policy_json.h"
#include "api/staff_wire.h"
#include "api/vendor_wire.h"

#include <map>
#include <regex>
#include <stdexcept>

namespace aftercare::api {
namespace {

// [SECTION] Schemas from ReadFields

// Collects named object schemas as components; each is described once, and a $ref is reserved
// before describing so a type that contains itself (or a cycle) terminates.
class SchemaBuilder : public SchemaSink {
  public:
    Json ObjectSchema(std::string_view name, void (*describe)(WireReader&)) override {
        if (!name.empty()) {
            Json ref = Json{{"$ref", "#/components/schemas/" + std::string(name)}};
            if (components_.contains(std::string(name))) return ref;
            components_[std::string(name)] = Json::object();
            components_[std::string(name)] = Describe(describe);
            return ref;
        }
        return Describe(describe);
    }

    const Json& components() const { return components_; }

  private:
    Json Describe(void (*describe)(WireReader&)) {
        // Unknown keys are refused in request bodies and never sent in answers.
        Json schema{{"type", "object"}, {"properties", Json::object()}, {"additionalProperties", false}};
        WireReader reader(*this, schema);
        describe(reader);
        return schema;
    }

    Json components_ = Json::object();
};

struct WireType {
    std::string_view name;
    Json (*schema)(SchemaSink&);
};

template <class T> constexpr WireType Top() {
    return {WireName(static_cast<const T*>(nullptr)),
            [](SchemaSink& sink) { return SchemaOf(sink, static_cast<const T*>(nullptr)); }};
}

// The wire types endpoints name as a whole body or answer; the types inside them are found by
// walking their ReadFields.
constexpr WireType kWireTypes[] = {
    Top<CreateTicketRequest>(),
    Top<CreateTicketResponse>(),
    Top<LookupRequest>(),
    Top<LookupResponse>(),
    Top<TicketView>(),
    Top<EventsResponse>(),
    Top<MessageRequest>(),
    Top<AttachmentInfo>(),
    Top<CustomerActionRequest>(),
    Top<QuoteAnswerRequest>(),
    Top<core::Rating>(),
    Top<SignOutResponse>(),
    Top<WarrantyLookupRequest>(),
    Top<WarrantyLookupResponse>(),
    Top<OrderLookupRequest>(),
    Top<OrderLookupResponse>(),
    Top<ReturnsEligibilityRequest>(),
    Top<core::ReturnsDecision>(),
    Top<FaqSearchResponse>(),
    Top<FaqItem>(),
    Top<core::Policy>(),
    Top<PortalPolicy>(),
    Top<StaffLoginRequest>(),
    Top<StaffLoginResponse>(),
    Top<QueueResponse>(),
    Top<JobsResponse>(),
    Top<StatsResponse>(),
    Top<AssignRequest>(),
    Top<TransitionRequestWire>(),
    Top<ChangesResponse>(),
    Top<WorkRequest>(),
    Top<NoteRequest>(),
    Top<RevealRequest>(),
    Top<RevealResponse>(),
    Top<AuditResponse>(),
    Top<StaffListResponse>(),
    Top<CreateStaffRequest>(),
    Top<UpdateStaffRequest>(),
    Top<StaffAccount>(),
    Top<ImportReport>(),
    Top<ApiKeyList>(),
    Top<CreateApiKeyRequest>(),
    Top<ApiKeyView>(),
    Top<ProductHistory>(),
    Top<CustomerHistory>(),
    Top<FollowUpQueue>(),
    Top<FollowUpCallRequest>(),
    Top<FollowUpScheduleRequest>(),
    Top<FollowUpSchedule>(),
    Top<core::OperationSurvey>(),
    Top<SurveyRecorded>(),
    Top<ProductFollowUps>(),
    Top<ErrorBody>(),
    Top<ImportRefused>(),
    Top<DeliveryEntry>(),
    Top<DeliveryList>(),
    Top<WebhookView>(),
    Top<WebhookList>(),
    Top<CreateWebhookRequest>(),
    Top<UpdateWebhookRequest>(),
    Top<UnsubscribeResponse>(),
    Top<ChannelsView>(),
    Top<UpdateChannelsRequest>(),
    Top<TestChannelRequest>(),
    Top<TestChannelResponse>(),
};

Json SchemaOfWireType(SchemaSink& sink, std::string_view name, const Endpoint& endpoint) {
    for (const WireType& type : kWireTypes)
        if (type.name == name) return type.schema(sink);
    throw std::runtime_error(EndpointKey(endpoint) + " names the wire type " + std::string(name) +
                             ", which src/api/openapi.cpp's kWireTypes does not list");
}

// [SECTION] Operations from the declarations

Json ParseSchemaText(std::string_view text, const Endpoint& endpoint) {
    Json schema = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (schema.is_discarded())
        throw std::runtime_error(EndpointKey(endpoint) + ": a schema is not valid JSON");
    return schema;
}

std::vector<std::string> SplitMedia(std::string_view list) {
    std::vector<std::string> out;
    std::string current;
    for (char c : list) {
        if (c == ',') {
            out.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

// Body or answer content: a wire type, a schema text, or non-JSON media types.
Json Content(SchemaSink& sink, const Endpoint& endpoint, std::string_view type, std::string_view schema_text,
             std::string_view media) {
    Json content = Json::object();
    Json json_schema;
    if (!type.empty())
        json_schema = SchemaOfWireType(sink, type, endpoint);
    else if (!schema_text.empty())
        json_schema = ParseSchemaText(schema_text, endpoint);
    if (media.empty()) {
        if (!json_schema.is_null()) content["application/json"] = Json{{"schema", json_schema}};
        return content;
    }
    for (const std::string& one : SplitMedia(media)) {
        if (one == "application/json" && !json_schema.is_null())
            content[one] = Json{{"schema", json_schema}};
        else
            content[one] = Json{{"schema", Json{{"type", "string"}, {"format", "binary"}}}};
    }
    return content;
}

std::string_view PathParameterNote(const std::string& name) {
    if (name == "number") return "Service number in any spelling (R7KX-4M9Q-P2HC, r7kx4m9qp2hc).";
    if (name == "id") return "The item's id.";
    if (name == "username") return "The staff account's username.";
    if (name == "serial") return "The product's serial number.";
    if (name == "order_number") return "The order's number.";
    return "";
}

Json Operation(SchemaBuilder& schemas, const Endpoint& endpoint) {
    Json operation{{"tags", Json::array({std::string(endpoint.tag)})},
                   {"summary", std::string(endpoint.summary)}};
    switch (endpoint.access) {
    case Access::Public: break;
    case Access::Ticket: operation["security"] = Json::array({Json{{"ticketToken", Json::array()}}}); break;
    case Access::Staff: operation["security"] = Json::array({Json{{"staffToken", Json::array()}}}); break;
    case Access::ApiKey: operation["security"] = Json::array({Json{{"apiKey", Json::array()}}}); break;
    }

    Json parameters = Json::array();
    static const std::regex kPathParameter("\\{([^}]+)\\}");
    const std::string path(endpoint.path);
    for (std::sregex_iterator it(path.begin(), path.end(), kPathParameter), end; it != end; ++it) {
        const std::string name = (*it)[1].str();
        parameters.push_back(Json{{"name", name},
                                  {"in", "path"},
                                  {"required", true},
                                  {"description", std::string(PathParameterNote(name))},
                                  {"schema", Json{{"type", "string"}}}});
    }
    for (const Parameter& parameter : endpoint.parameters) {
        Json entry{{"name", std::string(parameter.name)},
                   {"in", std::string(parameter.in)},
                   {"required", parameter.required},
                   {"schema", ParseSchemaText(parameter.schema, endpoint)}};
        if (!parameter.description.empty()) entry["description"] = std::string(parameter.description);
        parameters.push_back(std::move(entry));
    }
    if (!parameters.empty()) operation["parameters"] = std::move(parameters);

    Json request =
        Content(schemas, endpoint, endpoint.request, endpoint.request_schema, endpoint.request_media);
    if (!request.empty())
        operation["requestBody"] =
            Json{{"required", !endpoint.request_optional}, {"content", std::move(request)}};

    Json success{{"description", std::string(endpoint.response_description)}};
    Json answer =
        Content(schemas, endpoint, endpoint.response, endpoint.response_schema, endpoint.response_media);
    if (!answer.empty()) success["content"] = std::move(answer);
    const Json error_content{
        {"application/json", Json{{"schema", SchemaOfWireType(schemas, "ErrorBody", endpoint)}}}};
    Json responses{{std::to_string(endpoint.status), std::move(success)}};
    for (const ErrorAnswer& error : endpoint.errors) {
        Json content = error.body.empty()
                           ? error_content
                           : Json{{"application/json",
                                   Json{{"schema", SchemaOfWireType(schemas, error.body, endpoint)}}}};
        responses[std::to_string(error.status)] =
            Json{{"description", std::string(error.when)}, {"content", content}};
    }
    responses["default"] =
        Json{{"description", "Any other error, in the one error shape (codes in docs/api.md)."},
             {"content", error_content}};
    operation["responses"] = std::move(responses);
    return operation;
}

std::string LowerCase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

Json BuildOpenApiDocument() {
    SchemaBuilder schemas;
    Json paths = Json::object();
    for (const Endpoint* endpoint : endpoints::All()) {
        // Operations (health, metrics) stay out of the versioned API's document.
        if (endpoint->path.rfind(kApiPrefix, 0) != 0) continue;
        paths[std::string(endpoint->path)][LowerCase(endpoint->method)] = Operation(schemas, *endpoint);
    }
    return Json{
        {"openapi", "3.0.3"},
        {"info",
         Json{
             {"title", "Aftercare after-sales portal API"},
             {"version", "1.0.0"},
             {"description",
              "JSON over HTTP, UTF-8. Every error is "
              "{\"error\":{\"code\",\"message\",\"field\",\"message_zh\","
              "\"message_en\",\"details\"}}. Customer tokens (from create or lookup) are scoped to one "
              "ticket; "
              "staff tokens come from /staff/login. Operational endpoints outside /api/v1: GET /healthz, GET "
              "/metrics (Prometheus). Integration API keys (from an admin) reach /api/v1/integration/* "
              "within "
              "their scopes. Generated from src/api's endpoint declarations and wire types."}}},
        {"servers", Json::array({Json{{"url", "/"}}})},
        {"tags",
         Json::array({Json{{"name", "customer"}}, Json{{"name", "staff"}}, Json{{"name", "meta"}},
                      Json{{"name", "integration"},
                           {"description",
                            "The vendor ERP / e-commerce system: API keys, see docs/integration.md."}}})},
        {"paths", std::move(paths)},
        {"components",
         Json{{"schemas", schemas.components()},
              {"securitySchemes",
               Json{{"ticketToken",
                     Json{{"type", "http"},
                          {"scheme", "bearer"},
                          {"description",
                           "Customer token scoped to one ticket (from POST /tickets or /lookup)."}}},
                    {"staffToken", Json{{"type", "http"},
                                        {"scheme", "bearer"},
                                        {"description", "Staff session token (from POST /staff/login)."}}},
                    {"apiKey",
                     Json{{"type", "http"},
                          {"scheme", "bearer"},
                          {"description", "Integration API key ak_... created by an admin (console or "
                                          "`aftercare-server create-api-key`); scoped to products, orders "
                                          "and/or parts."}}}}}}}};
}

} // namespace aftercare::api
