// Staff routes for vendor data: the admin's file upload (same engine as the command line), API
// keys for the integration API (admin), and a product's register entry with its service history
// (every staff member, from the ticket workspace).
#include "routes/register_body.hpp"
#include "routes/routes.hpp"
#include "services/api_key_service.hpp"
#include "services/register_service.hpp"
#include "services/staff_service.hpp"

namespace aftercare::serve {
namespace {

void RequireAdmin(const Principal& who) {
    if (!staff::CallerOf(who).permissions.manage_staff)
        throw DomainError(ErrorKind::Forbidden, "forbidden", "此操作需要管理员权限",
                          "This needs an administrator.");
}

import::Kind KindParam(const HttpRequest& req){
    auto kind = import::ParseKind(req.get_param_value("kind"));
if (!kind)
    throw DomainError(ErrorKind::BadRequest, "invalid_value", "kind 取值应为 products、orders 或 parts",
                      "kind must be products, orders or parts.", "kind");
return *kind;
} // namespace

import::Format FormatParam(const HttpRequest& req){
    const std::string format = req.get_param_value("format");
if (format.empty() || format == "csv") return import::Format::Csv;
if (format == "jsonl") return import::Format::JsonLines;
throw DomainError(ErrorKind::BadRequest, "invalid_value", "format 取值应为 csv 或 jsonl",
                  "format must be csv or jsonl.", "format");
} // namespace aftercare::serve

// Every key, newest first (the list answer and the answer to a revoke).
Json KeyList(Services& services) {
    api::ApiKeyList list;
    for (const auto& key : services.store.Register().ListApiKeys())
        list.keys.push_back(api_keys::ToWire(key));
    Json body;
    to_json(body, list);
    return body;
}

} // namespace

void RegisterRegisterRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostStaffImport, RateClass::None, [&services](RequestContext& call) {
             RequireAdmin(call.who);
             const auto response =
                 RunImportBody(services, call.req.body, call.who.staff_username, KindParam(call.req),
                               FormatParam(call.req), DryRunParam(call.req), false);
             WriteJson(call.res, response.status, response.body);
         });

    routes.Add(api::endpoints::kGetStaffApiKeys, RateClass::None, [&services](RequestContext& call) {
             RequireAdmin(call.who);
             WriteJson(call.res, 200, KeyList(services));
         });

    routes.Add(api::endpoints::kPostStaffApiKeys, RateClass::None, [&services](RequestContext& call) {
             RequireAdmin(call.who);
             const auto request = ParseRequest<api::CreateApiKeyRequest>(call.req);
             const auto created = api_keys::Create(services.store, request.name, request.scopes,
                                                   call.who.staff_username, services.now());
             api::ApiKeyView view = api_keys::ToWire(created.record);
             view.key = created.key; // shown this once; only its hash is kept
             Json out;
             to_json(out, view);
             WriteJson(call.res, 201, out);
         });

    routes.Add(api::endpoints::kPostStaffApiKeysByIdRevoke, RateClass::None, [&services](RequestContext& call) {
                    RequireAdmin(call.who);
                    const std::string text = PathParam(call.req, 1);
                    std::int64_t id = 0;
                    try {
                        id = std::stoll(text);
                    } catch (const std::exception&) {
                        throw DomainError(ErrorKind::NotFound, "not_found", "没有这个有效的 API 密钥",
                                          "No active API key has this id.", "id");
                    }
                    api_keys::Revoke(services.store, id, call.who.staff_username, services.now());
                    WriteJson(call.res, 200, KeyList(services));
                });

    routes.Add(api::endpoints::kGetStaffProductsBySerial, RateClass::None, [&services](RequestContext& call) {
                    Json body;
                    to_json(body, register_service::ProductHistory(services, PathParam(call.req, 1)));
                    WriteJson(call.res, 200, body);
                });
}

} // namespace aftercare::serve
