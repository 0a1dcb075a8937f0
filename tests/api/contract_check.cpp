// Validating answers against the served OpenAPI document: the small part of JSON Schema the
// generator writes ($ref, allOf, nullable, type, enum, properties, required, additionalProperties,
// items).
#include "contract_check.hpp"

#include <catch2/catch.hpp>

#include <mutex>
#include <regex>
#include <thread>

namespace aftercare::test {
namespace {

using Json = nlohmann::json;

// Captured during static initialization, which runs on the main thread (Catch2's test thread).
const std::thread::id kTestThread = std::this_thread::get_id();

struct Shared {
    std::mutex mutex;
    Json document;                    // fetched once
    std::vector<std::string> pending; // problems seen on helper threads
};

Shared& State() {
    static Shared shared;
    return shared;
}

bool HasType(const Json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    return false;
}

void Validate(const Json& document, const Json& schema, const Json& value, const std::string& where,
              std::vector<std::string>& problems) {
    if (schema.value("nullable", false) && value.is_null()) return;
    if (schema.contains("$ref")) {
        const std::string ref = schema["$ref"].get<std::string>();
        const std::string prefix = "#/components/schemas/";
        const std::string name = ref.substr(prefix.size());
        const Json& components = document["components"]["schemas"];
        if (!components.contains(name)) {
            problems.push_back(where + ": the document has no schema " + name);
            return;
        }
        Validate(document, components[name], value, where, problems);
        return;
    }
    if (schema.contains("allOf")) {
        for (const Json& part : schema["allOf"])
            Validate(document, part, value, where, problems);
        return;
    }
    if (schema.contains("type")) {
        const std::string type = schema["type"].get<std::string>();
        if (!HasType(value, type)) {
            problems.push_back(where + ": expected " + type + ", got " + value.dump());
            return;
        }
    }
    if (schema.contains("enum") &&
        std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
        problems.push_back(where + ": " + value.dump() + " is not one of " + schema["enum"].dump());
    if (value.is_object()) {
        const Json properties = schema.value("properties", Json::object());
        for (const Json& name : schema.value("required", Json::array()))
            if (!value.contains(name.get<std::string>()))
                problems.push_back(where + ": the required field " + name.get<std::string>() + " is missing");
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string path = where + "." + it.key();
            if (properties.contains(it.key())) {
                Validate(document, properties[it.key()], it.value(), path, problems);
            } else if (schema.contains("additionalProperties")) {
                const Json& extra = schema["additionalProperties"];
                if (extra.is_boolean() && !extra.get<bool>())
                    problems.push_back(path + ": a field the document does not describe");
                else if (extra.is_object())
                    Validate(document, extra, it.value(), path, problems);
            }
        }
    }
    if (value.is_array() && schema.contains("items"))
        for (std::size_t i = 0; i < value.size(); ++i)
            Validate(document, schema["items"], value[i], where + "[" + std::to_string(i) + "]", problems);
}

// The document's path template that `path` matches, or empty.
std::string TemplateFor(const Json& document, const std::string& path) {
    for (auto it = document["paths"].begin(); it != document["paths"].end(); ++it) {
        const std::string pattern = std::regex_replace(it.key(), std::regex("\\{[^}]+\\}"), "[^/]+");
        if (std::regex_match(path, std::regex(pattern))) return it.key();
    }
    return {};
}

void Report(const std::vector<std::string>& problems, const std::string& request) {
    std::vector<std::string> earlier;
    {
        std::lock_guard lock(State().mutex);
        if (std::this_thread::get_id() != kTestThread) {
            for (const auto& problem : problems)
                State().pending.push_back(request + ": " + problem);
            return;
        }
        earlier.swap(State().pending);
    }
    for (const auto& problem : earlier)
        FAIL_CHECK("contract: " << problem);
    for (const auto& problem : problems)
        FAIL_CHECK("contract: " << request << ": " << problem);
}

} // namespace

std::vector<std::string> ContractProblems(const Json& document, const std::string& method,
                                          const std::string& path, int status,
                                          const std::string& content_type, const std::string& body) {
    std::vector<std::string> problems;
    const std::string bare = path.substr(0, path.find('?'));
    const std::string path_template = TemplateFor(document, bare);
    if (path_template.empty() || content_type.rfind("application/json", 0) != 0) return problems;
    std::string verb = method;
    for (char& c : verb)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const Json& item = document["paths"][path_template];
    // A method the path does not have is answered 405 with the error shape.
    const Json operation = item.contains(verb) ? item[verb] : item.begin().value();
    const Json& responses = operation["responses"];
    const std::string code = std::to_string(status);
    const Json& response =
        item.contains(verb) && responses.contains(code) ? responses[code] : responses["default"];
    if (!response.contains("content") || !response["content"].contains("application/json")) {
        problems.push_back("a JSON answer with status " + code + " where the document describes none");
        return problems;
    }
    const Json value = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        problems.push_back("the answer is not valid JSON");
        return problems;
    }
    Validate(document, response["content"]["application/json"]["schema"], value, "body", problems);
    return problems;
}

void CheckAnswersAgainstContract(httplib::Client& client, int port) {
    {
        std::lock_guard lock(State().mutex);
        if (State().document.is_null()) {
            httplib::Client plain("127.0.0.1", port);
            auto result = plain.Get("/api/v1/openapi.json");
            if (!result || result->status != 200)
                throw std::runtime_error("cannot read the OpenAPI document");
            State().document = Json::parse(result->body);
        }
    }
    client.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        const auto problems = ContractProblems(State().document, req.method, req.path, res.status,
                                               res.get_header_value("Content-Type"), res.body);
        Report(problems, req.method + " " + req.path + " -> " + std::to_string(res.status));
    });
}

void ReportContractProblems() {
    Report({}, {});
}

} // namespace aftercare::test
