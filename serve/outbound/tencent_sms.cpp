// Tencent Cloud SMS (TC3-HMAC-SHA256) and the generic HTTP SMS gateway.
#include "outbound/tencent_sms.hpp"

#include <sodium.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "outbound/http_post.hpp"

namespace aftercare::serve::outbound {
namespace {

using Json = nlohmann::json;

std::string Hex(const unsigned char* bytes, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

std::string Sha256Hex(std::string_view text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return Hex(digest, sizeof digest);
}

std::string Hmac(std::string_view key, std::string_view message) {
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

std::string UtcDate(std::int64_t timestamp) {
    const std::time_t t = static_cast<std::time_t>(timestamp);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
    return buffer;
}

}  // namespace

Tc3Signature SignTc3(const Tc3Request& request) {
    Tc3Signature out;
    out.hashed_payload = Sha256Hex(request.payload);
    const std::string signed_headers = "content-type;host";
    out.canonical_request = "POST\n/\n\ncontent-type:" + request.content_type + "\nhost:" + request.host + "\n\n" +
                            signed_headers + "\n" + out.hashed_payload;
    const std::string date = UtcDate(request.timestamp);
    const std::string scope = date + "/" + request.service + "/tc3_request";
    out.string_to_sign = "TC3-HMAC-SHA256\n" + std::to_string(request.timestamp) + "\n" + scope + "\n" +
                         Sha256Hex(out.canonical_request);
    const std::string secret_date = Hmac("TC3" + request.secret_key, date);
    const std::string secret_service = Hmac(secret_date, request.service);
    const std::string secret_signing = Hmac(secret_service, "tc3_request");
    const std::string mac = Hmac(secret_signing, out.string_to_sign);
    out.signature = Hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
    out.authorization = "TC3-HMAC-SHA256 Credential=" + request.secret_id + "/" + scope +
                        ", SignedHeaders=" + signed_headers + ", Signature=" + out.signature;
    return out;
}

TencentSms::TencentSms(SmsSettings settings, std::function<std::int64_t()> now)
    : settings_(std::move(settings)), now_(std::move(now)) {}

DeliveryOutcome TencentSms::Deliver(const OutboxMessage& message) {
    // One approved template whose single variable carries the rendered text (Tencent sends only
    // approved templates; the vendor registers "{1}" under its signature).
    const Json body{{"PhoneNumberSet", {message.recipient}},
                    {"SmsSdkAppId", settings_.sdk_app_id},
                    {"SignName", settings_.sign_name},
                    {"TemplateId", settings_.template_id},
                    {"TemplateParamSet", {message.body}},
                    {"SessionContext", message.message_id}};
    Tc3Request request;
    request.secret_id = settings_.secret_id;
    request.secret_key = settings_.secret_key;
    request.service = "sms";
    request.host = "sms.tencentcloudapi.com";
    request.payload = body.dump();
    request.timestamp = now_();
    const Tc3Signature signature = SignTc3(request);
    const std::string url = settings_.url.empty() ? "https://" + request.host : settings_.url;
    const HttpReply reply = PostJson(url, request.payload,
                                     {"Authorization: " + signature.authorization, "Host: " + request.host,
                                      "X-TC-Action: SendSms", "X-TC-Version: 2021-01-11",
                                      "X-TC-Timestamp: " + std::to_string(request.timestamp),
                                      "X-TC-Region: " + settings_.region});
    if (!reply.transport_ok) return {false, false, "tencent sms: " + reply.error};
    if (reply.status < 200 || reply.status >= 300) return {false, false, "tencent sms: HTTP " + std::to_string(reply.status)};
    // Errors come back as 200 with Response.Error, or per number in SendStatusSet[].Code != "Ok".
    const Json answer = Json::parse(reply.body, nullptr, false);
    if (answer.is_discarded()) return {false, false, "tencent sms: the answer is not JSON"};
    const Json& response = answer.value("Response", Json::object());
    if (response.contains("Error"))
        return {false, false, "tencent sms: " + response["Error"].value("Code", std::string("error"))};
    for (const auto& status : response.value("SendStatusSet", Json::array()))
        if (status.value("Code", std::string()) != "Ok")
            return {false, false, "tencent sms: " + status.value("Code", std::string("error"))};
    return {true, false, {}};
}

HttpSmsGateway::HttpSmsGateway(SmsSettings settings) : settings_(std::move(settings)) {}

DeliveryOutcome HttpSmsGateway::Deliver(const OutboxMessage& message) {
    const Json body{{"id", message.message_id}, {"to", message.recipient}, {"text", message.body}};
    std::vector<std::string> headers;
    if (!settings_.secret_key.empty()) headers.push_back("Authorization: Bearer " + settings_.secret_key);
    const HttpReply reply = PostJson(settings_.url, body.dump(), headers);
    if (!reply.transport_ok) return {false, false, "sms gateway: " + reply.error};
    if (reply.status >= 200 && reply.status < 300) return {true, false, {}};
    return {false, false, "sms gateway: HTTP " + std::to_string(reply.status)};
}

}  // namespace aftercare::serve::outbound
