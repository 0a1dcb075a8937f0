// Scalar readers and error plumbing for the non-throwing JSON reader.
#include "api/wire_reader.h"

#include <cmath>
#include <limits>

namespace aftercare::api {

core::Error ToError(const ParseError& error) {
    std::string zh;
    if (error.code == "missing_field") {
        zh = "缺少必填字段：" + error.field;
    } else if (error.code == "wrong_type") {
        zh = "字段类型错误：" + error.field;
    } else if (error.code == "invalid_value") {
        zh = "字段取值无效：" + error.field;
    } else if (error.code == "not_object") {
        zh = "请求内容必须是 JSON 对象";
    } else {
        zh = "请求内容无效";
    }
    return core::Error{error.code, core::LocalizedText{zh, error.what}, error.field};
}

WireParseException::WireParseException(ParseError error) : std::runtime_error(error.what), error_(std::move(error)) {}

namespace {
const Json& EmptyObject() {
    static const Json kEmpty = Json::object();
    return kEmpty;
}
} // namespace

WireReader::WireReader(const Json& object, std::string path, std::optional<ParseError>& failure)
    : object_(object), path_(std::move(path)), failure_(failure) {}

WireReader::WireReader(SchemaSink& sink, Json& schema)
    : object_(EmptyObject()), failure_(own_failure_), sink_(&sink), schema_(&schema) {}

void WireReader::Describe(std::string_view key, bool required, Json schema) {
    (*schema_)["properties"][std::string(key)] = std::move(schema);
    if (required) (*schema_)["required"].push_back(std::string(key));
}

void WireReader::Fail(std::string_view key, std::string code, std::string what) {
    if (sink_ != nullptr || failure_) return;
    failure_ = ParseError{PathOf(key), std::move(code), std::move(what)};
}

std::string WireReader::PathOf(std::string_view key) const {
    if (path_.empty()) return std::string(key);
    if (key.empty()) return path_;
    return path_ + "." + std::string(key);
}

namespace {

bool WrongType(const std::string& path, const char* expected, std::optional<ParseError>& failure) {
    failure = ParseError{path, "wrong_type", (path.empty() ? std::string("value") : path) + ": expected " + expected};
    return false;
}

// Integers must be JSON integers (1.0 and "1" are refused) that fit the target type.
template <class Int> bool ReadInteger(const Json& value, Int& out, const std::string& path,
                                      std::optional<ParseError>& failure, const char* expected) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) {
            failure = ParseError{path, "invalid_value", path + ": number out of range"};
            return false;
        }
        out = static_cast<Int>(number);
        return true;
    }
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number < static_cast<std::int64_t>(std::numeric_limits<Int>::min()) ||
            number > static_cast<std::int64_t>(std::numeric_limits<Int>::max())) {
            failure = ParseError{path, "invalid_value", path + ": number out of range"};
            return false;
        }
        out = static_cast<Int>(number);
        return true;
    }
    return WrongType(path, expected, failure);
}

} // namespace

bool ReadValue(const Json& value, std::string& out, const std::string& path, std::optional<ParseError>& failure) {
    if (!value.is_string()) return WrongType(path, "a string", failure);
    out = value.get<std::string>();
    return true;
}

bool ReadValue(const Json& value, bool& out, const std::string& path, std::optional<ParseError>& failure) {
    if (!value.is_boolean()) return WrongType(path, "true or false", failure);
    out = value.get<bool>();
    return true;
}

bool ReadValue(const Json& value, int& out, const std::string& path, std::optional<ParseError>& failure) {
    return ReadInteger(value, out, path, failure, "an integer");
}

bool ReadValue(const Json& value, std::int64_t& out, const std::string& path, std::optional<ParseError>& failure) {
    return ReadInteger(value, out, path, failure, "an integer");
}

bool ReadValue(const Json& value, double& out, const std::string& path, std::optional<ParseError>& failure) {
    if (!value.is_number()) return WrongType(path, "a number", failure);
    out = value.get<double>();
    if (!std::isfinite(out)) {
        failure = ParseError{path, "invalid_value", path + ": number out of range"};
        return false;
    }
    return true;
}

bool ReadValue(const Json& value, core::CivilDate& out, const std::string& path,
               std::optional<ParseError>& failure) {
    if (!value.is_string()) return WrongType(path, "a date \"YYYY-MM-DD\"", failure);
    const auto date = core::ParseIsoDate(value.get_ref<const std::string&>());
    if (!date) {
        failure = ParseError{path, "invalid_value", path + ": expected a date \"YYYY-MM-DD\""};
        return false;
    }
    out = *date;
    return true;
}

std::string DumpJson(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json SchemaOf(SchemaSink&, const std::string*) { return Json{{"type", "string"}}; }
Json SchemaOf(SchemaSink&, const bool*) { return Json{{"type", "boolean"}}; }
Json SchemaOf(SchemaSink&, const int*) { return Json{{"type", "integer"}}; }
Json SchemaOf(SchemaSink&, const std::int64_t*) { return Json{{"type", "integer"}, {"format", "int64"}}; }
Json SchemaOf(SchemaSink&, const double*) { return Json{{"type", "number"}}; }
Json SchemaOf(SchemaSink&, const core::CivilDate*) { return Json{{"type", "string"}, {"format", "date"}}; }

} // namespace aftercare::api
