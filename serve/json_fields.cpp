// Refusing JSON keys a wire type does not know.
#include "json_fields.hpp"

namespace aftercare::serve {

void RejectUnknownFields(const nlohmann::json& input, const nlohmann::json& known, const std::string& path) {
    if (!input.is_object() || !known.is_object()) return;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const std::string field = path.empty() ? it.key() : path + "." + it.key();
        const auto match = known.find(it.key());
        if (match == known.end()) {
            // Optional fields sent as null are simply absent from the serialized form.
            if (it.value().is_null()) continue;
            throw DomainError(ErrorKind::BadRequest, "unknown_field", "请求中包含不支持的字段：" + field,
                              "The request contains a field this endpoint does not accept: " + field, field);
        }
        RejectUnknownFields(it.value(), *match, field);
    }
}

} // namespace aftercare::serve
