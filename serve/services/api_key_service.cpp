// API keys: generation, hashing, scopes and their audit trail.
#include "services/api_key_service.hpp"

#include <algorithm>

#include "auth.hpp"
#include "core/validation.h"
#include "services/domain_error.hpp"

namespace aftercare::serve::api_keys {
namespace {

constexpr std::size_t kNameMax = 64;
constexpr std::size_t kShownPrefix = 10; // "ak_" + 7 characters: enough to tell keys apart

} // namespace

const std::vector<std::string>& KnownScopes() {
    static const std::vector<std::string> scopes(std::begin(api::kApiKeyScopes),
                                                 std::end(api::kApiKeyScopes));
    return scopes;
}

CreatedKey Create(Store& store, const std::string& name, const std::vector<std::string>& scopes,
                  const std::string& created_by, std::int64_t now) {
    core::FieldErrors errors;
    if (auto error = core::CheckText("name", name, 1, kNameMax, false)) errors.push_back(*error);
    if (scopes.empty())
        errors.push_back(
            core::MakeError("required", "请至少选择一个权限范围", "Choose at least one scope", "scopes"));
    for (const auto& scope : scopes)
        if (std::find(KnownScopes().begin(), KnownScopes().end(), scope) == KnownScopes().end())
            errors.push_back(core::MakeError(
                "invalid_value", "未知的权限范围：" + scope + "（可选 products、orders、parts）",
                "Unknown scope " + scope + " (products, orders, parts)", "scopes"));
    if (!errors.empty()) throw DomainError(ErrorKind::InvalidValue, std::move(errors));

    CreatedKey created;
    created.key = std::string(kKeyPrefix) + NewToken();
    created.record.name = name;
    created.record.prefix = created.key.substr(0, kShownPrefix);
    for (const auto& scope : KnownScopes()) // canonical order, no duplicates
        if (std::find(scopes.begin(), scopes.end(), scope) != scopes.end())
            created.record.scopes.push_back(scope);
    created.record.created_by = created_by;
    created.record.created_at = now;
    store.Write([&](StoreTx& tx) {
        created.record.id = tx.Register().InsertApiKey(created.record, TokenHash(created.key));
        tx.InsertAudit(
            {0,
             now,
             created_by,
             "api_key_create",
             0,
             {},
             created.record.prefix + " " + name + " [" + nlohmann::json(created.record.scopes).dump() + "]"});
    });
    return created;
}

void Revoke(Store& store, std::int64_t id, const std::string& revoked_by, std::int64_t now) {
    bool revoked = false;
    store.Write([&](StoreTx& tx) {
        revoked = tx.Register().RevokeApiKey(id, now);
        if (revoked)
            tx.InsertAudit({0, now, revoked_by, "api_key_revoke", 0, {}, "key " + std::to_string(id)});
    });
    if (!revoked)
        throw DomainError(ErrorKind::NotFound, "not_found", "没有这个有效的 API 密钥",
                          "No active API key has this id.", "id");
}

std::optional<Principal> Resolve(Store& store, const std::string& key) {
    if (key.rfind(kKeyPrefix, 0) != 0) return std::nullopt;
    auto record = store.Register().FindApiKey(TokenHash(key));
    if (!record || record->revoked_at) return std::nullopt;
    Principal who;
    who.kind = Principal::Kind::Integration;
    who.api_key_id = record->id;
    who.api_key_name = record->name;
    who.api_key_scopes = record->scopes;
    return who;
}

void RequireScope(const Principal& who, std::string_view scope) {
    if (std::find(who.api_key_scopes.begin(), who.api_key_scopes.end(), scope) == who.api_key_scopes.end())
        throw DomainError(ErrorKind::Forbidden, "scope_missing",
                          "此 API 密钥没有“" + std::string(scope) + "”权限",
                          "This API key lacks the " + std::string(scope) + " scope.");
}

api::ApiKeyView ToWire(const ApiKeyRecord& record) {
    api::ApiKeyView view;
    view.id = record.id;
    view.name = record.name;
    view.prefix = record.prefix;
    view.scopes = record.scopes;
    view.created_by = record.created_by;
    view.created_at = record.created_at;
    view.active = !record.revoked_at;
    view.revoked_at = record.revoked_at;
    view.last_used_at = record.last_used_at;
    return view;
}

} // namespace aftercare::serve::api_keys
