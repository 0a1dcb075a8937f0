// Outbound configuration: which channels exist, retry schedule, SMS rules. Filled from flags and
// the environment (config.cpp); secrets come only from the environment, never from flags (ps shows flags).
#pragma once

#include <string>

namespace aftercare::serve::outbound {

struct SmtpSettings {
    std::string url;       // smtp://host:port or smtps://host:port; empty: no e-mail
    std::string from;      // envelope and From: address
    std::string user;      // AFTERCARE_SMTP_USER
    std::string password;  // AFTERCARE_SMTP_PASSWORD
};

struct SmsSettings {
    std::string provider;  // "" (none) | "tencent" | "http"
    std::string url;       // http: the gateway's URL; tencent: the endpoint (default https://sms.tencentcloudapi.com)
    std::string secret_id;   // tencent: AFTERCARE_SMS_SECRET_ID
    std::string secret_key;  // AFTERCARE_SMS_SECRET_KEY: tencent SecretKey; http: the Bearer token, when set
    std::string sdk_app_id;  // tencent: SmsSdkAppId
    std::string sign_name;   // tencent: SignName
    std::string template_id; // tencent: one template with a single {1} parameter carrying the text
    std::string region = "ap-guangzhou";
};

struct OutboundSettings {
    std::string public_url;   // origin of the portal for links in messages ("https://service.example.com")
    // The channels the server's flags and environment set; the admin screen sets the others
    // (channel_config.hpp holds the ones in force).
    SmtpSettings smtp;
    SmsSettings sms;
    int max_attempts = 8;          // then the message is dead
    int retry_base_seconds = 30;   // first retry within this; doubling, full jitter
    int retry_cap_seconds = 6 * 3600;
    int sms_per_recipient_per_hour = 5;
    // Quiet hours for SMS, on the vendor's clock (the policy's calendar.vendor_utc_offset_minutes).
    int quiet_start_hour = 22;
    int quiet_end_hour = 8;
};

}  // namespace aftercare::serve::outbound
