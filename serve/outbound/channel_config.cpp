// Channel settings: their checks, their saved form, the snapshot in force and its adapters.
#include "outbound/channel_config.hpp"

#include <nlohmann/json.hpp>

#include "outbound/smtp_mailer.hpp"
#include "outbound/tencent_sms.hpp"

namespace aftercare::serve::outbound {
namespace {

using Json = nlohmann::json;

bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

bool HasControlOrSpace(const std::string& text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) <= 0x20) return true;
    return false;
}

std::string Text(const Json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::vector<ChannelProblem> CheckSmtp(const SmtpSettings& smtp) {
    std::vector<ChannelProblem> problems;
    if (smtp.url.empty()) return problems;
    if ((!StartsWith(smtp.url, "smtp://") && !StartsWith(smtp.url, "smtps://")) || HasControlOrSpace(smtp.url) ||
        smtp.url.size() > 500)
        problems.push_back({"email.url", "服务器地址须为 smtp://主机:端口 或 smtps://主机:端口",
                            "The server must be smtp://host:port or smtps://host:port."});
    if (smtp.from.find('@') == std::string::npos || HasControlOrSpace(smtp.from) || smtp.from.size() > 254)
        problems.push_back({"email.from", "发件地址须为电子邮箱地址", "The sender must be an e-mail address."});
    if (smtp.user.empty() != smtp.password.empty())
        problems.push_back({"email.password", "用户名和密码须同时填写（或都不填）",
                            "The user name and password go together (or neither)."});
    return problems;
}

std::vector<ChannelProblem> CheckSms(const SmsSettings& sms) {
    std::vector<ChannelProblem> problems;
    if (sms.provider.empty()) return problems;
    if (sms.provider == "http") {
        if (!IsSecretSafeHttpUrl(sms.url))
            problems.push_back({"sms.url", "网关地址须为 https:// 开头的网址（本机测试可用 http://127.0.0.1）",
                                "The gateway must be an https:// address (http://127.0.0.1 for local tests)."});
    } else if (sms.provider == "tencent") {
        if (!sms.url.empty() && !IsSecretSafeHttpUrl(sms.url))
            problems.push_back({"sms.url", "接口地址须为 https:// 开头的网址，或留空使用腾讯云默认地址",
                                "The endpoint must be an https:// address, or empty for Tencent Cloud's own."});
        const std::pair<const std::string*, const char*> required[] = {{&sms.secret_id, "sms.secret_id"},
                                                                        {&sms.secret_key, "sms.secret_key"},
                                                                        {&sms.sdk_app_id, "sms.sdk_app_id"},
                                                                        {&sms.sign_name, "sms.sign_name"},
                                                                        {&sms.template_id, "sms.template_id"}};
        for (const auto& [value, field] : required)
            if (value->empty()) problems.push_back({field, "腾讯云短信需要填写此项", "Tencent Cloud SMS needs this."});
    } else {
        problems.push_back({"sms.provider", "短信服务商须为 tencent 或 http", "The SMS provider is tencent or http."});
    }
    return problems;
}

std::string SavedChannelsText(const SmtpSettings& smtp, const SmsSettings& sms) {
    const Json saved{{"email", {{"url", smtp.url}, {"from", smtp.from}, {"user", smtp.user}, {"password", smtp.password}}},
                     {"sms",
                      {{"provider", sms.provider},
                       {"url", sms.url},
                       {"secret_id", sms.secret_id},
                       {"secret_key", sms.secret_key},
                       {"sdk_app_id", sms.sdk_app_id},
                       {"sign_name", sms.sign_name},
                       {"template_id", sms.template_id},
                       {"region", sms.region}}}};
    return saved.dump();
}

bool ParseSavedChannels(const std::string& text, SmtpSettings& smtp, SmsSettings& sms) {
    const Json saved = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!saved.is_object() || !saved.contains("email") || !saved.contains("sms") || !saved["email"].is_object() ||
        !saved["sms"].is_object())
        return false;
    const Json& email = saved["email"];
    smtp = SmtpSettings{Text(email, "url"), Text(email, "from"), Text(email, "user"), Text(email, "password")};
    const Json& s = saved["sms"];
    sms = SmsSettings{};
    sms.provider = Text(s, "provider");
    sms.url = Text(s, "url");
    sms.secret_id = Text(s, "secret_id");
    sms.secret_key = Text(s, "secret_key");
    sms.sdk_app_id = Text(s, "sdk_app_id");
    sms.sign_name = Text(s, "sign_name");
    sms.template_id = Text(s, "template_id");
    if (const std::string region = Text(s, "region"); !region.empty()) sms.region = region;
    return CheckSmtp(smtp).empty() && CheckSms(sms).empty();
}

ChannelConfig::ChannelConfig(SmtpSettings server_smtp, SmsSettings server_sms)
    : server_smtp_(std::move(server_smtp)), server_sms_(std::move(server_sms)) {
    auto channels = std::make_shared<Channels>();
    channels->smtp = server_smtp_;
    channels->sms = server_sms_;
    channels->smtp_from_server = !server_smtp_.url.empty();
    channels->sms_from_server = !server_sms_.provider.empty();
    current_ = std::move(channels);
}

std::shared_ptr<const Channels> ChannelConfig::Current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

void ChannelConfig::ApplySaved(const SmtpSettings& smtp, const SmsSettings& sms) {
    std::lock_guard lock(mutex_);
    auto next = std::make_shared<Channels>(*current_);
    if (!next->smtp_from_server) next->smtp = smtp;
    if (!next->sms_from_server) next->sms = sms;
    ++next->version;
    current_ = std::move(next);
}

bool ChannelConfig::ApplySavedText(const std::optional<std::string>& text, std::string& error) {
    if (!text) return true;
    SmtpSettings smtp;
    SmsSettings sms;
    if (!ParseSavedChannels(*text, smtp, sms)) {
        error = "the e-mail and SMS settings saved on the admin screen do not load; the channels stay as they were";
        return false;
    }
    ApplySaved(smtp, sms);
    return true;
}

std::unique_ptr<Channel> MakeEmailChannel(const Channels& channels, const std::string& public_url) {
    if (!channels.EmailEnabled()) return nullptr;
    return std::make_unique<SmtpMailer>(channels.smtp, public_url);
}

std::unique_ptr<Channel> MakeSmsChannel(const Channels& channels, std::function<std::int64_t()> now) {
    if (channels.sms.provider == "tencent") return std::make_unique<TencentSms>(channels.sms, std::move(now));
    if (channels.sms.provider == "http") return std::make_unique<HttpSmsGateway>(channels.sms);
    return nullptr;
}

}  // namespace aftercare::serve::outbound
