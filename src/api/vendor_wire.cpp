// to_json / from_json / ReadFields of the vendor-data wire types.
#include "api/vendor_wire.h"

#include "api/core_json.h"
#include "api/json_write.h"

namespace aftercare::api {

using detail::Object;
using detail::PutOptional;

#define AFTERCARE_FROM_JSON(Type)                                                                            \
    void from_json(const Json& json_value, Type& value) {                                                    \
        ReadOrThrow(json_value, value);                                                                      \
    }

void to_json(Json& json_value, const ImportRowError& value) {
    json_value = Object({{"line", value.line},
                         {"column", value.column},
                         {"value", value.value},
                         {"code", value.code},
                         {"message_zh", value.message_zh},
                         {"message_en", value.message_en}});
}
void ReadFields(WireReader& reader, ImportRowError& value) {
    reader.Required("line", value.line);
    reader.Required("column", value.column);
    reader.Required("value", value.value);
    reader.Required("code", value.code);
    reader.Required("message_zh", value.message_zh);
    reader.Required("message_en", value.message_en);
}
AFTERCARE_FROM_JSON(ImportRowError)

void to_json(Json& json_value, const ImportReport& value) {
    json_value = Object({{"kind", value.kind},
                         {"format", value.format},
                         {"encoding", value.encoding},
                         {"rows", value.rows},
                         {"changed", value.changed},
                         {"unchanged", value.unchanged},
                         {"error_rows", value.error_rows},
                         {"dry_run", value.dry_run},
                         {"written", value.written},
                         {"ignored_columns", value.ignored_columns},
                         {"errors", value.errors}});
}
void ReadFields(WireReader& reader, ImportReport& value) {
    reader.Required("kind", value.kind);
    reader.Optional("format", value.format);
    reader.Optional("encoding", value.encoding);
    reader.Required("rows", value.rows);
    reader.Required("changed", value.changed);
    reader.Required("unchanged", value.unchanged);
    reader.Required("error_rows", value.error_rows);
    reader.Optional("dry_run", value.dry_run);
    reader.Required("written", value.written);
    reader.Optional("ignored_columns", value.ignored_columns);
    reader.Required("errors", value.errors);
}
AFTERCARE_FROM_JSON(ImportReport)

void to_json(Json& json_value, const ImportRefused& value) {
    to_json(json_value, value.error); // {"error":{...}}
    json_value["report"] = value.report;
}
void ReadFields(WireReader& reader, ImportRefused& value) {
    ReadFields(reader, value.error);
    reader.Required("report", value.report);
}
AFTERCARE_FROM_JSON(ImportRefused)

void to_json(Json& json_value, const ApiKeyView& value) {
    json_value = Object({{"id", value.id},
                         {"name", value.name},
                         {"prefix", value.prefix},
                         {"scopes", value.scopes},
                         {"created_by", value.created_by},
                         {"created_at", value.created_at},
                         {"active", value.active}});
    PutOptional(json_value, "revoked_at", value.revoked_at);
    PutOptional(json_value, "last_used_at", value.last_used_at);
    if (!value.key.empty()) json_value["key"] = value.key;
}
void ReadFields(WireReader& reader, ApiKeyView& value) {
    reader.Required("id", value.id);
    reader.Required("name", value.name);
    reader.Required("prefix", value.prefix);
    reader.Required("scopes", value.scopes);
    reader.Optional("created_by", value.created_by);
    reader.Optional("created_at", value.created_at);
    reader.Required("active", value.active);
    reader.Optional("revoked_at", value.revoked_at);
    reader.Optional("last_used_at", value.last_used_at);
    reader.Optional("key", value.key);
}
AFTERCARE_FROM_JSON(ApiKeyView)

void to_json(Json& json_value, const ApiKeyList& value) {
    json_value = Object({{"keys", value.keys}});
}
void ReadFields(WireReader& reader, ApiKeyList& value) {
    reader.Required("keys", value.keys);
}
AFTERCARE_FROM_JSON(ApiKeyList)

void to_json(Json& json_value, const CreateApiKeyRequest& value) {
    json_value = Object({{"name", value.name}, {"scopes", value.scopes}});
}
void ReadFields(WireReader& reader, CreateApiKeyRequest& value) {
    reader.Required("name", value.name);
    reader.Required("scopes", value.scopes);
}
AFTERCARE_FROM_JSON(CreateApiKeyRequest)

void to_json(Json& json_value, const KeyPartWarranty& value) {
    json_value = Object({{"part", value.part}, {"decision", value.decision}});
}
void ReadFields(WireReader& reader, KeyPartWarranty& value) {
    reader.Required("part", value.part);
    reader.Required("decision", value.decision);
}
AFTERCARE_FROM_JSON(KeyPartWarranty)

void to_json(Json& json_value, const ServiceHistoryItem& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"kind", value.kind},
                         {"state", value.state},
                         {"subject", value.subject},
                         {"created_at", value.created_at},
                         {"updated_at", value.updated_at}});
    if (!value.repeat_of.empty()) json_value["repeat_of"] = value.repeat_of;
}
void ReadFields(WireReader& reader, ServiceHistoryItem& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("kind", value.kind);
    reader.Required("state", value.state);
    reader.Optional("subject", value.subject);
    reader.Optional("created_at", value.created_at);
    reader.Optional("updated_at", value.updated_at);
    reader.Optional("repeat_of", value.repeat_of);
}
AFTERCARE_FROM_JSON(ServiceHistoryItem)

ServiceHistoryItem HistoryItemOf(const core::Ticket& ticket) {
    return {ticket.service_number, ticket.details.kind,   ticket.state,    ticket.details.subject,
            ticket.created_at,     ticket.updated_at,     ticket.repeat_of};
}

void to_json(Json& json_value, const CustomerHistory& value) {
    json_value = Object({{"tickets", value.tickets}, {"more", value.more}});
}
void ReadFields(WireReader& reader, CustomerHistory& value) {
    reader.Required("tickets", value.tickets);
    reader.Optional("more", value.more);
}
AFTERCARE_FROM_JSON(CustomerHistory)

void to_json(Json& json_value, const ProductHistory& value) {
    json_value = Object({{"serial", value.serial},
                         {"registered", value.registered},
                         {"replacements", value.replacements},
                         {"key_parts", value.key_parts},
                         {"tickets", value.tickets}});
    if (!value.model.empty()) json_value["model"] = value.model;
    PutOptional(json_value, "purchase_date", value.purchase_date);
    PutOptional(json_value, "warranty", value.warranty);
}
void ReadFields(WireReader& reader, ProductHistory& value) {
    reader.Required("serial", value.serial);
    reader.Required("registered", value.registered);
    reader.Optional("model", value.model);
    reader.Optional("purchase_date", value.purchase_date);
    reader.Optional("replacements", value.replacements);
    reader.Optional("warranty", value.warranty);
    reader.Optional("key_parts", value.key_parts);
    reader.Required("tickets", value.tickets);
}
AFTERCARE_FROM_JSON(ProductHistory)

} // namespace aftercare::api
