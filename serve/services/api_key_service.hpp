// Integration API keys for the vendor's ERP / e-commerce system: created and revoked by an admin
// (console or `aftercare-server create-api-key`), shown once, stored as a hash, limited to scopes,
// audited when created, revoked and used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/vendor_wire.h"
#include "principal.hpp"
#include "store/register.hpp"
#include "store/store.hpp"

namespace aftercare::serve::api_keys {

// Keys read "ak_" + 43 characters of base64url (256 random bits); the prefix tells the route
// wrapper's resolver that a bearer credential is a key, not a session token.
inline constexpr std::string_view kKeyPrefix = "ak_";

// What a key may write: the import kinds.
const std::vector<std::string>& KnownScopes();

struct CreatedKey {
    ApiKeyRecord record;
    std::string key; // the only time the secret exists outside the caller's hands
};

// Throws DomainError 422 for a bad name or scope list.
CreatedKey Create(Store& store, const std::string& name, const std::vector<std::string>& scopes,
                  const std::string& created_by, std::int64_t now);
// Throws DomainError 404 when there is no such active key.
void Revoke(Store& store, std::int64_t id, const std::string& revoked_by, std::int64_t now);

// A live key -> its principal; revoked or unknown -> nullopt.
std::optional<Principal> Resolve(Store& store, const std::string& key);

// Throws 403 when the key lacks `scope`.
void RequireScope(const Principal& who, std::string_view scope);

api::ApiKeyView ToWire(const ApiKeyRecord& record);

} // namespace aftercare::serve::api_keys
