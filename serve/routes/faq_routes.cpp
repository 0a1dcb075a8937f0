// Public reference data: FAQ search (and "this answer solved my problem"), and the vendor policy.
#include "api/policy_json.h"
#include "http_util.hpp"
#include "outbound/channel_config.hpp"
#include "routes/routes.hpp"

namespace aftercare::serve {

// Counted once per "this solved it" press: a repair request the FAQ made unnecessary (deflection).
constexpr const char* kDeflectionCounter = "aftercare_faq_deflections_total";

void RegisterFaqRoutes(RouteTable& routes, Services& services, const FaqIndex& faq) {
    routes.Add(api::endpoints::kGetFaq, RateClass::None, [&faq, &services](RequestContext& call) {
                    const std::string query = call.req.get_param_value("q");
                    if (query.size() > 200)
                        throw DomainError(ErrorKind::BadRequest, "too_long", "搜索词过长",
                                          "The search text is too long.", "q");
                    const std::string lang = RequestLanguage(call.req) == api::Language::En ? "en" : "zh";
                    const int limit = static_cast<int>(QueryInt(call.req, "limit", 10, 1, 50));
                    Json body;
                    to_json(body, faq.Search(query, lang, limit, *services.Policy()));
                    call.res.set_header("Cache-Control", "public, max-age=300");
                    WriteJson(call.res, 200, body);
                });

    // Present from the start (at 0), so a dashboard can tell "none yet" from "not deployed".
    services.metrics.AddCounter(kDeflectionCounter, 0);
    routes.Add(api::endpoints::kPostFaqByIdSolved, RateClass::Create, [&faq, &services](RequestContext& call) {
                    const std::optional<api::FaqItem> item = faq.Find(PathParam(call.req, 1), *services.Policy());
                    if (!item)
                        throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这条常见问题",
                                          "No such FAQ article.");
                    services.metrics.AddCounter(kDeflectionCounter);
                    Json body;
                    to_json(body, *item);
                    WriteJson(call.res, 200, body);
                });
}

void RegisterPolicyRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kGetPolicy, RateClass::None, [&services](RequestContext& call) {
                    // An admin's change of channels reaches a cached copy within max-age, like a
                    // policy change.
                    api::PortalPolicy body{*services.Policy(), {}};
                    if (services.channels != nullptr) {
                        const auto in_force = services.channels->Current();
                        body.channels.sms = in_force->SmsEnabled();
                        body.channels.email = in_force->EmailEnabled();
                    }
                    Json json;
                    to_json(json, body);
                    call.res.set_header("Cache-Control", "public, max-age=300");
                    WriteJson(call.res, 200, json);
                });
}

}  // namespace aftercare::serve
